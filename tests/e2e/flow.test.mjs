// End to end, an admin's whole setup: register an API client → copy the client ID and secret →
// manage refresh tokens → a report's View URLs → an organisation's View IDs, on the simulator,
// in one tenant. At the end the popup must hold every value those pages show (as their fixtures'
// sidecars list them), exactly, with secrets masked (length and fingerprint only) until shown,
// and copy must give the exact values. Once per build of Workday's UI (docs/pages.md): both
// builds of a page show the same values.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { launch, waitFor, tabIdOf, openPopup, currentWorker, storedRecord, ROOT } from './harness.mjs';
import { BUILDS } from '../../sim/fixtures.mjs';

const FLOW = [
  'register_api_client/result_integrations',
  'manage_refresh_tokens/result',
  'view_urls/json_user_report',
  'view_ids/supervisory_org',
];

/** The fixture's address on the simulator in `build`, and the sidecar both builds share. */
function fixture(name, build) {
  const dir = join(ROOT, 'tests', 'fixtures', 'pages');
  const html = readFileSync(join(dir, `${name}.html`), 'utf8');
  const saved = html.match(/saved from url=\(\d+\)(\S+?)\s*-->/)[1];
  const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
  return { url: `${saved}${saved.includes('?') ? '&' : '?'}wdcap-fixture=${name}&wdcap-build=${build}`, expected };
}

const fingerprint = (value) => createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 8);

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

for (const build of BUILDS) {
  describe(`${build} build of Workday's UI`, () => {
    test('register client → manage refresh token → View URLs → View IDs: every value in the popup, secrets masked, copies exact', async () => {
      const worker = await currentWorker(browser.context);
      await worker.evaluate(() => chrome.storage.session.clear());
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);

      const expected = [];
      let last;
      for (const name of FLOW) {
        const { url, expected: sidecar } = fixture(name, build);
        assert.ok(sidecar.params.length > 0, `${name} captures something`);
        expected.push(...sidecar.params.map((p) => ({ ...p, from: name })));
        last = await browser.context.newPage();
        await last.goto(url);
        await last.waitForSelector(`#wdcap-sim-root[data-sim-page="${name}"][data-sim-build="${build}"]`);
        // The worker has analysed the page when every value of its sidecar is in the session store.
        await waitFor(
          async () => {
            const stored = (await storedRecord(browser.context))?.params ?? [];
            return sidecar.params.every((p) => stored.some((s) => s.kind === p.kind && s.value === p.value));
          },
          { what: `the values of ${name} in storage.session` },
        );
      }
      const kinds = new Set(expected.map((p) => p.kind));
      for (const kind of ['client_id', 'client_secret', 'refresh_token', 'raas_url', 'org_id']) {
        assert.ok(kinds.has(kind), `the flow's pages show a ${kind}`);
      }

      const popup = await openPopup(browser.context, browser.extensionId, await tabIdOf(browser.context, last));
      try {
        const document = await popup.content();
        const items = await popup.locator('section.tenant.current li.value').evaluateAll((lis) =>
          lis.map((li) => ({ kind: li.dataset.kind, text: li.querySelector('.value-text').textContent })),
        );
        for (const p of expected) {
          if (p.secret) {
            const masked = items.filter((i) => i.kind === p.kind);
            assert.ok(
              masked.some((i) => i.text.includes(`${p.value.length} chars · sha256:${fingerprint(p.value)}`)),
              `${p.kind} from ${p.from} is listed masked with its length and fingerprint: ${JSON.stringify(masked)}`,
            );
            assert.ok(!document.includes(p.value), `the raw ${p.kind} is nowhere in the popup document`);
          } else {
            assert.ok(
              items.some((i) => i.kind === p.kind && i.text === p.value),
              `${p.kind} ${p.value} from ${p.from} is in the popup: ${JSON.stringify(items.filter((i) => i.kind === p.kind))}`,
            );
          }
        }

        // Copy the client ID and the client secret, as the admin would for the partner's form.
        const clientId = expected.find((p) => p.kind === 'client_id');
        const idItem = popup.locator('section.tenant.current li.value[data-kind="client_id"]').filter({ hasText: clientId.value });
        await idItem.locator('button.copy').first().click();
        await waitFor(async () => (await popup.evaluate(() => navigator.clipboard.readText())) === clientId.value, {
          what: 'the client ID on the clipboard',
        });
        const secret = expected.find((p) => p.kind === 'client_secret');
        const secretItem = popup.locator('section.tenant.current li.value[data-kind="client_secret"]');
        await secretItem.locator('button.copy').first().click();
        await waitFor(async () => (await popup.evaluate(() => navigator.clipboard.readText())) === secret.value, {
          what: 'the client secret on the clipboard',
        });
        // Shown on request, and exactly.
        await secretItem.locator('button.reveal').first().click();
        assert.equal(await secretItem.locator('.value-text').first().textContent(), secret.value);
      } finally {
        await popup.close();
      }
    });
  });
}
