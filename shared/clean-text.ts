// One place for what a name or a line of untrusted text may hold. Every entry point
// (the contract's schemas, import, archive merge, sync) cleans with these, so a name
// that one entry point refuses is never accepted through another.
//
// Control characters (C0, DEL, C1) in a name end up in terminals (raw escape
// sequences), file names and exports; a name made only of invisible characters
// (zero-width space, word joiner, Hangul filler, …) looks empty and cannot be told
// apart from another; and the bidi embedding, override and isolate controls
// (U+202A–U+202E, U+2066–U+2069) make text display in another order than it is
// stored ("cod.exe" shown as "exe.doc"), so they are stripped.

/** Bidi embeddings, overrides and isolates: LRE RLE PDF LRO RLO, LRI RLI FSI PDI. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0 and C1 control characters and DEL. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** Control characters except the line breaks and tab a note may hold. */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/**
 * What shows nothing on its own: whitespace, format characters (zero-width space and
 * joiners, bidi marks, soft hyphen, …), default-ignorable code points (Hangul fillers,
 * variation selectors), combining marks with nothing to combine with, and the braille blank.
 */
const INVISIBLE = /[\s\p{Cf}\p{Default_Ignorable_Code_Point}\p{M}\u2800\u3164\uFFA0]/gu;

export type NameProblem = 'empty' | 'control' | 'invisible' | 'too-long';

export type CleanNameResult = { ok: true; value: string } | { ok: false; problem: NameProblem };

/** Strips bidi controls. */
export function stripBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** True when the text shows nothing at all (empty, spaces, or only invisible characters). */
export function isInvisible(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/**
 * A name (tag, dossier, saved search, …) as it is stored: bidi controls stripped,
 * trimmed; refused when it holds a control character, shows nothing, or is longer
 * than `maxLength` after cleaning.
 */
export function cleanName(raw: string, maxLength = 200): CleanNameResult {
  if (CONTROL.test(raw)) return { ok: false, problem: 'control' };
  const value = stripBidi(raw).trim();
  if (value === '') return { ok: false, problem: 'empty' };
  if (isInvisible(value)) return { ok: false, problem: 'invisible' };
  if (value.length > maxLength) return { ok: false, problem: 'too-long' };
  return { ok: true, value };
}

/** True when a multi-line text (a note, an intro) holds a control character other than line breaks and tabs. */
export function hasControlInText(text: string): boolean {
  return CONTROL_IN_TEXT.test(text);
}

/**
 * One line of untrusted imported text (a headline, a place, a section, a file name
 * shown as a source): control characters and line breaks become spaces, bidi controls
 * are stripped, runs of spaces become one. Never refuses: imported text is kept, made safe.
 */
export function cleanLine(raw: string): string {
  return stripBidi(raw)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** A dateline as stored: place and agencies as single clean lines (see `cleanLine`). */
export function cleanDateline(dateline: { place: string; agencies: string[] }): { place: string; agencies: string[] } {
  return { place: cleanLine(dateline.place), agencies: dateline.agencies.map(cleanLine).filter((agency) => agency !== '') };
}

export const NAME_PROBLEM_TEXT: Record<NameProblem, string> = {
  empty: 'is empty',
  control: 'holds a control character',
  invisible: 'holds only invisible characters',
  'too-long': 'is too long',
};
