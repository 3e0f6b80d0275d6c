import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LibraryStore } from './library-store';
import { asciiJson, jsonEncodingOf } from './ascii-json';
import { readHeadsFile } from './segment-shape';
import { fakeStory, withTempDir } from './test/helpers';

// Dutch wire text with what real copy holds: diacritics, typographic quotes and dashes, an
// emoji (a surrogate pair), a lone surrogate, DEL and a control character.
const HEADLINE = 'Café-eigenaar in Enschede: „We gaan door” — ook na brand 🔥 in één nacht';
const ODD = ['\u007f', '\u0001', '\ud800', '\udfff\ud83d', 'naïef ‘quote’', '\\u00e9 staat er letterlijk', '\u2028\u2029'];

describe('asciiJson', () => {
  it('is ASCII and parses back to the same value as JSON.stringify', () => {
    for (const value of [HEADLINE, ...ODD, { kop: HEADLINE, lijst: ODD }, [], 'gewoon ascii']) {
      const text = asciiJson(value);
      expect([...text].every((char) => char.charCodeAt(0) <= 0x7e), JSON.stringify(value)).toBe(true);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    }
    expect(asciiJson('gewoon ascii')).toBe(JSON.stringify('gewoon ascii'));
  });

  it('round-trips any string (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => JSON.parse(asciiJson({ text })).text === text), { numRuns: 200 });
  });

  it('tells ASCII bytes from UTF-8 over the length read', () => {
    expect(jsonEncodingOf(Buffer.from('{"a":"\\u00e9"}'), 14)).toBe('latin1');
    expect(jsonEncodingOf(Buffer.from('{"a":"é"}'), 10)).toBe('utf8');
    // Bytes past the length (a reused buffer's old content) do not count.
    expect(jsonEncodingOf(Buffer.from('{"a":1}é'), 7)).toBe('latin1');
  });
});

describe('heads files', () => {
  it('are written as ASCII and read back as they were stored, as are heads files written before (UTF-8)', async () => {
    await withTempDir(async (dir) => {
      const store = await LibraryStore.open(dir);
      const stories = [fakeStory('h1', HEADLINE), fakeStory('h2', 'Poetin ontvangt Kim in Wladiwostok'), fakeStory('h3', `Vreemde tekens ${ODD.join(' ')}`)];
      await store.addStories(stories);
      const expected = stories.map((story) => ({ id: story.head.id, headline: story.head.headline }));
      await store.close();
      const content = path.join(dir, 'content');
      const headsFile = (await readdir(content)).find((name) => name.endsWith('.heads.json'))!;
      const bytes = await readFile(path.join(content, headsFile));
      expect(bytes.every((byte) => byte < 0x80)).toBe(true);
      const read = await readHeadsFile(path.join(content, headsFile));
      expect(read.heads.map(({ id, headline }) => ({ id, headline }))).toEqual(expected);

      // The same heads as an earlier version wrote them: UTF-8, characters as they are.
      await writeFile(path.join(content, headsFile), JSON.stringify(JSON.parse(bytes.toString('latin1'))));
      expect((await readFile(path.join(content, headsFile))).some((byte) => byte >= 0x80)).toBe(true);
      const reopened = await LibraryStore.open(dir);
      try {
        expect(expected.map(({ id }) => reopened.head(id)?.headline)).toEqual(expected.map(({ headline }) => headline));
      } finally {
        await reopened.close();
      }
    });
  });
});
