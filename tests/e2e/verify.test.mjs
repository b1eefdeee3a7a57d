// End to end: the support agent's Verify page in Chromium, with the built
// extension. Every pasted-text fixture under tests/fixtures/checks/ goes through the page with its
// expect.toml arguments (partner, SSO) and must show exactly the findings the CLI is held to; a
// problem e-mail's fix is copied and read back from the clipboard; secrets show as fingerprint and
// length, the redacted report carries no secret; class mode hides secrets entirely.
// One browser for the file.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, currentWorker, waitFor, ROOT, PAGE_PATHS } from './harness.mjs';

const CHECKS = join(ROOT, 'tests', 'fixtures', 'checks');
const PARTNERS = join(ROOT, 'tests', 'fixtures', 'partners');
const DEMO = join(ROOT, 'dist', 'demo');

/**
 * The entries of an expect.toml (tests/fixtures/checks/README.md): `["file"]` tables with
 * `args` and `findings`, both arrays of strings (JSON-compatible TOML, which is all the format
 * uses).
 */
function readExpect(path) {
  const out = new Map();
  let current = null;
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const table = line.match(/^\[\s*"([^"]+)"\s*\]$/);
    if (table) {
      current = { args: [], findings: [] };
      out.set(table[1], current);
      continue;
    }
    const pair = line.match(/^(args|findings)\s*=\s*(\[.*\])$/);
    if (pair && current) current[pair[1]] = JSON.parse(pair[2]);
    else throw new Error(`${path}: cannot read line ${JSON.stringify(line)}`);
  }
  return out;
}

/** Partner and SSO from CLI arguments. */
function controls(args) {
  const out = { integration: '', sso: 'unknown' };
  for (let i = 0; i < args.length; i += 2) {
    if (args[i] === '--integration') out.integration = args[i + 1];
    else if (args[i] === '--sso') out.sso = args[i + 1];
    else throw new Error(`unexpected argument ${args[i]}`);
  }
  return out;
}

const fingerprint = (value) => createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 8);

let browser;
let page;

