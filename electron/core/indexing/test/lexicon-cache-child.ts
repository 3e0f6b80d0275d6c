// Child process for lexicon-cache.test.ts: a fresh process, in which no thread has built or
// been handed the compound lexicon yet. `open DIR`: opens the library through the indexing
// client and prints how its worker came by the lexicon. `take DIR`: reads the library's index
// snapshot and prints what useCachedLexicon makes of its lexicon under a wrong fingerprint,
// in another shape, whole but not as this code writes it, and as kept.
import { snapshotPath, readSnapshotFile } from '../../snapshot/index-snapshot';
import { LibraryStore } from '../../store/library-store';
import { lexiconLoaded, lexiconOrigin, lexiconWords, useCachedLexicon } from '../../text/compounds';
import { IndexingClient } from '../client';

const [mode, dir] = process.argv.slice(2);
if (!dir || (mode !== 'open' && mode !== 'take')) throw new Error('usage: lexicon-cache-child open|take DIR');
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

if (mode === 'open') {
  const store = await LibraryStore.open(dir);
  const client = new IndexingClient(store, {});
  try {
    await client.whenReady();
    const status = await client.status();
    const answer = await client.match('raket ');
    const ids = answer ? Array.from(answer.matches.nums, (num) => client.idAt(num)!).sort() : [];
    print({ origin: status.origin, lexicon: status.lexicon, ids, builtHere: lexiconLoaded() });
  } finally {
    await client.close();
    await store.close();
  }
} else {
  const loaded = await readSnapshotFile(snapshotPath(dir), { longestBlockMs: 0, slices: 0 });
  const kept = loaded!.lexicon!;
  const { chars, starts, slots } = kept.data.words;
  const otherFingerprint = useCachedLexicon(kept.data, `${kept.fingerprint}-other`);
  const otherShape = useCachedLexicon({ words: { chars, starts, slots: slots.subarray(1) }, bloom: kept.data.bloom }, kept.fingerprint);
  // Of the right shape, but a hash table without an empty slot: a lookup would never end.
  const fullTable = useCachedLexicon({ words: { chars, starts, slots: slots.map(() => 1) }, bloom: kept.data.bloom }, kept.fingerprint);
  const startsOutOfOrder = useCachedLexicon({ words: { chars, starts: starts.map((start, k) => (k === 1 ? chars.length : start)), slots }, bloom: kept.data.bloom }, kept.fingerprint);
  const takenBefore = lexiconLoaded();
  const taken = useCachedLexicon(kept.data, kept.fingerprint);
  print({ otherFingerprint, otherShape, fullTable, startsOutOfOrder, takenBefore, taken, origin: lexiconOrigin(), words: ['raket', 'kruis', 'stilstand', 'qqxq'].map((word) => lexiconWords().has(word)) });
}
