// ESLint (flat config; `make lint-js`). The recommended rules, and a few that catch what a
// reviewer would: unused names, shadowed or undeclared globals, loose equality, stray console
// output in the extension. The types are tsc's job (tsconfig.json).

import js from '@eslint/js';
import globals from 'globals';

const common = {
  'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none', ignoreRestSiblings: true }],
  eqeqeq: ['error', 'always', { null: 'ignore' }],
  'no-var': 'error',
  'prefer-const': 'error',
  'no-implicit-globals': 'error',
  'no-throw-literal': 'error',
  'object-shorthand': 'error',
};

// The extension's code: besides, no name hides another, and nothing is used before its line.
const extension = {
  ...common,
  'no-shadow': 'error',
  'no-use-before-define': ['error', { functions: false, classes: true, variables: false }],
  'no-console': 'error',
};

export default [
  // sim/ (the Workday simulator) and benches/ (the Rust benchmarks' table) are linted by their
  // owners' rules when they adopt these; fuzz/ is Rust.
  { ignores: ['dist/**', 'target/**', 'node_modules/**', 'extension/pkg/**', 'fuzz/**', 'sim/**', 'benches/**'] },
  js.configs.recommended,
  {
    // The extension: browser code with chrome.* (and Firefox's browser.*).
    files: ['extension/**/*.js'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.serviceworker, ...globals.webextensions },
    },
    rules: extension,
  },
  {
    // The content script is a classic script; the build puts these modules' declarations in
    // front of it (scripts/build-extension.sh, content/content-globals.d.ts).
    files: ['extension/content/content.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { VALUE_KINDS: 'readonly', MESSAGES: 'readonly', worstSeverity: 'readonly', snapshot: 'readonly', KEPT_ATTRIBUTES: 'readonly' },
    },
  },
  {
    // Node: the tests, the build and packaging scripts, the benchmarks, the simulator.
    files: ['**/*.mjs', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
    rules: common,
  },
  {
    // Code the benchmarks and tests send into a page or a worker (page.evaluate …) runs there.
    files: ['bench/**/*.mjs', 'tests/e2e/**/*.mjs', 'scripts/demo.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.webextensions } },
  },
];
