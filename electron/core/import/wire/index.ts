import { decodeBytes, type DecodeResult } from '../decode';
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
  const read = readWireOrText(bytes, fileName);
  return 'decoded' in read ? null : read;
}

/**
 * As parseWire, but a file that is not a wire file comes back as its decoded text
 * (`decoded`, what decodeBytes answers), so the page-text importer need not decode it again.
 */
export function readWireOrText(bytes: Uint8Array, fileName: string): WireParse | { decoded: DecodeResult } {
  void fileName;
  const sniffed = sniff(bytes);
  switch (sniffed.kind) {
    case 'page-text':
      return { decoded: sniffed.decoded };
    case 'problem':
      return { ok: false, problem: sniffed.problem };
    case 'json':
      return parseNinjs(sniffed.value);
    case 'xml':
      // XML that is not NewsML-G2 is page text (rare: decoded again).
      return parseNewsMl(sniffed.text, bytes, sniffed.encoding) ?? { decoded: decodeBytes(bytes) };
  }
}
