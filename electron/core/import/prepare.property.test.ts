import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareImportFile, type PreparedFile } from './intake';

// Whatever bytes arrive, preparing a file never throws and always ends in either
// a page with something to import (a non-empty headline) or a rejection with a
// code and a reason for the editor.

const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));
const SEEDS = readdirSync(SEEDS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => new Uint8Array(readFileSync(SEEDS_DIR + name)));

function expectWellFormed(result: PreparedFile): void {
  if (!result.ok) {
    expect(result.code).toMatch(/^[a-z-]+$/);
    expect(result.reason.length).toBeGreaterThan(10);
    expect(result.reason).toMatch(/\.$/);
    return;
  }
  expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  const { article, briefs } = result.page;
  expect(article !== null || briefs.length > 0).toBe(true);
  if (article) {
    expect(article.headline.trim()).not.toBe('');
    expect(article.headline.length).toBeLessThanOrEqual(300);
    for (const block of article.body) expect(block.text.trim()).not.toBe('');
  }
  for (const brief of briefs) {
    expect(brief.headline.trim()).not.toBe('');
    expect(brief.text.trim()).not.toBe('');
    expect(brief.dateline.place).not.toBe('');
  }
  for (const warning of result.warnings) expect(warning.length).toBeGreaterThan(10);
}

/** A seed with some bytes replaced, inserted or removed. */
const mutatedSeed = fc
  .record({
    seed: fc.constantFrom(...SEEDS),
    edits: fc.array(
      fc.record({ kind: fc.constantFrom('replace', 'insert', 'delete'), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), length: fc.integer({ min: 1, max: 40 }) }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ seed, edits }) => {
    const bytes = [...seed];
    for (const edit of edits) {
      const at = edit.at % (bytes.length + 1);
      if (edit.kind === 'replace') bytes.splice(at, edit.length, ...Array<number>(edit.length).fill(edit.byte));
      else if (edit.kind === 'insert') bytes.splice(at, 0, ...Array<number>(edit.length).fill(edit.byte));
      else bytes.splice(at, edit.length);
    }
    return Uint8Array.from(bytes);
  });

/** Lines assembled from the pieces the parser looks for, in any order. */
const wireLikeText = fc
  .tuple(
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.array(
      fc.oneof(
        fc.constantFrom('', '   ', 'Meer uit Buitenland', 'Meer uit', '1 uur geleden', 'zojuist', 'Wapens geleverd', 'PYONGYANG (ANP/RTR) -', "'S-HERTOGENBOSCH (ANP) - Tekst.", '***', 'op X. Dat'),
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.tuple(fc.constantFrom('GENÈVE (ANP) - ', '8 minuten geledenLA PAZ (AFP) – ', 'Meer uit Sport', ''), fc.string({ maxLength: 120 })).map(([a, b]) => a + b),
      ),
      { maxLength: 30 },
    ),
  )
  .map(([lineEnd, lines]) => new TextEncoder().encode(lines.join(lineEnd)));

describe('prepareImportFile (property)', () => {
  it('never throws for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4_096 }), (bytes) => expectWellFormed(prepareImportFile('x.txt', bytes))),
      { numRuns: 500 },
    );
  });

  it('never throws for arbitrary text in any line-end style', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2_000 }), (text) => expectWellFormed(prepareImportFile('x.txt', new TextEncoder().encode(text)))),
      { numRuns: 500 },
    );
  });

  it('never throws for lines made of the parser’s own pieces', () => {
    fc.assert(
      fc.property(wireLikeText, (bytes) => expectWellFormed(prepareImportFile('x.txt', bytes))),
      { numRuns: 500 },
    );
  });

  it('never throws for mutated sample pages', () => {
    fc.assert(
      fc.property(mutatedSeed, (bytes) => expectWellFormed(prepareImportFile('x.txt', bytes))),
      { numRuns: 300 },
    );
  });
});
