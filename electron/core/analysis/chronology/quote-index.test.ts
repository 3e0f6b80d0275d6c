import { describe, expect, it } from 'vitest';
import { bufferSource, SnapshotFormatError, SnapshotReader, SnapshotWriter } from '../../snapshot/codec';
import { fold } from '../../text/dutch';
import { CharPool } from '../compact';
import { QuoteIndex, type StoredQuote } from './quote-index';

function drain<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

function roundTrip(index: QuoteIndex): QuoteIndex {
  const out = new SnapshotWriter();
  drain(index.writeState(out));
  const data = Buffer.concat(out.take(true));
  return drain(QuoteIndex.readState(new SnapshotReader(bufferSource(data), 0, data.length)));
}

const quote = (n: number, over: Partial<StoredQuote> = {}): StoredQuote => ({
  kind: n % 2 ? 'direct' : 'indirect',
  text: `woorden nummer ${n} die lang genoeg zijn om te delen`,
  speakerKey: n % 3 ? 'vladimir poetin' : null,
  speakerName: n % 3 ? 'Vladimir Poetin' : null,
  ...(n % 5 === 0 ? { speakerKind: 'organisation' as const } : {}),
  speakerText: n % 3 ? 'Poetin' : null,
  attribution: n % 3 ? 'named' : 'unresolved',
  paragraph: n % 4,
  start: n,
  end: n + 40,
  quoteStart: n + 1,
  ...over,
});

/** What the index held before it kept quotes as rows: the objects given, with the story and date. */
function reference(stories: Map<string, { date: string | null; quotes: StoredQuote[] }>, storyIds?: string[]) {
  const hits = [];
  for (const id of storyIds ?? stories.keys()) {
    const entry = stories.get(id);
    if (entry) for (const q of entry.quotes) hits.push({ ...q, storyId: id, date: entry.date });
  }
  return hits;
}

type Hit = ReturnType<typeof reference>[number];
const newestFirst = (a: Hit, b: Hit) =>
  a.date === b.date ? (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : a.paragraph - b.paragraph || a.quoteStart - b.quoteStart) : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1;

