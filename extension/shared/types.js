// @ts-check
// The extension's own data, as JSDoc types: what the worker keeps per tenant
// (extension/worker/captures.js), the preferences, and the views it hands the pages. The core's
// types are in ./generated/core-types.d.ts. Types only: nothing runs here.

/**
 * @import { Checklist, ErrorValue, FindingView, PageId, ParamKind, ParamView, PartnerExport, Severity, SettingValue, Sso } from './generated/core-types'
 */

/**
 * A captured value as stored (deduplicated by kind + value).
 * @typedef {object} StoredParam
 * @property {ParamKind} kind
 * @property {string} value
 * @property {string | null} name the API client or account the page showed it with
 * @property {string | null} tenant
 * @property {string | null} label the label it was found under
 * @property {PageId | null} page the page it came from (null: accepted or renewed, no page)
 * @property {number} at when it was last seen (ms)
 * @property {number} [renewed] when the live test replaced it with the one the tenant issued
 */

/**
 * A setting as stored: newest first, one per name + page + address.
 * @typedef {object} StoredSetting
 * @property {string} name
 * @property {SettingValue} value
 * @property {PageId} page
 * @property {string} url
 * @property {number} at
 */

/**
 * A refresh token known to be dead, kept only to recognise it.
 * @typedef {object} RetiredValue
 * @property {ParamKind} kind
 * @property {string} value
 * @property {string | null} name
 * @property {number} at
 * @property {'superseded' | 'renewed'} reason
 */

/**
 * A visit to a recognised page.
 * @typedef {{title: string, url: string, at: number}} PageVisit
 */

/**
 * Everything captured for one tenant (chrome.storage.session, `tenant:<name>`).
 * @typedef {object} TenantRecord
 * @property {string} tenant
 * @property {number} updated
 * @property {Partial<Record<PageId, PageVisit>>} pages
 * @property {StoredParam[]} params
 * @property {StoredSetting[]} settings
 * @property {Record<string, number>} [exported] partner id → when its export was used
 * @property {RetiredValue[]} [retired]
 */

/**
 * What the user told wdcap about a tenant (chrome.storage.local, `prefs:<name>`; non-secret).
 * @typedef {object} Prefs
 * @property {Sso} [sso]
 * @property {string | null} [integration] the partner being set up
 * @property {string | null} [securityGroup] the integration's security group, when the pages list several
 */

/**
 * The options the core's checks take, from a tenant's preferences.
 * @typedef {{sso: Sso, integration?: string}} CheckOptions
 */

/**
 * A value as the popup shows it: the core's view with where and when it was captured and its
 * findings.
 * @typedef {ParamView & {page: PageId | null, at: number | null, findings: FindingView[], severity: Severity | 'ok'}} TenantParam
 */

/**
 * One tenant in the worker's view: checked (params, findings, counts …), nothing captured
 * (`empty`), or the core failed (`error`). The tab's own tenant (`current`) also carries the
 * chosen partner's checklist and export.
 * @typedef {object} TenantView
 * @property {string} tenant
 * @property {boolean} current
 * @property {{sso: Sso, integration: string | null, securityGroup: string | null} | CheckOptions} prefs
 * @property {true} [empty]
 * @property {ErrorValue} [error]
 * @property {number} [updated]
 * @property {Partial<Record<PageId, PageVisit>>} [pages]
 * @property {TenantParam[]} [params]
 * @property {FindingView[]} [findings] the findings about no single value
 * @property {StoredSetting[]} [settings]
 * @property {Record<Severity, number>} [counts]
 * @property {Checklist} [checklist]
 * @property {PartnerExport} [export]
 */

/**
 * The worker's answer to `view`: every tenant captured, the tab's own first.
 * @typedef {object} ViewState
 * @property {true} ok
 * @property {string | null} current the tab's tenant
 * @property {boolean} tabUrlKnown
 * @property {string | null} version the core's build string
 * @property {TenantView[]} tenants
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