before(async () => {
  browser = await launch();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${PAGE_PATHS.verify}`);
  await page.waitForSelector('body[data-ready="true"]');
});

after(async () => {
  await browser?.close();
});

/**
 * Sets the page's controls (without their change events, which would re-check the previous
 * text) and clicks Check; resolves once the new results are shown.
 */
async function verify(text, { integration = '', sso = 'unknown' } = {}) {
  const before = await page.evaluate(
    ([text, integration, sso]) => {
      document.getElementById('partner').value = integration;
      document.getElementById(`sso-${sso}`).checked = true;
      document.getElementById('input').value = text;
      return Number(document.body.dataset.checked ?? 0);
    },
    [text, integration, sso],
  );
  await page.click('#check');
  await page.waitForFunction((n) => Number(document.body.dataset.checked ?? 0) > n, before, { polling: 'raf' });
}

/** The findings shown, as "<severity> <code>", sorted (the expect.toml form). */
async function shownFindings() {
  const codes = await page.locator('#results li.finding').evaluateAll((items) =>
    items.map((li) => `${[...li.classList].find((c) => ['error', 'warning', 'info'].includes(c))} ${li.dataset.code}`),
  );
  return codes.sort();
}

test('every pasted-text check fixture shows exactly its expected findings', async () => {
  let count = 0;
  for (const code of readdirSync(CHECKS).sort()) {
    const dir = join(CHECKS, code);
    if (!existsSync(join(dir, 'expect.toml'))) continue;
    for (const [file, expected] of readExpect(join(dir, 'expect.toml'))) {
      if (!file.endsWith('.txt')) continue; // evidence JSON is the popup's business
      await verify(readFileSync(join(dir, file), 'utf8'), controls(expected.args));
      assert.deepEqual(await shownFindings(), [...expected.findings].sort(), `${code}/${file} with ${expected.args.join(' ')}`);
      count += 1;
    }
  }
  assert.ok(count >= 60, `only ${count} fixtures were checked`);
});

test('a problem e-mail: see the findings, copy the fix (clipboard read back)', async () => {
  const text = [
    'Hi support,',
    '',
    'our values for the Defender connector:',
    'Client ID: "OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm "',
    'Client Secret: k3j4h5g6f7d8s9a0m1n2b3v4c5x6z7l8k9j0h1g2f3d4s5a6p7o8i9u0y1t2r3e4w5q6a7s8d9f0g1h2j3k4l5z6x7c8v9b0n1m2',
    'Token endpoint: https://wd3-impl-services1.workday.com/ccx/oauth/acme/token',
    'Authorization Endpoint: https://wd3-impl.workday.com/acme/authorize',
    '',
    'Thanks, Jordan',
  ].join('\n');
  await verify(text, { integration: 'defender-for-cloud-apps', sso: 'yes' });
  const kinds = await page.locator('#values li.value').evaluateAll((items) => items.map((li) => li.dataset.kind));
  assert.deepEqual(kinds, ['client_id', 'client_secret', 'token_endpoint', 'authorization_endpoint']);
  const findings = await shownFindings();
  for (const expected of ['error whitespace', 'error wrong-path', 'error redirect-n-missing', 'error missing-parameter']) {
    assert.ok(findings.includes(expected), `${expected} in ${findings.join(', ')}`);
  }
  // The label the value was found under and its line.
  assert.match(await page.locator('#values li.value[data-kind="client_id"] .value-meta').textContent(), /Client ID.*line 4/);
  mkdirSync(DEMO, { recursive: true });
  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(DEMO, 'verify.png') });
  // Copy the corrected token endpoint.
  await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
  const fix = page.locator('#values li.value[data-kind="token_endpoint"] li.finding[data-code="wrong-path"] .fixed button.copy');
  await fix.click();
  await waitFor(async () => (await fix.textContent()) === 'Copied', { what: 'the copy to confirm' });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token');
  // And the SSO answer decides redirect=n: "no" makes the finding go.
  await verify(text, { integration: 'defender-for-cloud-apps', sso: 'no' });
  assert.ok(!(await shownFindings()).some((f) => f.endsWith('redirect-n-missing')));
});

test('white space around a value is drawn beside the corrected value; copy gives the clean value', async () => {
  const id = 'OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm';
  // A no-break space carried after an unquoted client ID: certain, an error.
  await verify(readFileSync(join(CHECKS, 'invisible-char', 'fail-unquoted-no-break-space.txt'), 'utf8'));
  const nbsp = page.locator('#values li.value[data-kind="client_id"] li.finding[data-code="invisible-char"]');
  assert.equal(await nbsp.locator('.shown-value').textContent(), `${id}⍽`);
  assert.equal(await nbsp.locator('.fixed-value').textContent(), id);
  await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
  await nbsp.locator('.fixed button.copy').click();
  await waitFor(async () => (await page.evaluate(() => navigator.clipboard.readText())) === id, { what: 'the clean value on the clipboard' });
  // A line that ends in a space after an unquoted client ID: possible, a warning.
  await verify(readFileSync(join(CHECKS, 'line-end-whitespace', 'fail.txt'), 'utf8'));
  const line = page.locator('#values li.value[data-kind="client_id"] li.finding.warning[data-code="line-end-whitespace"]');
  assert.equal(await line.locator('.shown-value').textContent(), `${id}␠`);
  assert.equal(await line.locator('.fixed-value').textContent(), id);
});

test('secrets: fingerprint and length, shown only on request; the redacted report holds no secret', async () => {
  const mail = readFileSync(join(PARTNERS, 'defender-for-cloud-apps.txt'), 'utf8');
  const secret = mail.match(/Client Secret \| `([a-z0-9]+)`/)[1];
  await verify(mail, { integration: 'defender-for-cloud-apps', sso: 'yes' });
  assert.deepEqual(await shownFindings(), [], 'the clean Defender e-mail has no finding');
  const item = page.locator('#values li.value[data-kind="client_secret"]');
  const text = item.locator('.value-text');
  assert.notEqual(await text.textContent(), secret);
  assert.match(await text.textContent(), new RegExp(`${secret.length} chars .* sha256:${fingerprint(secret)}`));
  assert.match(await item.locator('.fingerprint').textContent(), new RegExp(`sha256:${fingerprint(secret)} · ${secret.length} characters`));
  assert.ok(!(await page.content()).includes(secret), 'the secret is not in the document before Show');
  await item.locator('button.reveal').click();
  assert.equal(await text.textContent(), secret);
  await item.locator('button.reveal').click();
  assert.notEqual(await text.textContent(), secret);

  await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
  await page.click('#copy-report');
  const report = await waitFor(async () => {
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    return clip.startsWith('# wdcap verification report') ? clip : null;
  }, { what: 'the redacted report on the clipboard' });
  assert.ok(!report.includes(secret), 'the report holds the secret');
  assert.ok(report.includes(fingerprint(secret)), 'the report names the secret by its fingerprint');
  assert.match(report, /Microsoft Defender for Cloud Apps/);

});

test('credentials written into URLs: an error, and the copied redacted report holds none of them', async () => {
  const text = [
    'Hi support,',
    'Report URL: https://ISU_10KC:Winter2024!@wd5-services1.myworkday.com/ccx/service/customreport2/acme/ISU_10KC/Users?format=json',
    'Token endpoint: https://wd5-services1.myworkday.com/ccx/oauth2/acme/token?client_secret=vace448mrjafbxix9nd4szik4&refresh_token=r3fr3sh0k9nd4szik4',
    'Thanks, Jordan',
  ].join('\n');
  await verify(text);
  const findings = await shownFindings();
  assert.equal(findings.filter((f) => f === 'error credentials-in-url').length, 2, findings.join(', '));
  const fix = await page.locator('#values li.value[data-kind="raas_url"] li.finding[data-code="credentials-in-url"] .fix').textContent();
  assert.match(fix, /password field/);
  await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
  await page.click('#copy-report');
  const report = await waitFor(async () => {
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    return clip.startsWith('# wdcap verification report') ? clip : null;
  }, { what: 'the redacted report on the clipboard' });
  for (const leak of ['Winter2024', 'ISU_10KC:', 'vace448mrjafbxix9nd4szik4', 'r3fr3sh0k9nd4szik4']) {
    assert.ok(!report.includes(leak), `${leak} is in the redacted report`);
  }
  assert.match(report, /`https:\/\/wd5-services1\.myworkday\.com\/ccx\/service\/customreport2\/acme\/ISU_10KC\/Users\?format=json`/);
  assert.match(report, /client_secret=•••&refresh_token=•••/);
});

test('class mode hides secrets entirely; the partner comes from the address', async () => {
  const worker = await currentWorker(browser.context);
  await worker.evaluate(() => chrome.storage.local.set({ settings: { classMode: true } }));
  try {
    const other = await browser.context.newPage();
    await other.goto(`chrome-extension://${browser.extensionId}/${PAGE_PATHS.verify}?partner=kombo`);
    await other.waitForSelector('body[data-ready="true"]');
    assert.equal(await other.inputValue('#partner'), 'kombo');
    const mail = readFileSync(join(PARTNERS, 'defender-for-cloud-apps.txt'), 'utf8');
    const secret = mail.match(/Client Secret \| `([a-z0-9]+)`/)[1];
    await other.fill('#input', mail);
    await other.click('#check');
    await other.waitForSelector('body[data-checked]');
    const item = other.locator('#values li.value[data-kind="client_secret"]');
    assert.equal(await item.locator('.value-text').textContent(), 'hidden in class mode');
    assert.equal(await item.locator('button').count(), 0, 'no Show, no Copy');
    assert.equal(await item.locator('.fingerprint').count(), 0);
    assert.ok(!(await other.content()).includes(secret));
    await other.close();
  } finally {
    await worker.evaluate(() => chrome.storage.local.remove('settings'));
  }
});
