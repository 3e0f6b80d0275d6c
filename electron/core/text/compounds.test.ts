import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { lexiconData, lexiconOrigin, lexiconWords, useSharedLexicon, WordSet, type LexiconData } from './compounds';

// The lexicon's flat form, as one thread builds it and another is handed it (shared memory
// through a port, as workerData and postMessage carry it): the same answers as a set built
// afresh from the words.

/** `data` as a thread it is posted to receives it. */
async function posted(data: LexiconData): Promise<LexiconData> {
  const { port1, port2 } = new MessageChannel();
  try {
    const received = new Promise<LexiconData>((resolve) => port2.once('message', resolve));
    port1.postMessage(data);
    return await received;
  } finally {
    port1.close();
    port2.close();
  }
}

describe('the shared lexicon', () => {
  it('answers as a set built afresh: every word of the lexicon, and words it does not have', async () => {
    const built = lexiconWords();
    const data = lexiconData()!;
    for (const part of [data.words.chars, data.words.starts, data.words.slots, data.bloom]) expect(part.buffer).toBeInstanceOf(SharedArrayBuffer);
    const words = [...built];
    expect(words.length).toBeGreaterThan(100_000);
    const fresh = new WordSet(words);
    const received = await posted(data);
    // Shared, not copied: the receiving end sees the same SharedArrayBuffers.
    for (const part of [received.words.chars, received.words.starts, received.words.slots, received.bloom]) expect(part.buffer).toBeInstanceOf(SharedArrayBuffer);
    const shared = new WordSet(received.words);
    expect(shared.size).toBe(fresh.size);
    let k = 0;
    for (const word of shared) {
      if (word !== words[k++]) expect.fail(`shared lexicon word ${k - 1}: ${word}, not ${words[k - 1]}`);
    }
    for (const word of words) {
      if (!shared.has(word)) expect.fail(`shared lexicon misses ${word}`);
    }
    const nonWords = ['', 'q', 'raketq', 'kruisraketten', 'xyzzy', 'wapenstilstandx', ...words.filter((_, k) => k % 50 === 0).flatMap((word) => [`${word}q`, word.slice(1), `${word}${word}`])];
    for (const word of nonWords) {
      if (shared.has(word) !== fresh.has(word)) expect.fail(`shared and fresh differ on ${word}`);
    }
    expect(nonWords.filter((word) => shared.has(word)).length).toBeLessThan(nonWords.length / 4);
    expect(Buffer.from(received.bloom.buffer).equals(Buffer.from(data.bloom.buffer))).toBe(true);
  });

  it('a small set works without workers, from words or from another set’s memory', () => {
    const set = new WordSet(['raket', 'kruis', 'raket', 'ĳs', 'één']);
    expect(set.size).toBe(4);
    expect([...set]).toEqual(['raket', 'kruis', 'ĳs', 'één']);
    const again = new WordSet(set.data);
    for (const word of ['raket', 'kruis', 'ĳs', 'één']) expect(again.has(word)).toBe(true);
    for (const word of ['rake', 'raketten', 'kruisraket', 'ijs', 'een', '']) expect(again.has(word)).toBe(false);
  });

  it('is taken from another thread only when this thread has none', () => {
    lexiconWords();
    const origin = lexiconOrigin();
    useSharedLexicon({ words: new WordSet(['raket']).data, bloom: new Uint32Array(8) });
    expect(lexiconOrigin()).toBe(origin);
    expect(lexiconWords().has('kruis')).toBe(true);
  });
});
