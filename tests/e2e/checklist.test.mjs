// End to end: the trainer checklist. For each of the four partners, a
// trainer has the checklist open in one tab and walks the simulator's Workday pages (every page
// fixture is served at its saved-from address) in another; the checklist ticks itself from what
// the pages show, live, to 100%. Where the pages alone cannot decide, the test acts by hand and
// says so:
//   - Defender for Cloud Apps "Grant the security group the domain permissions": Domain Security
//     Policies for Functional Area lists the access of every group, and no page of the walk says
//     which group is the integration's; the trainer names it once (then the pages decide);
//   - Viva Learning "Build the Workday Web Service endpoint": no Workday page shows it; the
//     checklist builds it from the captured REST endpoint's services host and the trainer
//     accepts it ("Use this value");
//   - Ten Thousand Coffees "Create the Group report": the admin checks "Enable As Web Service"
//     on the report's page (the test flips the check box in the page, as the admin would);
//   - Ten Thousand Coffees "Send the JSON endpoints to 10KC": the e-mail happens outside
//     Workday; its evidence is the trainer using the popup's "Export for partner".
// No step of any partner is ticked by hand.
// Also: a permissions page that lacks some of the partner's policies makes the step "not right
// yet" until the policies are added; the popup shows the same progress; Markdown export;
// reset; class mode.
//
// Steps about an object judge the partner's own: the API client named after the partner (or the
// one the trainer chose, or the only one), the security group holding the partner's ISU (or the
// one named, or the only one). A page about another client or group is shown with the step, not
// counted: each walk's pages tell one coherent story.
//
// A record is one tenant on one host family: every page of a walk is served at the tenant's own
// UI host (wd3-impl.workday.com), whichever host its fixture was saved from.
//
// The walk-throughs run twice, once per build of Workday's UI (docs/pages.md): the simulator
// serves every page in the older build, then in the newer one. One browser per build.

import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, currentWorker, waitFor, tabIdOf, openPopup, ROOT, PAGE_PATHS, ACME, recordKey, onTenantHost } from './harness.mjs';
import { BUILDS } from '../../sim/fixtures.mjs';

const DEMO = join(ROOT, 'dist', 'demo');
let browser;
let build; // the build of Workday's UI the simulator serves
let workday; // the tab the trainer walks Workday in
const URLS = new Map(); // fixture ref -> its address on the simulator

async function openChecklist(partner, key = ACME) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/${PAGE_PATHS.checklist}?key=${encodeURIComponent(key)}&partner=${partner}`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#partner'), partner);
  assert.equal(await page.inputValue('#tenant'), key);
  return page;
}

/** Opens the fixture `ref` at its saved-from address in the Workday tab. */
async function visit(ref) {
  const url = URLS.get(ref);
  assert.ok(url, `no fixture ${ref}`);
  await workday.goto(url);
  // The simulator serves that very fixture there (and not another one sharing the address), in
  // the build asked for, in two steps (header, then content): wait for the content and for what
  // it says to be stored.
  await workday.waitForSelector(`#wdcap-sim-root[data-sim-page="${ref}"][data-sim-build="${build}"]`);
  const worker = await currentWorker(browser.context);
  await waitFor(
    () => worker.evaluate(async ([k, u]) => ((await chrome.storage.session.get(k))[k]?.reads ?? []).some((r) => r.url === u), [recordKey(), url]),
    { what: `the page read of ${ref} to be stored` },
  );
}

const stepOf = (list, id) => list.locator(`li.step[data-step="${id}"]`);

async function expectStep(list, id, state, what) {
  await waitFor(async () => (await stepOf(list, id).getAttribute('data-state')) === state, {
    timeout: 15000,
    what: `step ${id} to be ${state}${what ? ` after ${what}` : ''}`,
  });
}

async function percent(list) {
  return Number(await list.getAttribute('body', 'data-percent'));
}

/** Walks `pages` ([fixture ref, step id, state the step must reach]) with the checklist open. */
async function walk(list, pages) {
  for (const [ref, step, state] of pages) {
    await visit(ref);
    await expectStep(list, step, state, ref);
  }
}

