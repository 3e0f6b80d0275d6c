import { describe, expect, it } from 'vitest';
import { bufferSource, SnapshotFormatError, SnapshotReader, SnapshotWriter } from '../../snapshot/codec';
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

  it('refuses a snapshot record whose quote is of the wrong shape', () => {
    for (const bad of [{ ...quote(1), start: 1.5 }, { ...quote(1), text: 3 }, { ...quote(1), speakerKey: 7 }, null]) {
      const out = new SnapshotWriter();
      drain(out.strings([JSON.stringify(['s1', null, [bad]])]));
      const data = Buffer.concat(out.take(true));
      expect(() => drain(QuoteIndex.readState(new SnapshotReader(bufferSource(data), 0, data.length)))).toThrow(SnapshotFormatError);
    }
  });
});
