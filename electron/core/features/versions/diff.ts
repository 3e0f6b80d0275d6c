import { diffWordsWithSpace } from 'diff';
import type { BodyBlock, DiffPart } from '../../../../shared/types';

// The word-level difference between two versions of a story, as data the reader and
// the CLI show: runs of words that stayed, were added or were removed, in reading order.
// The headline and each block are separated by a blank line, so a moved paragraph
// break shows. Words, punctuation and spacing are each a token (jsdiff's diffWordsWithSpace), so the
// parts that are not added rebuild the older text exactly and those not removed the newer.

/** A version's text as compared: headline, then its blocks, a blank line between. */
export function comparableText(headline: string, body: readonly BodyBlock[]): string {
  return [headline, ...body.map((block) => block.text)].join('\n\n');
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const changes = diffWordsWithSpace(before, after);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  // Changed words are gathered into one removed and one added run per place, the spaces
  // between them included, so "na dagen regen" reads as one change, not three.
  let removed = '';
  let added = '';
  const flush = () => {
    push('removed', removed);
    push('added', added);
    removed = added = '';
  };
  changes.forEach((change, at) => {
    if (change.removed) removed += change.value;
    else if (change.added) added += change.value;
    else if ((removed || added) && /^[^\S\n]+$/.test(change.value) && changes[at + 1] && (changes[at + 1]!.added || changes[at + 1]!.removed)) {
      removed += change.value;
      added += change.value;
    } else {
      flush();
      push('same', change.value);
    }
  });
  flush();
  return parts;
}
