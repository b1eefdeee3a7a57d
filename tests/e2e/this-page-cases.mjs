// The tenant page no recogniser claims (tests/fixtures/unclaimed/view_integration_system/): what
// is planted on it (never kept, never in a structure copy) and the connection URLs it shows (kept),
// shared by the Chromium and Firefox suites.

/** Planted on the page (tests/fixtures/unclaimed/): never kept, never in a structure copy. */
export const PLANTED = [
  'PLANTEDsecretQ7v9Zx2LmN4pR8tW1yB6cD3fG5hJ0kS',
  'Hunter2!PlantedPass#2026',
  'PLANTEDurlQueryValue88',
  'PLANTEDrefreshTitle0rT9sX2vB7nM4kQ8wE1zA6yH3',
  'PLANTEDclipRefresh5Ty8Ui2Op4As6Df9Gh1Jk3Lz7Xc0Vb',
];
export const URLS = {
  soap_endpoint: 'https://wd3-impl-services1.workday.com/ccx/service/acme/Human_Resources/v42.0',
  token_endpoint: 'https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token',
  authorization_endpoint: 'https://wd3-impl.workday.com/acme/authorize',
  raas_url: 'https://wd3-impl-services1.workday.com/ccx/service/customreport2/acme/ISU_Learning/Learning_Users?format=json',
};

