// The live test's failure cases (issue #6), shared by the Chromium suite (live.test.mjs) and the
// Firefox suite (firefox.test.mjs): each simulator switch, the capture it needs, the probe its
// finding shows on, the finding's code and a pattern its fix must match. Both browsers must show
// the same finding for the same failure (the fetch errors they raise differ: the core maps both).

/** Viva Learning's SOAP endpoint; no fixture page shows it (wdcap builds it from the REST host). */
export const SOAP_ENDPOINT = 'https://wd3-impl-services1.workday.com/ccx/service/acme/Learning/v39.2';

/** Each switch, the capture it needs, the probe it shows on, and the finding code. */
export const CASES = [
  { sw: ['invalid_client'], probe: 'oauth', code: 'live-invalid-client', fix: /client secret/ },
  { sw: ['invalid_grant'], probe: 'oauth', code: 'live-invalid-grant', fix: /Manage Refresh Tokens/ },
  { sw: ['invalid_request'], probe: 'oauth', code: 'live-invalid-request', fix: /tenant name/ },
  { sw: ['unauthorized'], probe: 'rest', code: 'live-unauthorized', fix: /password expired.*authentication policy/s },
  { sw: ['forbidden'], probe: 'rest', code: 'live-forbidden', fix: /Check these, which the partner needs: .*Activate Pending Security Policy Changes/s, partner: 'kombo' },
  { sw: ['not_found'], probe: 'oauth', code: 'live-not-found', fix: /\/ccx\/oauth2\// },
  { sw: ['unavailable'], probe: 'oauth', code: 'live-server-error', fix: /wrong data center/ },
  { sw: ['connection_reset'], probe: 'oauth', code: 'live-unreachable', fix: /host name and data center/ },
  { sw: ['redirect'], probe: 'oauth', code: 'live-unreachable', fix: /host name/ },
  // An unconfirmed shape: the error as an HTML page, not JSON. The code is still read from it.
  { sw: ['invalid_grant', 'html_errors'], probe: 'oauth', code: 'live-invalid-grant', fix: /Manage Refresh Tokens/ },
  { sw: ['unauthorized', 'html_errors'], probe: 'rest', code: 'live-unauthorized', fix: /authentication policy/ },
  { sw: ['unauthorized'], probe: 'raas', code: 'live-unauthorized', fix: /authentication policy/, report: true },
  { sw: ['forbidden'], probe: 'soap', code: 'live-forbidden', fix: /Get access/, soap: true },
  { sw: ['unauthorized'], probe: 'soap', code: 'live-unauthorized', fix: /user@tenant/, soap: true },
  { sw: ['report_empty'], probe: 'raas', code: 'live-report-empty', fix: /Share the report with the ISU/, report: true, passes: true },
  { sw: ['report_missing_field'], probe: 'raas', code: 'live-report-field-missing', fix: /Add the field/, report: true, passes: true, partner: 'ten-thousand-coffees' },
  { sw: ['basic_only'], probe: 'oauth', code: 'live-basic-auth-only', fix: /HTTP Basic/, passes: true },
];
