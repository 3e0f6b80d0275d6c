import { words } from '../text/dutch';

// `words()` from dutch.ts yields a hyphenated compound as its parts followed by
// the joined form (`Noord-Korea` → noord, korea, noordkorea), so that both
// spellings meet in the index. Phrase matching needs the running text without
// those extra joined forms, so this marks them. (A `joined: false` option on
// `words()` itself would make this unnecessary.)

/**
 * Calls `visit` for each folded word of `text` in order, with `joined` true for the
 * joined form that `words()` adds after the parts of a hyphenated compound.
 */
export function forEachWord(text: string, visit: (word: string, joined: boolean) => void): void {
  const list = words(text);
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!;
    visit(word, isJoinedForm(list, i));
  }
}

/** Folded words of `text` without the joined forms of compounds: the running text. */
export function runningWords(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (word, joined) => {
    if (!joined) out.push(word);
  });
  return out;
}

/** True when list[i] is the concatenation of the two or more words right before it. */
function isJoinedForm(list: readonly string[], i: number): boolean {
  const word = list[i]!;
  if (i < 2 || word.length <= list[i - 1]!.length) return false;
  let joined = list[i - 1]!;
  for (let k = i - 2; k >= 0 && joined.length < word.length; k--) {
    joined = list[k]! + joined;
    if (joined === word) return true;
  }
  return false;
}
