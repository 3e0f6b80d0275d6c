import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, htmlToBlocks, plainTextToBlocks } from './sanitize';

// Whatever markup arrives, sanitising never throws and never lets a tag through:
// text without `<` wrapped in any tags comes out without `<`.

const TAGS = ['p', 'div', 'b', 'i', 'a', 'span', 'h1', 'h2', 'h3', 'script', 'style', 'img', 'br', 'li', 'ul', 'table', 'td', 'iframe', 'svg', 'noscript', 'hl2', 'block', 'x-custom'];
const ATTRIBUTES = ['', ' onclick="alert(1)"', ' href="javascript:alert(1)"', " style='x'", ' class=a', ' data-x="<b>"', ' src=x onerror=alert(1)'];

/** Text with no `<` of its own and entities that do not decode to one (`&lt;` is text, and may come out as `<`). */
const plain = fc.stringMatching(/^[^<&]{0,40}$/);
const entity = fc.constantFrom('&amp;', '&nbsp;', '&euml;', '&#8211;', '&quot;', '&gt;', '&#x263A;', '&bogus;', '& ');

const fragment: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    plain,
    entity,
    fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRIBUTES), fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(
      ([tag, attributes, children, closed]) => `<${tag}${attributes}>${children.join('')}${closed ? `</${tag}>` : ''}`,
    ),
    fc.constantFrom('<!-- c -->', '<!DOCTYPE html>', '</p>', '<br/>', '<![CDATA[x]]>'),
  ),
})).node;

describe('sanitize (property)', () => {
  it('tags given as markup never come out, and nothing throws', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 6 }), (parts) => {
        const blocks = htmlToBlocks(parts.join(''));
        for (const block of blocks) {
          expect(block.text).not.toContain('<');
          expect(block.text).toBe(block.text.trim());
          expect(block.text).not.toBe('');
          expect(['paragraph', 'heading']).toContain(block.type);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('arbitrary strings never make either sanitiser throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(Array.isArray(htmlToBlocks(text))).toBe(true);
        expect(Array.isArray(plainTextToBlocks(text))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('cleanText (property)', () => {
  // eslint-disable-next-line no-control-regex -- the rule cleanText applies, as it was written first
  const plainRule = (text: string) => text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u2060\uFEFF\u00AD]/g, '').replace(/\s+/g, ' ').trim();
  // Every kind of character the rule treats apart (whitespace, controls, invisibles), and ordinary ones.
  const SPECIAL = [' ', '  ', '\t', '\n', '\r', '\v', '\f', '\u0000', '\u0008', '\u001c', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0', '\u00ad', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u2060', '\u3000', '\ufeff'];
  const ORDINARY = ['a', 'Z', '9', '.', '~', 'é', 'ë', '’', '—', '€', '\u00a1', '\u0100', '\u1679', '\u200c', '\u2030', '\ud83d\ude00', '\ud800'];
  it('gives what the plain rule gives, for any mix of ordinary, space, control and invisible characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SPECIAL, ...ORDINARY, ...ORDINARY), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(cleanText(text)).toBe(plainRule(text));
      }),
      { numRuns: 5_000 },
    );
  });
});