describe('QuoteIndex', () => {
  it('answers with the quotes as they were set, keys in their order, through removals, compactions and the snapshot', () => {
    const index = new QuoteIndex();
    const model = new Map<string, { date: string | null; quotes: StoredQuote[] }>();
    let n = 0;
    // Enough removed rows to compact several times.
    for (let round = 0; round < 3; round++) {
      for (let s = 0; s < 3_000; s++) {
        const id = `s${s % 2_000}`;
        const quotes = Array.from({ length: s % 4 }, () => quote(n++));
        const date = s % 7 ? null : `2024-01-${String((s % 28) + 1).padStart(2, '0')}T10:00:00Z`;
        index.set(id, date, quotes);
        model.delete(id);
        model.set(id, { date, quotes });
        if (s % 11 === 0) {
          index.remove(`s${(s * 7) % 2_000}`);
          model.delete(`s${(s * 7) % 2_000}`);
        }
      }
      for (const subject of [index, roundTrip(index)]) {
        const page = subject.query({ offset: 0, limit: 1_000_000 });
        const expected = reference(model).sort(newestFirst);
        expect(JSON.stringify(page.items)).toBe(JSON.stringify(expected));
        expect(subject.count).toBe(expected.length);
        expect(subject.size).toBe(model.size);
        const some = [...model.keys()].slice(0, 20);
        for (const id of some) expect(JSON.stringify(subject.quotesOf(id))).toBe(JSON.stringify(model.get(id)!.quotes));
        expect(subject.query({ storyIds: some, text: 'NUMMER 1', kind: 'direct', unattributed: false, offset: 0, limit: 1_000 }).items.map((hit) => hit.text)).toEqual(
          reference(model, some)
            .filter((hit) => hit.kind === 'direct' && hit.speakerKey !== null && hit.text.includes('nummer 1'))
            .sort(newestFirst)
            .map((hit) => hit.text),
        );
        const people = subject.people();
        expect(people).toEqual([{ key: 'vladimir poetin', name: 'Vladimir Poetin', count: expected.filter((hit) => hit.speakerKey).length, kind: people[0]!.kind }]);
      }
    }
  });

  it('finds words within quotes as a folded substring search of each text would: diacritics, case, any character, between edits', () => {
    // Texts of pieces with characters of one, two and three bytes in the column, pairs and a
    // lone half of one: a search of the bytes must agree with fold(text).includes(fold(words)).
    const pieces = ['Poetin', 'poëzie', 'CAFÉ', 'zeggen', ' ', ' ', '“', '”', '€', 'ĳs', 'Łódź', '😀', '\uD83D', 'de', 'ér', 'x', '-', 'Ü'];
    let seed = 7;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const text = () => Array.from({ length: 1 + next(12) }, () => pieces[next(pieces.length)]).join('');
    const index = new QuoteIndex();
    const model = new Map<string, string[]>();
    for (let step = 0; step < 3_000; step++) {
      const id = `s${next(400)}`;
      if (next(5) === 0) {
        index.remove(id);
        model.delete(id);
      } else {
        const texts = Array.from({ length: next(4) }, text);
        index.set(id, null, texts.map((words, k) => quote(k, { text: words })));
        model.set(id, texts);
      }
      if (step % 50 !== 0) continue;
      const words = next(3) === 0 ? pieces[next(pieces.length)]! : text().slice(next(4), 8);
      const folded = fold(words.trim());
      const found = index.query({ text: words, offset: 0, limit: 1_000_000 }).items.map((hit) => `${hit.storyId} ${hit.text}`);
      const expected = [...model].flatMap(([storyId, texts]) => texts.filter((each) => !folded || fold(each).includes(folded)).map((each) => `${storyId} ${each}`));
      expect(found.sort(), words).toEqual(expected.sort());
    }
  });

  it('gives the numbers of stories set again back when it compacts, quotes or none', () => {
    const index = new QuoteIndex();
    index.set('a', '2024-03-01', [quote(1), quote(2)]);
    index.set('b', null, [quote(3)]);
    // A story without quotes set again and again (a date edited, say) leaves no rows behind, only numbers.
    for (let k = 0; k < 20_000; k++) index.set('c', `2024-03-${String((k % 28) + 1).padStart(2, '0')}`, []);
    const numbers = (index as unknown as { stories: { length: number } }).stories.length;
    expect(numbers).toBeLessThanOrEqual(2 * 4_096 + 3);
    expect(index.size).toBe(3);
    expect([...index.ids()]).toEqual(['a', 'b', 'c']);
    expect(index.query({ offset: 0, limit: 10 }).items.map((hit) => [hit.storyId, hit.date, hit.text])).toEqual([
      ['a', '2024-03-01', quote(1).text],
      ['a', '2024-03-01', quote(2).text],
      ['b', null, quote(3).text],
    ]);
    expect(roundTrip(index).quotesOf('c')).toEqual([]);
  });

  it('reads back texts that UTF-8 cannot carry (a lone surrogate from an escaped wire text) as they were', () => {
    const index = new QuoteIndex();
    const odd = [quote(1, { text: 'half \uD83D of a pair', speakerName: 'Kim \uDC00' }), quote(2)];
    index.set('s1', '2024-02-01', odd);
    index.set('s2', '', []);
    const copy = roundTrip(index);
    expect(JSON.stringify(copy.quotesOf('s1'))).toBe(JSON.stringify(odd));
    expect(copy.query({ offset: 0, limit: 10 }).items.map((hit) => hit.date)).toEqual(['2024-02-01', '2024-02-01']);
    expect(copy.has('s2')).toBe(true);
  });

  it('refuses a snapshot whose parts do not add up: counts, string numbers, a story twice, a text', () => {
    const index = new QuoteIndex();
    index.set('s1', null, [quote(1), quote(2)]);
    index.set('s2', '2024-01-05', [quote(3)]);
    // The sections as writeState writes them, each replaceable.
    const write = (over: Partial<{ strings: string[]; ids: string[]; counts: number[]; rows: (rows: Int32Array) => Int32Array; lengths: (lengths: number[]) => number[]; asStrings: boolean; textsJson: boolean }>) => {
      const copy = roundTrip(index);
      const state = copy as unknown as { strings: string[]; rows: Int32Array };
      const out = new SnapshotWriter();
      const strings = over.strings ?? state.strings;
      drain(out.array(new Uint8Array(strings.length)));
      drain(out.strings(strings));
      const ids = over.ids ?? ['s1', 's2'];
      drain(out.strings(ids));
      drain(out.strings(ids.map(() => '')));
      drain(out.array(new Uint8Array(ids.length)));
      drain(out.array(Int32Array.from(over.counts ?? [2, 1])));
      const rows = state.rows.slice(0, 3 * 10);
      drain(out.array(over.rows ? over.rows(rows) : rows));
      const texts = [1, 2, 3].map((n) => quote(n).text);
      if (over.asStrings) {
        // As snapshot formats 8–11 wrote them: a string each.
        drain(out.array(over.textsJson ? new Uint8Array([1, 0, 0]) : new Uint8Array(3)));
        drain(out.strings(texts));
      } else {
        const pool = new CharPool();
        const lengths = texts.map((text) => {
          const before = pool.length;
          pool.append(text);
          return pool.length - before;
        });
        drain(pool.write(out));
        drain(out.array(Int32Array.from(over.lengths ? over.lengths(lengths) : lengths)));
      }
      const data = Buffer.concat(out.take(true));
      return () => drain(QuoteIndex.readState(new SnapshotReader(bufferSource(data), 0, data.length), undefined, over.asStrings));
    };
    expect(write({})().count).toBe(3);
    expect(write({ asStrings: true })().quotesOf('s2')).toEqual(index.quotesOf('s2'));
    for (const bad of [
      write({ counts: [2, 2] }),
      write({ counts: [4, -1] }),
      write({ ids: ['s1', 's1'] }),
      write({ strings: [''] }),
      write({ rows: (rows) => rows.map((value, k) => (k === 2 ? 999 : value)) }),
      write({ rows: (rows) => rows.map((value, k) => (k === 0 ? -1 : value)) }),
      write({ asStrings: true, textsJson: true }),
      write({ lengths: ([a, b, c]) => [a! + 1, b!, c! - 1].slice(0, 2) }),
      write({ lengths: ([a, b, c]) => [a! + 1, b!, c!] }),
      write({ lengths: ([a, b, c]) => [a! + c!, b!, -c!] }),
    ]) {
      expect(bad).toThrow(SnapshotFormatError);
    }
  });
});
