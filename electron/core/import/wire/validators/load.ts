import type { ValidateFunction } from 'ajv';

// The compiled ninjs schemas (build.mjs: ~2 MB of generated code, ~5 MB once bundled) are
// loaded the first time an import may meet a ninjs file, not when the core starts: V8 keeps a
// module's source text for as long as it lives, and a session that only reads, searches, tags
// and exports never needs them (they were a fifth of the main process's JavaScript heap).

/** A validator per vendored schema version. */
export type NinjsValidators = Readonly<Record<'1.6' | '2.1' | '2.2' | '3.0' | '3.1', ValidateFunction>>;

let loaded: NinjsValidators | null = null;
let loading: Promise<NinjsValidators> | null = null;

/** Loads the validators once per process (the importers await this before reading any file). */
export function loadNinjsValidators(): Promise<NinjsValidators> {
  loading ??= Promise.all([import('./ninjs-1.js'), import('./ninjs-2020.js')]).then(
    ([draft07, draft2020]) => (loaded = { '1.6': draft07.v1_6, '2.1': draft2020.v2_1, '2.2': draft2020.v2_2, '3.0': draft2020.v3_0, '3.1': draft2020.v3_1 }),
    (error: unknown) => {
      // Tried again by the next import rather than failing every later one.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The validators once loaded; throws when a caller parses ninjs without awaiting `loadNinjsValidators` first (a bug, not bad input). */
export function ninjsValidators(): NinjsValidators {
  if (!loaded) throw new Error('The ninjs schemas are not loaded: await loadNinjsValidators() before parsing wire files.');
  return loaded;
}
