import type { WireParse } from './item';

// The wire-format parsers' one entry point. The parsers themselves (ninjs 1-3,
// NewsML-G2) are built on the `wire-parse` branch, which replaces this file; until it
// lands no file is recognised as an agency item, so every file imports as page text,
// exactly as before. The version-aware importer (../wire-stories.ts) calls only this.

/** The items of an agency file, or null when the file is not one (it is then page text). */
export function parseWire(_bytes: Uint8Array, _fileName: string): WireParse | null {
  return null;
}
