// Clearing the clipboard in Firefox (extension/worker/platform.firefox.js: an alarm, then the
// background page writes an empty clipboard), in node with a stand-in `chrome` and clipboard:
// what became of the clearing is kept for the popup (extension/worker/clipboard-state.js), a
// failure included: it is shown, never swallowed. (Chromium's offscreen document reports the
// same way; the popup's notice is tested end to end in popup.test.mjs.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { EXTENSION_SOURCE, importExtensionModule } from './helpers.mjs';

let loaded;
let platform;
let state;
const session = new Map();
const alarms = new Map();
let onAlarm;
let clipboard = { writeText: async () => {} };

before(async () => {
  globalThis.chrome = {
    alarms: {
      onAlarm: { addListener: (fn) => (onAlarm = fn) },
      clear: async (name) => alarms.delete(name),
      create: async (name, info) => alarms.set(name, info),
    },
    storage: {
      session: {
        get: async (key) => (session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
        set: async (items) => Object.entries(items).forEach(([k, v]) => session.set(k, structuredClone(v))),
      },
    },
  };
  // (Node has no navigator.clipboard, and, before version 21, no navigator.)
  if (typeof globalThis.navigator !== 'object') Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true });
  Object.defineProperty(globalThis.navigator, 'clipboard', { get: () => clipboard, configurable: true });
  loaded = await importExtensionModule(EXTENSION_SOURCE, ['worker/platform.firefox.js', 'worker/clipboard-state.js']);
  platform = loaded.module;
  state = await import(new URL('worker/clipboard-state.js', `file://${loaded.dir}/`).href);
  platform.installClipboardClearing();
});

after(() => loaded?.cleanup());

/** Fires the clearing alarm as Firefox would when its time is up. */
async function timeIsUp() {
  const [name] = [...alarms.keys()];
  assert.ok(name, 'an alarm was set');
  alarms.delete(name);
  await onAlarm({ name });
}

test('a clearing that works is recorded as cleared', async () => {
  let written = null;
  clipboard = { writeText: async (text) => (written = text) };
  await platform.clearClipboardLater(2);
  await state.clipboardArmed(2);
  assert.equal(session.get('clipboard').state, 'armed');
  await timeIsUp();
  assert.equal(written, '');
  assert.equal(session.get('clipboard').state, 'cleared');
});

test('a clearing that fails is recorded with why, for the popup to show, until dismissed', async () => {
  clipboard = { writeText: async () => Promise.reject(new DOMException('Clipboard write is not allowed.', 'NotAllowedError')) };
  await platform.clearClipboardLater(2);
  await state.clipboardArmed(2);
  await timeIsUp();
  const failed = session.get('clipboard');
  assert.equal(failed.state, 'failed', 'the failure is kept, not swallowed');
  assert.match(failed.reason, /not allowed/);
  assert.equal((await state.clipboardState()).dismissed, undefined);
  assert.equal((await state.clipboardState(true)).dismissed, true);
  assert.equal(session.get('clipboard').dismissed, true);
});
