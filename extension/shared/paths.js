// @ts-check
// Where each extension page lives: paths from the extension's root, as chrome.runtime.getURL
// and the manifest take them. The side panel is the popup's page made again by the build
// (scripts/build-extension.sh) with <body data-view="panel">.

export const PAGE_PATHS = Object.freeze({
  popup: 'pages/popup/popup.html',
  panel: 'pages/popup/panel.html',
  verify: 'pages/verify/verify.html',
  checklist: 'pages/checklist/checklist.html',
  options: 'pages/options/options.html',
});
