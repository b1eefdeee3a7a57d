// @ts-check
// The messages between the extension's parts, in one table: every sender names a message by
// its constant here, and the service worker routes it by the same constant
// (extension/worker/router.js, which also says who may send each). A message is
// `{type: MESSAGES.<name>, …its fields}` sent with chrome.runtime.sendMessage; its answer is the
// reply type below, or a Failure. The live connection test talks over a port named LIVE_PORT.
//
// Declarations only, no imports: the build puts this file into the content script
// (scripts/build-extension.sh). The types are JSDoc, so they vanish there.

/**
 * @import { Checklist, ErrorValue, LiveView, ParamKind, PageId, Partner, PartnerExport, Severity, Sso, TokenRef } from './generated/core-types'
 * @import { ClipboardState, ViewState } from './types.js'
 */

export const MESSAGES = Object.freeze(
  /** @type {const} */ ({
    /** Content script → worker: a page snapshot (JSON text) to analyse. */
    snapshot: 'wdcap/snapshot',
    /** Content script → worker: a mark was clicked; open the side panel at its value (in the click's gesture). */
    openAt: 'wdcap/open-at',
    /** Side panel → worker: the value it was opened for, handed over once. */
    takeFocus: 'wdcap/take-focus',
    /** Page → worker: every tenant captured, the tab's own first. */
    view: 'wdcap/view',
    /** Page → worker: a tenant's SSO answer, partner, or the partner's API client, security group or ISU. */
    setPrefs: 'wdcap/set-prefs',
    /** Page → worker: forget one tenant's captured values. */
    forget: 'wdcap/forget',
    /** Page → worker: forget every captured value. */
    forgetAll: 'wdcap/forget-all',
    /** Page → worker: take back a forgetting, within a few seconds of it. */
    undoForget: 'wdcap/undo-forget',
    /** Page → worker: the partner profiles. */
    partners: 'wdcap/partners',
    /** Page → worker: a partner's checklist on a tenant. */
    checklist: 'wdcap/checklist',
    /** Page → worker: tick or untick a checklist step by hand. */
    checklistTick: 'wdcap/checklist-tick',
    /** Page → worker: start a checklist afresh. */
    checklistReset: 'wdcap/checklist-reset',
    /** Page → worker: the export of a tenant's values for a partner. */
    export: 'wdcap/export',
    /** Page → worker: the export was copied or downloaded (checklist evidence). */
    exportUsed: 'wdcap/export-used',
    /** Page → worker: store a value wdcap built and the user accepted. */
    acceptValue: 'wdcap/accept-value',
    /** Page → worker: keep a value the admin typed in ("Add a value"), for the tenant or an API client. */
    addValue: 'wdcap/add-value',
    /** Page → worker: a secret was copied; clear the clipboard later. */
    secretCopied: 'wdcap/secret-copied',
    /** Chromium's offscreen document → worker: the clipboard was cleared (or not: `ok: false`). */
    clipboardCleared: 'wdcap/clipboard-cleared',
    /** Page → worker: what became of the last clearing (a failure is shown until dismissed). */
    clipboardStatus: 'wdcap/clipboard-status',
    /** Verify page → worker: the text selected for "Check with wdcap", handed over once. */
    takeSelection: 'wdcap/take-selection',
    /** Page → worker: what wdcap read on a tab's page (the "This page" strip). */
    thisPage: 'wdcap/this-page',
  }),
);

/**
 * Worker → an open side panel: show this value (`{type: FOCUS_VALUE, windowId, kind, label}`);
 * the worker sends it, nobody sends it to the worker.
 */
export const FOCUS_VALUE = 'wdcap/focus-value';

/** The name of the port the popup opens for the live connection test. */
export const LIVE_PORT = 'wdcap/live';

/** The messages on the live test's port. */
export const LIVE_MESSAGES = Object.freeze(
  /** @type {const} */ ({
    /** Popup → worker: run the test. */
    start: 'start',
    /** Popup → worker: stop it. */
    cancel: 'cancel',
    /** Worker → popup: it runs, with this time limit. */
    started: 'started',
    /** Worker → popup: what it found. */
    result: 'result',
  }),
);

/**
 * A failed request's answer (the shape of the core's errors too).
 * @param {string} code
 * @param {string} message
 * @returns {Failure}
 */
export function failure(code, message) {
  return { ok: false, error: { code, message } };
}

/**
 * @typedef {{ok: false, error: ErrorValue}} Failure
 * @typedef {{ok: true}} Done
 */

/**
 * What the worker tells the content script to mark beside one captured value.
 * @typedef {object} Mark
 * @property {number} node the snapshot node that holds the value
 * @property {ParamKind | 'setting'} kind a value's kind, or `setting` for a setting read there
 * @property {string | null} label
 * @property {Severity | 'ok'} severity the worst of the findings about the value on its page
 *   (never drawn from other pages or tenants: the mark is shown in the page)
 * @property {string[]} messages those findings' messages
 */

