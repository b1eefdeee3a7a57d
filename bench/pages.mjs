// The pages the browser benchmark measures. The small one is the View API Clients fixture as
// saved; the large ones are generated in the shapes of the fixtures under
// tests/fixtures/pages/maintain_permissions/ (grids of promptOption cells) and
// tests/fixtures/pages/headcount_report/ (a treegrid of rows with aria-level), so the recognisers
// see the page they would see in Workday, only longer.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The address a saved page names in its `<!-- saved from url=(N)URL -->` comment. */
export function savedFromUrl(html) {
  const m = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/.exec(html);
  return m ? m[1] : '';
}

function page({ url, title, lang = 'en-US', body }) {
  return `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->
<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body>
${body}
</body>
</html>
`;
}

// A deterministic pseudo-random sequence (the same page every run).
function rng(seed) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

const FIRST = ['Logan', 'Teresa', 'Oliver', 'Maria', 'Ravi', 'Jun', 'Ana', 'Chen', 'Amara', 'Lars', 'Fatima', 'Diego'];
const LAST = ['McNeil', 'Serrano', 'Reynolds', 'Cardoza', 'Shah', 'Park', 'Silva', 'Wei', 'Okafor', 'Berg', 'Haddad', 'Ruiz'];
const UNITS = ['Finance', 'Payroll', 'Engineering', 'Platform', 'Learning', 'Sales', 'Support', 'Legal', 'Facilities', 'Research'];

/** A Headcount Report treegrid of `rows` organisations (levels 1–4). */
export function headcountReport(rows) {
  const r = rng(10_000 + rows);
  const out = [];
  let level = 1;
  for (let i = 0; i < rows; i++) {
    level = i === 0 ? 1 : Math.max(2, Math.min(4, level + Math.floor(r() * 3) - 1));
    const name = `${UNITS[Math.floor(r() * UNITS.length)]} ${i}`;
    const manager = `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]}`;
    out.push(
      `    <div role="row" aria-level="${level}"><div role="rowheader">${esc(name)}</div><div role="gridcell">${esc(manager)}</div><div role="gridcell">${1 + Math.floor(r() * 400)}</div></div>`,
    );
  }
  return page({
    url: 'https://wd5.myworkday.com/acme/d/task/1422$3127.htmld',
    title: 'Headcount Report - Workday',
    body: `<div role="main">
  <h1>Headcount Report</h1>
  <div role="treegrid" aria-label="Headcount">
    <div role="row">
      <div role="columnheader">Supervisory Organization</div>
      <div role="columnheader">Manager</div>
      <div role="columnheader">Headcount</div>
    </div>
${out.join('\n')}
  </div>
</div>`,
  });
}

const ACCESS = ['Get Only', 'Get and Put', 'View Only', 'View and Modify'];
const POLICIES = [
  'Reports: Learning Record',
  'Manage: Learning Content',
  'Worker Data: Active and Terminated Workers',
  'Worker Data: Current Staffing Information',
  'Workday Accounts',
  'Person Data: Work Email',
  'Worker Data: Organization Information',
  'Set Up: Learning',
];
const AREAS = ['Learning', 'Staffing', 'System', 'Core Navigation', 'Organizations and Roles'];

const option = (label) =>
  `<div data-automation-id="promptOption" data-automation-label="${esc(label)}" title="${esc(label)}">${esc(label)}</div>`;

/** Maintain Domain Permissions for Security Group with one Integration Permissions grid of `rows`. */
export function maintainPermissions(rows) {
  const r = rng(500 + rows);
  const out = [];
  for (let i = 0; i < rows; i++) {
    const access = ACCESS[Math.floor(r() * 2)];
    const policy = `${POLICIES[Math.floor(r() * POLICIES.length)]}${i >= POLICIES.length ? ` ${i}` : ''}`;
    const area = AREAS[Math.floor(r() * AREAS.length)];
    out.push(
      `      <div role="row" data-testid="row"><div role="gridcell" data-testid="cell">${option(access)}</div><div role="gridcell" data-testid="cell">${option(policy)}</div><div role="gridcell" data-testid="cell">${option(area)}</div></div>`,
    );
  }
  return page({
    url: 'https://wd5.myworkday.com/acme/d/inst/15194$6650/rel-task/1422$1011.htmld',
    title: 'Maintain Domain Permissions for Security Group - Workday',
    body: `<div role="main">
  <div data-testid="pageHeader"><h1><span data-testid="pageHeaderTitleText">Maintain Domain Permissions for Security Group</span></h1></div>
  <div><label data-testid="formLabel">Security Group</label><div data-testid="decorationWrapper"><span data-testid="promptOption" data-automation-label="ISU_Microsoft_Viva_Learning">ISU_Microsoft_Viva_Learning</span></div></div>
  <section>
    <h2 data-testid="gridTitleLabel" title="Integration Permissions">Integration Permissions</h2>
    <div role="grid" data-testid="table" aria-label="Integration Permissions">
      <div role="row"><div role="columnheader">Get/Put Access</div><div role="columnheader">Domain Security Policy</div><div role="columnheader">Functional Areas</div></div>
${out.join('\n')}
    </div>
  </section>
</div>`,
  });
}

/** The cases, in the order the table prints them. */
export function cases(root) {
  const viewApiClients = readFileSync(join(root, 'tests/fixtures/pages/view_api_clients/api_clients_tab.html'), 'utf8');
  return [
    { id: 'view_api_clients', name: 'View API Clients (fixture)', html: viewApiClients },
    { id: 'maintain_permissions_500', name: 'Maintain Permissions, 500 rows', html: maintainPermissions(500) },
    { id: 'headcount_10000', name: 'Headcount Report, 10 000 rows', html: headcountReport(10_000), mutate: true },
  ].map((c) => ({ ...c, url: savedFromUrl(c.html) }));
}
