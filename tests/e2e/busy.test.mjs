// End to end: a Workday page still loading is never judged half-filled. While a loading
// indicator shows (a `loadingSpinner` not yet `aria-hidden`, a `wd-LoadingPanel`, `aria-busy`),
// the worker is told the page is busy and keeps nothing of it; when the indicator goes, by an
// attribute change alone (no node added or removed), the content script sends the page again and
// its values are kept. Both builds of the page (docs/pages.md): the older one ends its busy state
// by hiding its spinner, the newer one by hiding its loading panel; and a newer page whose main
// region says `aria-busy="true"` counts as seen only once the attribute is removed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, currentWorker, waitFor, storedRecord, workerStats, markCount } from './harness.mjs';

const REF = 'headcount_report/partial';
let browser;
let url;

before(async () => {
  browser = await launch({ simulator: { delays: { header: 20, body: 60 } } });
  url = browser.sim.fixtures.find((f) => f.ref === REF).url;
});

after(async () => {
  await browser?.close();
});

/** The settings stored for the page at `address` (the record keeps each page read). */
async function settingsOf(address) {
  const stored = await storedRecord(browser.context);
  return (stored?.reads ?? []).filter((r) => r.url === address).flatMap((r) => r.settings);
}

for (const [build, indicator] of [
  ['older', '[data-automation-id="loadingSpinner"]'],
  ['newer', '[data-automation-id="wd-LoadingPanel"]'],
]) {
  test(`${build} build: a page still loading keeps nothing; hiding its loading indicator sends it again and it is read`, async () => {
    const worker = await currentWorker(browser.context);
    await worker.evaluate(() => chrome.storage.session.clear());
    const page = await browser.context.newPage();
    try {
      const address = `${url}?wdcap-build=${build}`;
      await page.goto(address);
      await page.waitForSelector(`#wdcap-sim-root[data-sim-page="${REF}"][data-sim-build="${build}"]`);
      assert.equal(await page.locator(indicator).count(), 1, 'the page shows its loading indicator');

      // However many snapshots the rendering produced, one taken after a further change of the
      // rendered page is of the whole page: once it is dropped, the busy page has been analysed.
      const before = (await workerStats(browser.context)).dropped;
      await page.evaluate(() => {
        const note = document.createElement('p');
        note.textContent = 'Still loading rows';
        document.querySelector('#mainContent, [data-automation-id="pageContent"]').append(note);
      });
      await waitFor(async () => (await workerStats(browser.context)).dropped > before, {
        what: 'the busy page to be analysed and dropped',
      });
      assert.deepEqual(await settingsOf(address), [], 'nothing of a busy page is kept');
      assert.equal(await markCount(page), 0, 'no value of a busy page is marked');

      // The rows are in: the indicator is hidden, by an attribute alone.
      await page.evaluate((selector) => document.querySelector(selector).setAttribute('aria-hidden', 'true'), indicator);
      const settings = await waitFor(async () => {
        const found = await settingsOf(address);
        return found.length > 0 && found;
      }, { what: 'the settled page to be read' });
      const organizations = settings.filter((s) => s.name === 'organization').map((s) => s.value.name);
      assert.deepEqual(organizations, ['Engineering', 'Platform']);
      const stored = await storedRecord(browser.context);
      assert.deepEqual(
        stored.params.filter((p) => p.kind === 'org_id').map((p) => p.value).sort(),
        ['5d3d9e563270e4faabae4f43bcae8081', 'bdf070aaf0b5156bb82c9074afd5dea5'],
      );
    } finally {
      await page.close();
    }
  });
}

test('newer build: a page whose main region says aria-busy is read once the attribute goes', async () => {
  const worker = await currentWorker(browser.context);
  await worker.evaluate(() => chrome.storage.session.clear());
  const ref = 'view_urls/loading';
  const address = `${browser.sim.fixtures.find((f) => f.ref === ref).url}?wdcap-build=newer`;
  const page = await browser.context.newPage();
  try {
    await page.goto(address);
    await page.waitForSelector(`#wdcap-sim-root[data-sim-page="${ref}"][data-sim-build="newer"]`);
    const before = (await workerStats(browser.context)).dropped;
    await page.evaluate(() => document.querySelector('#mainContent').append(document.createElement('p')));
    await waitFor(async () => (await workerStats(browser.context)).dropped > before, { what: 'the busy page to be dropped' });
    const visited = async () => (await storedRecord(browser.context))?.reads?.find((r) => r.page === 'view_urls')?.url;
    assert.equal(await visited(), undefined, 'a busy page is not even a visit');

    await page.evaluate(() => document.querySelector('#mainContent').removeAttribute('aria-busy'));
    await waitFor(async () => (await visited()) === address, { what: 'View URLs to be recorded once settled' });
  } finally {
    await page.close();
  }
});
