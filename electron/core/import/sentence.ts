// First-sentence extraction for brief headlines (sentence boundaries: text/sentences.ts).
import { sentenceEnds } from '../text/sentences';

export const BRIEF_HEADLINE_MAX_CHARS = 200;

/** The first sentence of `text`, capped at `maxChars` at a word boundary with `…`. */
export function firstSentence(text: string, maxChars = BRIEF_HEADLINE_MAX_CHARS): string {
  // Only the start can matter after capping; looking no further keeps a hostile
  // megabyte of dots from making the search quadratic.
  const start = text.trim().slice(0, maxChars + 80);
  return capLength(start.slice(0, firstSentenceEnd(start)).trim(), maxChars);
}

function firstSentenceEnd(text: string): number {
  for (const end of sentenceEnds(text)) return end;
  return text.length;
}

function capLength(sentence: string, maxChars: number): string {
  if (sentence.length <= maxChars) return sentence;
  const room = sentence.slice(0, maxChars - 1);
  // A space right after the room also makes a clean cut.
  const lastSpace = sentence.slice(0, maxChars).lastIndexOf(' ');
  // Cut at a word boundary unless that would throw away most of the room (one enormous word).
  const cut = lastSpace > maxChars / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
}
