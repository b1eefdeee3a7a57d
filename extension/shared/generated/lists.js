// Generated from the Rust declarations by tests/it/generated.rs (`make generate`). Do not edit.

/** Every page id, in the recognisers' order. */
export const PAGE_IDS = Object.freeze([
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
]);

/** Every value kind: its id, the name a person reads, whether it is a secret, whether it is a URL. */
export const VALUE_KINDS = Object.freeze([
  Object.freeze({ id: 'rest_endpoint', title: 'Workday REST API Endpoint', secret: false, url: true }),
  Object.freeze({ id: 'token_endpoint', title: 'Token Endpoint', secret: false, url: true }),
  Object.freeze({ id: 'authorization_endpoint', title: 'Authorization Endpoint', secret: false, url: true }),
  Object.freeze({ id: 'soap_endpoint', title: 'SOAP Web Service Endpoint', secret: false, url: true }),
  Object.freeze({ id: 'raas_url', title: 'RaaS report URL', secret: false, url: true }),
  Object.freeze({ id: 'ui_url', title: 'Workday UI URL', secret: false, url: true }),
  Object.freeze({ id: 'client_id', title: 'Client ID', secret: false, url: false }),
  Object.freeze({ id: 'client_secret', title: 'Client Secret', secret: true, url: false }),
  Object.freeze({ id: 'refresh_token', title: 'Refresh Token', secret: true, url: false }),
  Object.freeze({ id: 'org_id', title: 'Organization ID', secret: false, url: false }),
  Object.freeze({ id: 'isu_username', title: 'Integration System User', secret: false, url: false }),
]);

/** The answers to "does the tenant use SAML SSO?". */
export const SSO_CHOICES = Object.freeze(['unknown', 'yes', 'no']);

/** Finding severities, the most severe first. */
export const SEVERITIES = Object.freeze(['error', 'warning', 'info']);