async function tickByHand(list, id) {
  const box = stepOf(list, id).locator('input.tick');
  assert.equal(await box.isDisabled(), false);
  await box.check();
  await waitFor(async () => (await stepOf(list, id).getAttribute('data-ticked')) === 'true', { what: `step ${id} ticked by hand` });
  assert.match(await stepOf(list, id).locator('.state-badge').textContent(), /ticked by hand/);
}

async function expectComplete(list) {
  await waitFor(async () => (await percent(list)) === 100, { what: 'the checklist at 100%' });
  const steps = await list.locator('li.step:not(.optional)').evaluateAll((items) => items.map((li) => [li.dataset.step, li.dataset.ticked]));
  assert.ok(steps.every(([, ticked]) => ticked === 'true'), JSON.stringify(steps));
  assert.match(await list.locator('#progress-text').textContent(), /100%/);
}

for (const b of BUILDS) {
  describe(`${b} build of Workday's UI`, () => {
    before(async () => {
      build = b;
      // Short rendering delays: the walk visits some thirty pages (the two-step rendering itself
      // is exercised in extension.test.mjs).
      browser = await launch({ simulator: { delays: { header: 20, body: 60 }, build } });
      URLS.clear();
      for (const f of browser.sim.fixtures) {
        if (!URLS.has(f.ref)) URLS.set(f.ref, onTenantHost(f));
      }
      workday = await browser.context.newPage();
    });

    after(async () => {
      await browser?.close();
      browser = undefined;
    });

    beforeEach(async () => {
      const worker = await currentWorker(browser.context);
      await worker.evaluate(async () => {
        await chrome.storage.session.clear();
        await chrome.storage.local.clear();
      });
    });

    test('Defender for Cloud Apps: every step ticks itself from the pages', async () => {
      const list = await openChecklist('defender-for-cloud-apps');
      try {
        assert.equal(await percent(list), 0);
        // Each step cites the partner's guide by its title and public address, never a file.
        const cited = await stepOf(list, 'permissions').locator('p.source').textContent();
        assert.match(cited, /Connect Workday to Microsoft Defender for Cloud Apps \(learn\.microsoft\.com\/en-us\/defender-cloud-apps\/connect-workday\), sections? /);
        assert.doesNotMatch(cited, /seed|\.txt|\.md\b/i);
        // The partner picker offers the partners added from their guides too.
        const offered = await list.locator('#partner option').evaluateAll((os) => os.map((o) => /** @type {HTMLOptionElement} */ (o).value));
        for (const id of ['datadog-workday', 'entra-workday-to-ad', 'microsoft-sentinel-workday']) assert.ok(offered.includes(id), `${id} in ${offered}`);
        await walk(list, [
          ['domain_policies_for_area/system_area', 'permissions', 'started'],
          ['domain_policies_for_area/staffing_checkboxes', 'permissions', 'started'],
        ]);
        // These pages list the access of every group (MDCA_Integration, Security Administrator,
        // HR Partner) and none says which is the integration's: the trainer names it once.
        const permissions = stepOf(list, 'permissions');
        const groups = permissions.locator('select.group-choice option');
        await waitFor(async () => (await groups.count()) === 3, { what: 'the groups of both pages on offer' });
        assert.deepEqual(await groups.allTextContents(), ['Security Administrator', 'MDCA_Integration', 'HR Partner']);
        await permissions.locator('select.group-choice').selectOption('MDCA_Integration');
        await permissions.locator('button.pick-group').click();
        await expectStep(list, 'permissions', 'done', 'naming the integration\'s security group');
        await walk(list, [
          // The first page of the activation: not done until it completes.
          ['activate_security_changes/comment', 'activate', 'wrong'],
          ['activate_security_changes/done', 'activate', 'done'],
          ['edit_tenant_setup_system/logging_enabled', 'user-activity-logging', 'done'],
          ['edit_tenant_setup_security/oauth_enabled_saml_on', 'enable-oauth', 'done'],
          ['register_api_client/form_defender', 'register-client', 'started'],
          // Defender's own client registered (another client's registration would not count).
          ['register_api_client/result_defender', 'register-client', 'done'],
          ['view_api_clients/api_clients_tab', 'endpoints', 'done'],
        ]);
        await expectComplete(list);
        // The tenant uses SAML SSO (read from Edit Tenant Setup - Security): the captured
        // authorization endpoint needs redirect=n. A note on the step, not an undone step.
        const note = stepOf(list, 'endpoints').locator('.step-notes li.finding[data-code="redirect-n-missing"]');
        assert.equal(await note.getAttribute('class'), 'finding error');
        assert.equal(await note.locator('.fixed-value').textContent(), 'https://wd3-impl.workday.com/acme/authorize?redirect=n');
        assert.equal(await stepOf(list, 'endpoints').locator('input.tick').isDisabled(), true, 'a step wdcap saw needs no hand');

        // The popup shows the same progress for the tenant's partner.
        const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, workday));
        await popup.locator('.checklist-strip[data-percent="100"]').waitFor();
        assert.match(await popup.locator('.checklist-strip .progress-text').textContent(), /6 of 6 steps/);
        await popup.close();
      } finally {
        await list.close();
      }
    });

    test('Viva Learning: every step from the pages; the SOAP endpoint is built from the REST endpoint and accepted by hand', async () => {
      const list = await openChecklist('viva-learning');
      try {
        await walk(list, [
          ['create_isu/create_form', 'create-isu', 'done'],
          ['create_security_group/create_form', 'create-security-group', 'done'],
          // The permissions of that same group (ISU_Acme_Learning).
          ['maintain_permissions/viva_learning', 'permissions', 'done'],
          ['activate_security_changes/done', 'activate', 'done'],
          ['edit_tenant_setup_security/oauth_enabled_saml_on', 'enable-oauth', 'done'],
          ['register_api_client/form_integrations_viva', 'register-client', 'started'],
          ['register_api_client/result_integrations', 'register-client', 'done'],
          // VivaLearning's own refresh token (another client's would not count).
          ['manage_refresh_tokens/result_viva', 'refresh-token', 'done'],
          ['view_ids/supervisory_org', 'org-ids', 'done'],
        ]);
        // No Workday page shows the SOAP endpoint. Once a URL on the tenant's services host is
        // captured (View API Clients shows the REST endpoint), the checklist builds it.
        const soap = stepOf(list, 'soap-endpoint');
        assert.equal(await soap.getAttribute('data-state'), 'todo');
        await visit('view_api_clients/api_clients_tab');
        await soap.locator('.suggestion').waitFor();
        assert.equal(await soap.locator('.suggestion code.value-text').textContent(), 'https://wd3-impl-services1.workday.com/ccx/service/acme/Learning/v39.2');
        await soap.locator('button.use-suggestion').click(); // the one hand action of this walk
        await expectStep(list, 'soap-endpoint', 'done', 'accepting the built endpoint');
        await expectComplete(list);
      } finally {
        await list.close();
      }
    });

    test('Kombo: every required step ticks itself from the pages', async () => {
      const list = await openChecklist('kombo');
      try {
        await walk(list, [
          ['view_api_clients/api_clients_tab', 'rest-endpoint', 'done'],
          ['create_isu/view_isu', 'create-isu', 'done'],
          // The group test_isu: its members, then its permissions.
          ['create_security_group/edit_members', 'create-security-group', 'done'],
          ['maintain_permissions/kombo_get_only', 'permissions', 'done'],
          ['activate_security_changes/done', 'activate', 'done'],
        ]);
        await expectComplete(list);
        // Optional steps (absence data) are listed, not counted.
        assert.match(await list.locator('#progress .help').textContent(), /Optional steps: 0 of 3/);
        assert.equal(await stepOf(list, 'authentication-policy').getAttribute('data-state'), 'manual');
      } finally {
        await list.close();
      }
    });

    test('Ten Thousand Coffees: missing policies make the step not right until added; the report pages and the export tick the rest', async () => {
      const list = await openChecklist('ten-thousand-coffees');
      try {
        await walk(list, [
          ['create_isu/create_form', 'create-isu', 'done'],
          ['create_security_group/edit_members', 'create-security-group', 'done'],
          // This group (test_isu) has only some of the eight Get policies 10KC needs.
          ['maintain_permissions/kombo_get_only', 'permissions', 'wrong'],
        ]);
        const problems = await stepOf(list, 'permissions').locator('.step-problems li.finding').evaluateAll((items) => items.map((li) => li.dataset.code));
        assert.ok(problems.length >= 4 && problems.every((c) => c === 'permission-missing'), problems.join(', '));
        // The admin adds the missing policies (Get Only) in Workday: the grid gains rows.
        const profile = await list.evaluate(() => chrome.runtime.sendMessage({ type: 'wdcap/partners' }));
        const policies = profile.partners.find((p) => p.id === 'ten-thousand-coffees').domain_policies.map((row) => row.subdomain ?? row.policy);
        await workday.evaluate((names) => {
          const body = document.querySelector('table[data-automation-id="table"] tbody');
          const template = body.querySelector('tr[data-row-id="1"]');
          names.forEach((name, i) => {
            const row = template.cloneNode(true);
            row.dataset.rowId = String(100 + i);
            const option = row.querySelectorAll('[data-automation-id="promptOption"]')[1];
            option.textContent = name;
            option.dataset.automationLabel = name;
            option.title = name;
            body.append(row);
          });
        }, policies);
        await expectStep(list, 'permissions', 'done', 'the missing policies were added');
        await walk(list, [
          ['activate_security_changes/done', 'activate', 'done'],
          ['view_urls/json_user_report', 'json-urls', 'started'], // one of the two reports
          ['view_urls/json_group_report', 'json-urls', 'done'],
        ]);
        // The reports' definitions: the User report has 10KC's required fields and is a web service;
        // the Group report is not a web service yet, until the admin checks the box.
        await walk(list, [
          ['custom_report/create_user_report', 'user-report', 'done'],
          ['custom_report/edit_group_report', 'group-report', 'wrong'],
        ]);
        await workday.evaluate(() => {
          // The admin checks the box: an ARIA check box in one build, an input in the other.
          const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Enable As Web Service');
          const row = label.closest('li, [data-automation-id="formLabelRow"], [data-automation-id="formItem"], [role="group"]');
          const box = row.querySelector('[role="checkbox"], input[type="checkbox"]');
          if (box.localName === 'input') box.click();
          else box.setAttribute('aria-checked', 'true');
        });
        await expectStep(list, 'group-report', 'done', 'Enable As Web Service checked');
        // Each report's Share tab lists the ISU captured on Create Integration System User.
        await walk(list, [
          ['report_sharing/user_report_share', 'share-reports', 'started'],
          ['report_sharing/group_report_share', 'share-reports', 'done'],
        ]);
        assert.equal(await stepOf(list, 'send-urls').getAttribute('data-state'), 'todo');
        // The e-mail to 10KC: the trainer uses the popup's export for 10KC.
        const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, workday));
        try {
          const exported = popup.locator('details.export[data-partner="ten-thousand-coffees"]');
          await exported.waitFor();
          await exported.locator('summary').click();
          // An error may block it (the Group report's URL names another owner than the ISU): the
          // trainer exports anyway, which counts as well.
          if ((await exported.getAttribute('data-ready')) === 'false') await exported.locator('input.override').check();
          await Promise.all([popup.waitForEvent('download'), exported.locator('button.export-json').click()]);
        } finally {
          await popup.close();
        }
        await expectStep(list, 'send-urls', 'done', 'the export for 10KC used');
        for (const id of ['user-report', 'group-report', 'share-reports', 'send-urls']) {
          assert.equal(await stepOf(list, id).getAttribute('data-ticked'), 'true', `${id} ticked from evidence`);
          assert.equal(await stepOf(list, id).locator('input.tick').isDisabled(), true, `${id} needs no hand`);
        }
        await expectComplete(list);

        // Markdown for handouts: every step with its state, nothing secret.
        const [download] = await Promise.all([list.waitForEvent('download'), list.click('#export-md')]);
        const text = readFileSync(await download.path(), 'utf8');
        assert.match(download.suggestedFilename(), /^wdcap-checklist-ten-thousand-coffees-acme\.md$/);
        assert.match(text, /^# Ten Thousand Coffees/);
        assert.match(text, /## 3\. \[x\] Add Get access to the eight domain security policies/);
        assert.match(text, /Search Workday for `Create Integration System User`/);
        assert.doesNotMatch(text, /ticked by hand/);
        assert.equal((text.match(/^## \d+\. \[x\]/gm) ?? []).length, 9);

        if (build === BUILDS[0]) {
          mkdirSync(DEMO, { recursive: true });
          await list.evaluate(() => window.scrollTo(0, 0));
          await list.screenshot({ path: join(DEMO, 'checklist.png') });
        }

        // Reset: no hand ticks, and only what is seen from now on counts.
        await list.click('#reset');
        await list.click('#reset-yes');
        await waitFor(async () => (await percent(list)) === 0, { what: 'the checklist back at 0%' });
        await visit('create_isu/create_form');
        await expectStep(list, 'create-isu', 'done', 'visiting the page again after the reset');
      } finally {
        await list.close();
      }
    });

    test('another client\'s or another group\'s pages do not tick the partner\'s steps: shown as such, not counted', async () => {
      const list = await openChecklist('defender-for-cloud-apps');
      try {
        // View API Clients lists a client named after Defender; another client is registered:
        // Defender's step stays undone, and says what was read.
        await visit('view_api_clients/api_clients_tab');
        await visit('register_api_client/result_plain');
        const register = stepOf(list, 'register-client');
        await register.locator('li.elsewhere[data-name="Acme Learning Sync"]').waitFor();
        // Started (its client ID is listed on View API Clients), not done: its secret, its
        // settings and its registration page were read for another client.
        assert.equal(await register.getAttribute('data-state'), 'started');
        assert.match(await register.locator('li.elsewhere').textContent(), /API client Acme Learning Sync — not the partner's: not counted/);
        // Its own client's registration ticks it.
        await visit('register_api_client/result_defender');
        await expectStep(list, 'register-client', 'done', 'Defender\'s own client registered');
        assert.match(await register.locator('.step-about').textContent(), /API client Microsoft Defender for Cloud Apps/);
      } finally {
        await list.close();
      }
      const coffees = await openChecklist('ten-thousand-coffees');
      try {
        // Two groups, neither known to hold the partner's ISU: neither is counted.
        await visit('create_security_group/create_form');
        await visit('maintain_permissions/kombo_get_only');
        const permissions = stepOf(coffees, 'permissions');
        await permissions.locator('li.elsewhere[data-name="test_isu"]').waitFor();
        assert.notEqual(await permissions.getAttribute('data-state'), 'done');
        assert.notEqual(await permissions.getAttribute('data-state'), 'wrong', 'another group\'s missing policies are not the partner\'s');
        // The trainer names the partner's group: its evidence counts, the other's does not.
        await permissions.locator('select.group-choice').selectOption('test_isu');
        await permissions.locator('button.pick-group').click();
        await expectStep(coffees, 'permissions', 'wrong', 'naming test_isu, which lacks policies');
        const group = stepOf(coffees, 'create-security-group');
        await group.locator('li.elsewhere[data-name="ISU_Acme_Learning"]').waitFor();
        assert.notEqual(await group.getAttribute('data-state'), 'done');
      } finally {
        await coffees.close();
      }
    });

    test('class mode: larger steps; hand ticks survive a reload; no tenant is a handout', async () => {
      const list = await openChecklist('kombo');
      try {
        await list.check('#class-mode');
        await waitFor(async () => (await list.getAttribute('body', 'class'))?.includes('class-mode'), { what: 'class mode' });
        const size = await list.locator('li.step .step-body').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        assert.ok(size >= 16, `explanations at ${size}px in class mode`);
        const worker = await currentWorker(browser.context);
        assert.equal((await worker.evaluate(() => chrome.storage.local.get('settings'))).settings.classMode, true);

        await tickByHand(list, 'create-isu');
        await list.reload();
        await list.waitForSelector('body[data-ready="true"]');
        assert.equal(await stepOf(list, 'create-isu').getAttribute('data-ticked'), 'true');

        // Without a tenant the checklist is a handout: nothing ticks itself, the task names copy.
        await list.selectOption('#tenant', { index: (await list.locator('#tenant option').count()) - 1 });
        await waitFor(async () => (await stepOf(list, 'create-isu').getAttribute('data-ticked')) === 'false', { what: 'a fresh handout' });
        await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
        await stepOf(list, 'create-isu').locator('.step-task button.copy').click();
        assert.equal(await list.evaluate(() => navigator.clipboard.readText()), 'Create Integration System User');
      } finally {
        await list.close();
      }
    });
  });
}
