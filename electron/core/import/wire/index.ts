import { sniff } from './detect';
import type { WireParse } from './item';
import { parseNewsMl } from './newsml-g2';
import { parseNinjs } from './ninjs';

// The one entry the importer calls for every file: agency items (ninjs 1.x/2.x/3.x,
// NewsML-G2) are read here; anything else is page text for the existing parser.

export type * from './item';
export { htmlToBlocks, plainTextToBlocks } from './sanitize';

/**
 * Reads a file's bytes as an agency item. Returns null when the file is not a
 * wire file (page text, also empty or binary files: the page-text importer
 * reports those as it always has). The format is told from the content only;
 * `fileName` is not used to decide it and is accepted for the caller's symmetry.
 */
export function parseWire(bytes: Uint8Array, fileName: string): WireParse | null {
  void fileName;
  const sniffed = sniff(bytes);
  switch (sniffed.kind) {
    case 'page-text':
      return null;
    case 'problem':
      return { ok: false, problem: sniffed.problem };
    case 'json':
      return parseNinjs(sniffed.value);
    case 'xml':
      return parseNewsMl(sniffed.text, bytes, sniffed.encoding);
  }
}
