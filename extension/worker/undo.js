// @ts-check
// Forgetting can be taken back for a short while: what it removed is kept here, in the worker's
// memory only (never in any storage area, never sent anywhere), under a random token the page
// that asked for the forgetting gets, until the user takes it back or UNDO_MS pass. A secret
// Workday shows only once may be in it: after UNDO_MS it is gone for good.

/** @import { Removed } from './forget.js' */

/** How long a forgetting can be taken back. */
export const UNDO_MS = 10_000;

/** @type {Map<string, Removed>} token → what was removed */
const pending = new Map();

/**
 * Keeps what a forgetting removed for UNDO_MS; its token (null: nothing was removed).
 * @param {Removed} removed
 * @returns {string | null}
 */
export function keepForUndo(removed) {
  if (!Object.keys(removed.session).length && !Object.keys(removed.local).length) return null;
  const token = crypto.randomUUID();
  pending.set(token, removed);
  setTimeout(() => pending.delete(token), UNDO_MS);
  return token;
}

/**
 * What the forgetting `token` removed, handed back once (null: too late, or unknown).
 * @param {unknown} token
 * @returns {Removed | null}
 */
export function takeForUndo(token) {
  if (typeof token !== 'string') return null;
  const removed = pending.get(token) ?? null;
  pending.delete(token);
  return removed;
}
