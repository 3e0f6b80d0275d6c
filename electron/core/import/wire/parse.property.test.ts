import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWire } from './index';
import type { WireParse } from './item';
import { fixture } from './test/read';

// Whatever bytes arrive, parseWire never throws: it answers null (page text), a
// problem code, or items whose every body block is plain text.

const FIXTURES = [
  'dutch/ninjs1/woningbouw-v1.json',
  'dutch/ninjs2/woningbouw-package.json',
  'dutch/ninjs3/woningbouw-v3.json',
  'dutch/g2/woningbouw-v1.xml',
  'dutch/g2/woningbouw-message.xml',
  'samples/ninjs/2.1_tt_text_image_2.json',
].map((name) => new TextDecoder().decode(fixture(name)));

function expectWellFormed(parsed: WireParse | null): void {
  if (parsed === null) return;
  if (!parsed.ok) {
    expect(parsed.problem.code).toMatch(/^wire\.[a-zA-Z]+$/);
    return;
  }
  for (const item of parsed.result.items) {
    expect(item.guid).not.toBe('');
    expect(item.headline.trim()).not.toBe('');
    for (const block of item.body) expect(block.text.trim()).toBe(block.text);
  }
}

const parseString = (text: string) => parseWire(new TextEncoder().encode(text), 'x');

/** A fixture cut, spliced or with a span replaced: what a half-written or damaged file looks like. */
const damaged = fc
  .tuple(fc.constantFrom(...FIXTURES), fc.nat(), fc.nat(), fc.string({ maxLength: 12 }), fc.constantFrom('cut', 'insert', 'replace'))
  .map(([text, a, b, insert, how]) => {
    const at = a % (text.length + 1);
    const end = Math.min(text.length, at + (b % 40));
    if (how === 'cut') return text.slice(0, at);
    if (how === 'insert') return text.slice(0, at) + insert + text.slice(at);
    return text.slice(0, at) + insert + text.slice(end);
  });

describe('parseWire (property)', () => {
  it('damaged wire files never make it throw', () => {
    fc.assert(fc.property(damaged, (text) => expectWellFormed(parseString(text))), { numRuns: 300 });
  });

  it('arbitrary JSON never makes it throw', () => {
    const ninjsish = fc.dictionary(fc.constantFrom('uri', 'type', 'headline', 'headlines', 'bodies', 'body_html', 'versionCreated', 'associations', 'pubstatus', 'version', 'subjects'), fc.jsonValue({ maxDepth: 4 }));
    fc.assert(fc.property(fc.oneof(fc.jsonValue({ maxDepth: 5 }), ninjsish), (value) => expectWellFormed(parseString(JSON.stringify(value) ?? 'null'))), { numRuns: 300 });
  });

  it('arbitrary bytes never make it throw', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => expectWellFormed(parseWire(bytes, 'x'))), { numRuns: 300 });
  });
});
