// @ts-check
// The extension's own data, as JSDoc types: the views the worker hands the pages and the user's
// settings. What a tenant's record holds is the core's (StoredRecord, src/evidence/record.rs),
// and so is each tenant's view (TenantView, src/report/tenant/); their types are in
// ./generated/core-types.d.ts. Types only: nothing runs here.

/**
 * @import { ErrorValue, Sso, TenantView } from './generated/core-types'
 */

/**
 * The options the core's checks take, from a record's preferences (the page's marks).
 * @typedef {{sso: Sso, integration?: string}} CheckOptions
 */

/**
 * One tenant record in the worker's answer: its key (a tenant on one host family), the tenant's
 * name, whether it is the tab's own, and the core's view of it (`empty`: nothing captured yet),
 * or why there is none (`error`).
 * @typedef {object} TenantEntry
 * @property {string} key
 * @property {string} tenant
 * @property {boolean} current
 * @property {true} [empty]
 * @property {ErrorValue} [error]
 * @property {TenantView} [view]
 */

/**
 * The worker's answer to `view`: every tenant captured, the tab's own first.
 * @typedef {object} ViewState
 * @property {true} ok
 * @property {string | null} current the tab's record key (null: not a tenant's own admin page)
 * @property {boolean} tabUrlKnown
 * @property {string | null} version the core's build string
 * @property {TenantEntry[]} tenants
 */

/**
 * What became of the last copied secret's clearing (chrome.storage.session `clipboard`; no value).
 * @typedef {object} ClipboardState
 * @property {'armed' | 'cleared' | 'failed' | 'off'} state
 * @property {number} at when it became so (ms)
 * @property {number} [due] when the clearing is due (armed)
 * @property {string} [reason] why it failed
 * @property {boolean} [dismissed] the user has seen the failure
 */

/**
 * The user's settings (chrome.storage.local `settings`; non-secret).
 * @typedef {object} Settings
 * @property {number} clipboardClearSeconds 0: never cleared
 * @property {boolean} classMode
 * @property {string | null} lastPartner
 */

export {};
