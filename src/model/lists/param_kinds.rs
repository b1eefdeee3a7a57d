// What a value can be: the one list of parameter kinds. Each line names a kind (its snake_case
// form is part of the CLI's JSON contract), its `ParamKind` variant, the name a person reads,
// whether it is a secret (kept in `Secret`, masked unless revealed) and whether it is a URL.
//
// Included, not compiled on its own (it defines the macro `param_kinds!`, which hands the list
// to the macro named in its call), by `src/model/param.rs` (the `ParamKind` enum) and
// `build.rs` (checks `partners/*.toml` name only these).
macro_rules! param_kinds {
    ($then:ident) => {
        $then! {
            rest_endpoint => RestEndpoint { title: "Workday REST API Endpoint", secret: false, url: true },
            token_endpoint => TokenEndpoint { title: "Token Endpoint", secret: false, url: true },
            authorization_endpoint => AuthorizationEndpoint { title: "Authorization Endpoint", secret: false, url: true },
            soap_endpoint => SoapEndpoint { title: "SOAP Web Service Endpoint", secret: false, url: true },
            raas_url => RaasUrl { title: "RaaS report URL", secret: false, url: true },
            ui_url => UiUrl { title: "Workday UI URL", secret: false, url: true },
            client_id => ClientId { title: "Client ID", secret: false, url: false },
            client_secret => ClientSecret { title: "Client Secret", secret: true, url: false },
            refresh_token => RefreshToken { title: "Refresh Token", secret: true, url: false },
            org_id => OrgId { title: "Organization ID", secret: false, url: false },
            isu_username => IsuUsername { title: "Integration System User", secret: false, url: false },
        }
    };
}
