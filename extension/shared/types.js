// @ts-check
// The extension's own data, as JSDoc types: the views the worker hands the pages and the user's
// settings. What a tenant's record holds is the core's (StoredRecord, src/evidence/record.rs),
// and so is each tenant's view (TenantView, src/report/tenant/); their types are in
// ./generated/core-types.d.ts. Types only: nothing runs here.

/**
 * @import { ErrorValue, TenantView } from './generated/core-types'
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
 * The user's settings (chrome.storage.local `settings`; non-secret).
 * @typedef {object} Settings
 * @property {number} clipboardClearSeconds 0: never cleared
 * @property {boolean} classMode
 * @property {string | null} lastPartner
 */

export {};
