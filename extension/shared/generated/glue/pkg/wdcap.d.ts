// The wasm-bindgen glue of the core (dist/chrome/pkg/wdcap.js, made by the build from
// src/wasm.rs): its exports as extension/worker/core.js calls them. Every call answers a plain
// object (an Outcome, see ../../core-types.d.ts) or, when a result could not be serialised, a
// string; core.js checks which before handing it on, so the answers are `unknown` here.
//
// WRITTEN BY HAND FOR NOW, mirroring the #[wasm_bindgen] functions of src/wasm.rs; it will be
// generated with the other core types. The build never copies it (scripts/build-extension.sh
// leaves *.d.ts out); tsconfig.json's rootDirs make it stand for extension/pkg/wdcap.js.

/** Instantiates the module (`module_or_path`: the .wasm's address or bytes). */
export default function init(options?: { module_or_path?: RequestInfo | URL | BufferSource | WebAssembly.Module }): Promise<unknown>;

export function analyseSnapshot(snapshotJson: string, options: unknown): unknown;
export function checkText(text: string, options: unknown): unknown;
export function checkParams(evidence: unknown, options: unknown): unknown;
export function redactText(text: string, options: unknown): unknown;
export function fileText(name: string, bytes: Uint8Array): unknown;
export function partners(): unknown;
export function pageStructure(snapshotJson: string): unknown;
export function captureSnapshot(snapshotJson: string, tab: unknown): unknown;
export function mergeCapture(record: unknown, capture: unknown): unknown;
export function changeRecord(key: string, record: unknown, change: unknown): unknown;
export function tenantView(key: string, record: unknown, prefs: unknown, state: unknown, options: unknown): unknown;
export function liveInputs(record: unknown, prefs: unknown, isuPassword: string | undefined): unknown;
export function tenantOfUrl(url: string): unknown;
export function livePlan(evidence: unknown, options: unknown): unknown;
export function liveTest(evidence: unknown, options: unknown, signal: AbortSignal | null): Promise<unknown>;
export function fingerprint(value: string): string;
export function version(): string;

/** Made by wasm-bindgen's --experimental-reset-state-function: a fresh instance after a trap. */
export function __wbg_reset_state(): void;
