// The worker's router (extension/worker/router.js), built, in node with a stand-in `chrome`:
// besides this extension's own messages and ports, it listens for messages and ports from other
// extensions and web pages (which the manifest's externally_connectable already keeps out in
// Chromium; Firefox has no such key) and refuses every one, reading nothing.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXTENSION_DIR, assertBuilt, importExtensionModule } from './helpers.mjs';

/** Every file of the built extension under `dirs` (relative paths). */
function filesUnder(...dirs) {
  return dirs.flatMap((d) =>
    readdirSync(join(EXTENSION_DIR, d), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(EXTENSION_DIR, join(e.parentPath ?? e.path, e.name))),
  );
}

assertBuilt();
const listeners = {};
const event = (name) => ({ addListener: (fn) => (listeners[name] ??= []).push(fn) });
globalThis.chrome = {
  runtime: {
    id: 'wdcap-id',
    getURL: (p) => `chrome-extension://wdcap-id/${p}`,
    onMessage: event('onMessage'),
    onConnect: event('onConnect'),
    onMessageExternal: event('onMessageExternal'),
    onConnectExternal: event('onConnectExternal'),
  },
};
const loaded = await importExtensionModule(EXTENSION_DIR, ['worker/router.js', ...filesUnder('worker', 'shared', 'pkg').filter((f) => f !== 'worker/router.js')]);
after(() => loaded.cleanup());
loaded.module.installRouter();

test('a message from another extension or a web page is refused, whatever it asks', () => {
  assert.equal(listeners.onMessageExternal?.length, 1, 'the router listens for messages from outside');
  for (const [message, sender] of [
    [{ type: 'wdcap/view' }, { id: 'another-extension' }],
    [{ type: 'wdcap/forget-all' }, { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' }],
    [{ type: 'wdcap/snapshot', snapshot: '{}' }, { url: 'https://evil.example/', origin: 'https://evil.example' }],
  ]) {
    let reply;
    const keepsChannel = listeners.onMessageExternal[0](message, sender, (r) => (reply = r));
    assert.equal(keepsChannel, false);
    assert.deepEqual(reply, { ok: false, error: { code: 'forbidden', message: 'not from this extension' } });
  }
});

test('a port from another extension is closed at once, nothing read from it', () => {
  assert.equal(listeners.onConnectExternal?.length, 1, 'the router listens for ports from outside');
  let disconnected = false;
  const port = {
    name: 'wdcap/live',
    sender: { id: 'another-extension' },
    disconnect: () => (disconnected = true),
    postMessage: () => assert.fail('nothing is sent to it'),
    onMessage: { addListener: () => assert.fail('nothing is read from it') },
    onDisconnect: { addListener: () => {} },
  };
  listeners.onConnectExternal[0](port);
  assert.ok(disconnected);
});
