// Firefox's `browser` namespace, as far as platform.firefox.js uses it (the rest goes through
// `chrome`, which Firefox also offers; @types/chrome types it).

declare const browser: { sidebarAction?: { open(): Promise<void> } } | undefined;
