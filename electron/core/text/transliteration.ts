// A transliteration skeleton of a folded word: the usual Dutch, English and German spellings
// of Cyrillic letters folded onto one (`zelensky`, `zelenski`, `zelenskyj` → `zelenski`;
// `vostotsjny`, `vostochny` → `vostocni`), then runs of one letter collapsed. Only ever
// compared among names, never used to match ordinary words (search/expand.ts).
//
// The rules are applied in this order, each over the whole word, left to right:
//   shch|sjtsj → sc, tsj|tch|ch → c, sh|sj → s, zh|zj → z, kh → h, oe → u, w → v, y|j → i,
//   and a run of one letter → that letter.
// Every word of the search vocabulary gets its skeleton when it joins, so each rule first
// checks (natively, cheaply) whether its letters occur at all: most words skip most rules.

/** The rules that need an h or a j in the word (shch, sjtsj, tsj, tch, ch, sh, sj, zh, zj). */
const H_OR_J_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/shch|sjtsj/g, 'sc'],
  [/tsj|tch|ch/g, 'c'],
  [/sh|sj/g, 's'],
  [/zh|zj/g, 'z'],
];

/** The other rules, each with the letters it needs. */
const OTHER_RULES: ReadonlyArray<readonly [trigger: string, pattern: RegExp, replacement: string]> = [
  ['kh', /kh/g, 'h'],
  ['oe', /oe/g, 'u'],
  ['w', /w/g, 'v'],
  ['y', /[yj]/g, 'i'],
  ['j', /[yj]/g, 'i'],
];

/** The skeleton of a word that is already folded (text/dutch.ts `fold`). */
export function nameSkeleton(folded: string): string {
  let s = folded;
  if (s.indexOf('h') >= 0 || s.indexOf('j') >= 0) for (const [pattern, replacement] of H_OR_J_RULES) s = s.replace(pattern, replacement);
  for (const [trigger, pattern, replacement] of OTHER_RULES) if (s.indexOf(trigger) >= 0) s = s.replace(pattern, replacement);
  return collapseRuns(s);
}

/** `s` with every run of one character (`ll`, `iii`) cut to a single one. */
function collapseRuns(s: string): string {
  let run = -1;
  for (let i = 1; i < s.length; i++) {
    if (s.charCodeAt(i) === s.charCodeAt(i - 1)) {
      run = i;
      break;
    }
  }
  if (run < 0) return s;
  let out = s.slice(0, run);
  for (let i = run; i < s.length; i++) if (s.charCodeAt(i) !== s.charCodeAt(i - 1)) out += s[i];
  return out;
}

/** A 32-bit hash (FNV-1a over UTF-16 code units) of a skeleton: compared first, the skeleton only on a hit. */
export function skeletonHash(skeleton: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < skeleton.length; i++) {
    h ^= skeleton.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
