import { describe, expect, it } from 'vitest';
import { highlightMatcher } from './highlight';
import { parseQuery } from './query';
import { snippetOf, SNIPPET_CHARS } from './snippet';

const marked = (snippet: ReturnType<typeof snippetOf>) => snippet!.highlights.map(([start, end]) => snippet!.text.slice(start, end));

const LONG_LEAD = 'Het kabinet heeft dinsdag in Den Haag lang vergaderd over de begroting voor het komende jaar, en over de plannen voor de zorg en het onderwijs in de provincies.';

describe('snippetOf', () => {
  it('marks a folded query word as written in the text (oekraine → Oekraïne)', () => {
    const snippet = snippetOf(['De president sprak over de oorlog in Oekraïne en over de Oekraïense vluchtelingen.'], parseQuery('oekraine ').highlight);
    expect(marked(snippet)).toEqual(['Oekraïne']);
    expect(snippet).toMatchObject({ clippedStart: false, clippedEnd: false });
  });

  it('starts a little before the first match in the first paragraph that has one, at a word', () => {
    const blocks = [LONG_LEAD, `${LONG_LEAD} Daarna ging het over de steun aan Oekraïne, die volgend jaar verder gaat. ${LONG_LEAD}`];
    const snippet = snippetOf(blocks, parseQuery('oekraine ').highlight)!;
    // The same with the query's matcher, as a page of rows makes them.
    expect(snippetOf(blocks, highlightMatcher(parseQuery('oekraine ').highlight))).toEqual(snippet);
    expect(snippetOf(['', '  ', ...blocks], highlightMatcher(parseQuery('oekraine ').highlight))).toEqual(snippet);
    expect(marked(snippet)).toEqual(['Oekraïne']);
    expect(snippet.clippedStart).toBe(true);
    expect(snippet.clippedEnd).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(SNIPPET_CHARS);
    expect(snippet.highlights[0]![0]).toBeGreaterThan(10);
    expect(snippet.highlights[0]![0]).toBeLessThanOrEqual(60);
    // Cut at words: the snippet's first and last words are whole words of the paragraph.
    expect(blocks[1]).toMatch(new RegExp(`(^| )${snippet.text.split(' ')[0]}`));
    expect(blocks[1]).toContain(`${snippet.text} `);
  });

  it('marks phrases, word starts, OR alternatives and stems', () => {
    const text = 'Poetin gaf Kim Jong-un een warm welkom; de ontmoetingen gaan door.';
    expect(marked(snippetOf([text], parseQuery('"warm welkom" ontmoeting').highlight))).toEqual(['warm welkom', 'ontmoetingen']);
    expect(marked(snippetOf([text], parseQuery('poetin OR xi ').highlight))).toEqual(['Poetin']);
    expect(marked(snippetOf([text], parseQuery('jong* ').highlight))).toEqual(['Jong-un']);
  });

  it('shows the start of the text when only the headline or tags matched', () => {
    const snippet = snippetOf(['', LONG_LEAD, 'Tweede alinea.'], parseQuery('pyongyang ').highlight)!;
    expect(snippet.highlights).toEqual([]);
    expect(LONG_LEAD.startsWith(snippet.text)).toBe(true);
    expect(snippet.clippedStart).toBe(false);
    expect(snippetOf([], ['x'])).toBeNull();
    expect(snippetOf(['  \n '], ['x'])).toBeNull();
  });

  it('collapses whitespace and never returns markup of its own: the text is the story text', () => {
    const snippet = snippetOf(['<b>Oekraïne</b>\n\tvraagt   <script>steun</script>'], parseQuery('oekraine steun ').highlight)!;
    expect(snippet.text).toBe('<b>Oekraïne</b> vraagt <script>steun</script>');
    expect(marked(snippet)).toEqual(['Oekraïne', 'steun']);
  });

  it('keeps a match near the end of a long paragraph at the start of the snippet, where a row shows it', () => {
    const text = `${LONG_LEAD} ${LONG_LEAD} Slot over Oekraïne.`;
    const snippet = snippetOf([text], parseQuery('oekraine ').highlight)!;
    expect(snippet.clippedEnd).toBe(false);
    expect(marked(snippet)).toEqual(['Oekraïne']);
    expect(snippet.highlights[0]![0]).toBeLessThanOrEqual(60);
  });
});
