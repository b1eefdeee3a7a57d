// @ts-check
// The service worker (an ES module): the only place, with the extension's pages, where the wasm
// core runs (never in the Workday page: a page's CSP may forbid wasm in content scripts).
//
// - From the content script: a page snapshot, kept per tenant and host family as the core decides
//   (handlers/capture.js).
// - From the popup, side panel and checklist page: the core's view of a tab's tenant and the
//   other tenants, the per-tenant preferences, forgetting (handlers/view.js); a partner's checklist
//   and export (handlers/partner.js); clearing the clipboard after a secret was copied
//   (handlers/clipboard.js, platform.js).
// - The context menu ("Check with wdcap" on selected text): context-menu.js.
// - What was read on each tab's page, for the "This page" strip (memory only): this-page.js.
// - The context menu ("Check with wdcap" on selected text, "Capture with wdcap as ▸ …" on a
//   tenant's page): context-menu.js, handlers/hand.js.
// - The side panel opened at a value from a mark, and by the keyboard shortcut: handlers/open-panel.js.
// - The live connection test, over a port from the popup (live-worker.js).
//
// Which message goes to which handler, and who may send it: router.js. Storage I/O: store.js
// (what a record holds and how it changes: the core's, src/evidence/). The core: core.js.

import { installRouter } from './router.js';
import { stats } from './handlers/capture.js';
import { liveGlobals } from './live-worker.js';
import * as core from './core.js';
import * as platform from './platform.js';
import { installContextMenu, onMenuClicked } from './context-menu.js';
import { installThisPage } from './this-page.js';
import { installShortcut, onCommand, panelStats } from './handlers/open-panel.js';

// Diagnostics and the tests: the worker's counters, with the core's calls per function; and the
// context menu's click handler and the shortcut's (a test cannot click the browser's own menu
// nor press its shortcuts, so it calls the handlers the browser would); the side panel's opening.
Object.defineProperty(stats, 'core', { get: () => core.stats(), enumerable: true });
Object.assign(globalThis, { wdcapStats: stats, wdcapContextMenu: { onClicked: onMenuClicked }, wdcapPanel: { stats: panelStats, onCommand } });
queueMicrotask(() => {
  stats.readyMs = performance.now();
});

liveGlobals();
platform.installClipboardClearing();
installRouter();
installContextMenu();
installThisPage();
installShortcut();
