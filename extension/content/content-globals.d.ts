// What the build puts in front of content.js in the content script (scripts/build-extension.sh,
// CONTENT_MODULES: the modules' declarations, imports and exports stripped), declared for the
// type check. They are globals here because content.js is a classic script; eslint's no-undef
// (eslint.config.js) allows them in content.js only, so no module can use one unimported.

declare const VALUE_KINDS: typeof import('../shared/generated/lists.js').VALUE_KINDS;
declare const MESSAGES: typeof import('../shared/messages.js').MESSAGES;
declare const worstSeverity: typeof import('../shared/findings.js').worstSeverity;
declare const snapshot: typeof import('./snapshot.js').snapshot;
declare const KEPT_ATTRIBUTES: typeof import('./snapshot.js').KEPT_ATTRIBUTES;
