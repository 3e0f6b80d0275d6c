import path from 'node:path';

// Export file names come from dossier titles the editor typed (and, through a
// save dialog, from whatever was typed there). They must be valid on Windows,
// macOS and Linux and must never name a place outside the chosen folder.

/** Characters at most, before the extension; well under every file system's 255-byte limit even for multi-byte letters. */
export const FILE_STEM_MAX = 120;

const FALLBACK_STEM = 'dossier';
/** Names Windows reserves in every folder, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A safe file name for `title` with extension `ext` (`pdf`, `.md`): letters with
 * diacritics are kept (NFC), path separators, characters Windows forbids and
 * control characters become spaces or dashes, trailing dots and spaces go,
 * reserved device names get an underscore, and the stem is capped.
 */
export function safeExportFileName(title: string, ext: string): string {
  const extension = ext
    .replace(/^\.+/, '')
    .replace(/[^0-9A-Za-z]/g, '')
    .toLowerCase()
    .slice(0, 10);
  let stem = title
    .normalize('NFC')
    // Control characters (C0, DEL, C1) and line/paragraph separators.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    // Bidirectional overrides could disguise the extension (`evil\u202Efdp.exe`).
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    // Path separators and what Windows forbids; `: ` reads as a dash in a title.
    .replace(/\s*:\s*/g, ' - ')
    .replace(/[/\\]/g, '-')
    .replace(/[<>"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  stem = capLength(stem, FILE_STEM_MAX)
    // Leading dots would hide the file (or make `..`); trailing dots and spaces Windows drops.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (!stem) stem = FALLBACK_STEM;
  // `CON`, `con.txt`, `Com1 .x` all open the device on Windows: break the device name itself.
  stem = stem.replace(/^([^.]*)/, (base) => (WINDOWS_RESERVED.test(base.trim()) ? `${base.trim()}_` : base));
  return extension ? `${stem}.${extension}` : stem;
}

/** At most `max` characters, never cutting a surrogate pair or a letter from its accents. */
function capLength(text: string, max: number): string {
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((part) => part.segment);
  let result = '';
  for (const grapheme of graphemes) {
    if (result.length + grapheme.length > max) break;
    result += grapheme;
  }
  return result;
}

export class UnsafeExportPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeExportPathError';
  }
}

/**
 * The absolute path of `fileName` inside `dir`, or an error when the name is
 * not a plain file name in that folder (`..`, a separator, an absolute path, a
 * drive letter, an empty name).
 */
export function resolveInside(dir: string, fileName: string): string {
  const folder = path.resolve(dir);
  // eslint-disable-next-line no-control-regex -- a NUL byte in a path is refused
  if (!fileName || fileName === '.' || fileName === '..' || /[/\\\u0000]/.test(fileName) || /^[A-Za-z]:/.test(fileName)) {
    throw new UnsafeExportPathError(`"${fileName}" is not a file name inside ${folder}.`);
  }
  const target = path.resolve(folder, fileName);
  const relative = path.relative(folder, target);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative) || path.dirname(target) !== folder) {
    throw new UnsafeExportPathError(`"${fileName}" would be written outside ${folder}.`);
  }
  return target;
}