/**
 * The records are a tenant on one host family: `key` is the core's record key
 * (`wd3.implementation:acme`).
 * @typedef {{ok: true, page: PageId | null, marks: Mark[]}} SnapshotReply
 * @typedef {{ok: true, partners: Partner[]}} PartnersReply
 * @typedef {{ok: true, key: string | null, partner: string, since: number, checklist: Checklist}} ChecklistReply
 * @typedef {{ok: true, key: string, partner: string, export: PartnerExport}} ExportReply
 * @typedef {{ok: true, seconds: number}} SecretCopiedReply
 * @typedef {{key: string, sso?: Sso, integration?: string | null, securityGroup?: string | null, apiClient?: string | null, isu?: string | null, tabId?: number | null}} PrefsChange
 * @typedef {{ok: true, clipboard: ClipboardState | null}} ClipboardReply
 * @typedef {{ok: true, text: string}} SelectionReply
 * @typedef {{kind: string, label: string | null}} FocusTarget a value the side panel shows first (a mark's)
 * @typedef {{ok: true, target: FocusTarget | null}} FocusReply
 * @typedef {ViewState & {undo: string | null, undoMs: number}} ForgetReply the view after a forgetting, with the token that takes it back (null: nothing was removed)
 * @typedef {{ok: true, page: ThisPage | null}} ThisPageReply
 */

/**
 * What wdcap read on a tab's page, for the "This page" strip: `loading` (read when it settles),
 * `recognised` (the page, its title, the kinds of the values read, the settings as the core says
 * them), `unknown` (a tenant page no recogniser claims: the connection URLs it showed, and its
 * structure for a bug report), `other` (not a tenant's own admin page).
 * @typedef {object} ThisPage
 * @property {'loading' | 'recognised' | 'unknown' | 'other'} state
 * @property {PageId | null} page
 * @property {string} title the task's name as the tab shows it
 * @property {ParamKind[]} kinds the kinds of the values read there
 * @property {string[]} said the settings read there, as a person reads them
 * @property {string | null} structure the page's structure (JSON text), for a page wdcap does not know
 * @property {number} at when it was read (ms)
 */

/**
 * Each message's fields (besides `type`) and its answer when it succeeds, by message type.
 * @typedef {{
 *   [MESSAGES.snapshot]: [{snapshot: string, url?: string, title?: string, loadUrl?: string | null}, SnapshotReply],
 *   [MESSAGES.openAt]: [{kind: string, label?: string | null}, Done],
 *   [MESSAGES.takeFocus]: [{windowId: number}, FocusReply],
 *   [MESSAGES.view]: [{tabId?: number | null}, ViewState],
 *   [MESSAGES.setPrefs]: [PrefsChange, ViewState],
 *   [MESSAGES.forget]: [{key: string, tabId?: number | null}, ForgetReply],
 *   [MESSAGES.forgetAll]: [{tabId?: number | null}, ForgetReply],
 *   [MESSAGES.undoForget]: [{token: string, tabId?: number | null}, ViewState],
 *   [MESSAGES.partners]: [{}, PartnersReply],
 *   [MESSAGES.checklist]: [{key: string | null, partner: string}, ChecklistReply],
 *   [MESSAGES.checklistTick]: [{key: string | null, partner: string, step: string, ticked: boolean}, ChecklistReply],
 *   [MESSAGES.checklistReset]: [{key: string | null, partner: string}, ChecklistReply],
 *   [MESSAGES.export]: [{key: string, partner: string}, ExportReply],
 *   [MESSAGES.exportUsed]: [{key: string, partner: string}, Done],
 *   [MESSAGES.acceptValue]: [{key: string, kind: ParamKind, value: string, label?: string | null}, Done],
 *   [MESSAGES.addValue]: [{key: string, kind: ParamKind, value: string, client?: string | null, tabId?: number | null}, ViewState],
 *   [MESSAGES.secretCopied]: [{}, SecretCopiedReply],
 *   [MESSAGES.clipboardCleared]: [{ok?: boolean, reason?: string}, Done],
 *   [MESSAGES.clipboardStatus]: [{dismiss?: boolean}, ClipboardReply],
 *   [MESSAGES.takeSelection]: [{token: string}, SelectionReply],
 *   [MESSAGES.thisPage]: [{tabId?: number | null}, ThisPageReply],
 * }} Protocol
 */

/**
 * @typedef {keyof Protocol} MessageType
 * @typedef {typeof MESSAGES[keyof typeof MESSAGES]} MessageName
 */

/**
 * A message as its sender writes it.
 * @template {MessageType} T
 * @typedef {{type: T} & Protocol[T][0]} Message
 */

/**
 * A message's answer: its reply, or a Failure (a refused or malformed message, a core error).
 * @template {MessageType} T
 * @typedef {Protocol[T][1] | Failure} Reply
 */

/**
 * The live test's port. Popup → worker: {type: 'start', key, isu_password?} or
 * {type: 'cancel'}. Worker → popup: LiveStarted, then LiveResult.
 * @typedef {{type: 'start', key: string, isu_password?: string} | {type: 'cancel'}} LiveRequest
 * @typedef {{type: 'started', timeoutMs: number}} LiveStarted
 */

/**
 * The live test's outcome: it could not run or the core failed (`error`; `origins` when host
 * permissions are missing), or the core's report (without the new refresh token, which comes as
 * `renewed`, masked until shown), whether it was cancelled or timed out, which API client and
 * refresh token it used, and when it ran.
 * @typedef {{type: 'result', ok: false, error: ErrorValue, origins?: string[], timeoutMs?: number, elapsedMs?: number}} LiveFailed
 * @typedef {{value: string, length: number, fingerprint: string | null, saved: boolean}} RenewedToken
 * @typedef {{type: 'result', ok: true, timeoutMs: number, elapsedMs: number, report: Omit<LiveView, 'new_refresh_token'>,
 *            cancelled: boolean, timedOut: boolean, renewed?: RenewedToken, client: string | null,
 *            refreshToken: TokenRef | null, at: number}} LiveDone
 * @typedef {LiveFailed | LiveDone} LiveResult
 */
