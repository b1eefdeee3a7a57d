// @ts-check
// Generated from the Rust declarations by tests/it/generated.rs (`make generate`). Do not edit.
//
// Declarations only, no imports: the build puts this file into the content script.

/** Every page a recogniser reads, in the recognisers' order. */
export const PAGE_IDS = Object.freeze(
  /** @type {const} */ ([
    'view_api_clients',
    'register_api_client',
    'view_api_client',
    'manage_refresh_tokens',
    'view_urls',
    'view_ids',
    'headcount_report',
    'maintain_permissions',
    'domain_policies_for_area',
    'edit_tenant_setup_security',
    'edit_tenant_setup_system',
    'create_isu',
    'create_security_group',
    'activate_security_changes',
    'report_sharing',
    'custom_report',
  ]),
);

/**
 * Every kind of value, in the core's order: its English title (the pages show the translated
 * `kind_<kind>` message), whether it is a secret, whether it is a URL.
 */
export const VALUE_KINDS = Object.freeze(
  /** @type {const} */ ({
    rest_endpoint: { title: 'Workday REST API Endpoint', secret: false, url: true },
    token_endpoint: { title: 'Token Endpoint', secret: false, url: true },
    authorization_endpoint: { title: 'Authorization Endpoint', secret: false, url: true },
    soap_endpoint: { title: 'SOAP Web Service Endpoint', secret: false, url: true },
    raas_url: { title: 'RaaS report URL', secret: false, url: true },
    ui_url: { title: 'Workday UI URL', secret: false, url: true },
    client_id: { title: 'Client ID', secret: false, url: false },
    client_secret: { title: 'Client Secret', secret: true, url: false },
    refresh_token: { title: 'Refresh Token', secret: true, url: false },
    org_id: { title: 'Organization ID', secret: false, url: false },
    isu_username: { title: 'Integration System User', secret: false, url: false },
  }),
);

/** The kinds a value may be captured as by hand (context menu, "Add a value"), in menu order. */
export const HAND_KINDS = Object.freeze(/** @type {const} */ (['client_id', 'client_secret', 'refresh_token', 'org_id', 'rest_endpoint', 'token_endpoint', 'authorization_endpoint', 'soap_endpoint', 'raas_url', 'isu_username']));

/** The answers to "does the tenant use SAML SSO?"; the first is the default. */
export const SSO_CHOICES = Object.freeze(/** @type {const} */ (['unknown', 'yes', 'no']));

/** A finding's severities, worst first. */
export const SEVERITIES = Object.freeze(/** @type {const} */ (['error', 'warning', 'info']));

/** The files the Verify page opens (dropped or chosen): mail files, then text files. */
export const TICKET_FILES = Object.freeze(/** @type {const} */ (['.eml', '.txt', '.md', '.html', '.htm', '.json']));

/**
 * The largest file the Verify page reads (a mail with its attachments); the core then holds
 * each kind of file to its own limit.
 */
export const MAX_FILE_BYTES = 67108864;
