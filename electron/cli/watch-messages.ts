import type { WatchLogEntry } from '../../shared/contract/watch';
import { oneLine, terminalText } from './output';

// `kroniek watch` prints one line per file, in Dutch or English (`--lang`, else the
// shell's LANG). Reasons are worded from the core's codes, as in the app.

export type CliLanguage = 'nl' | 'en';

/** Exported (with WORDS) for the wording test only. */
export const REASONS: Record<CliLanguage, Record<string, string>> = {
  en: {
    empty: 'the file is empty',
    binary: 'the file is not text',
    'no-headline': 'no headline was found',
    'too-large': 'the file is too large',
    'not-a-file': 'not a regular file',
    symlink: 'a symbolic link (not followed)',
    unreadable: 'the file could not be read',
    'not-found': 'the file disappeared',
  },
  nl: {
    empty: 'het bestand is leeg',
    binary: 'het bestand is geen tekst',
    'no-headline': 'geen kop gevonden',
    'too-large': 'het bestand is te groot',
    'not-a-file': 'geen gewoon bestand',
    symlink: 'een snelkoppeling (niet gevolgd)',
    unreadable: 'het bestand kon niet worden gelezen',
    'not-found': 'het bestand is verdwenen',
  },
};

export const WORDS = {
  en: {
    imported: 'imported',
    duplicate: 'already in library',
    rejected: 'not imported',
    'move-failed': 'imported, not moved',
    'folder-missing': 'folder missing',
    'folder-back': 'folder back',
    movedTo: 'moved to imported/',
    briefs: (n: number) => `${n} brief${n === 1 ? '' : 's'}`,
    watching: (folder: string) => `Watching ${folder}`,
    stop: 'Press Ctrl+C to stop.',
    stopped: 'Stopped watching.',
    stays: 'stays in the folder',
  },
  nl: {
    imported: 'ingelezen',
    duplicate: 'al in bibliotheek',
    rejected: 'niet ingelezen',
    'move-failed': 'ingelezen, niet verplaatst',
    'folder-missing': 'map ontbreekt',
    'folder-back': 'map is terug',
    movedTo: 'verplaatst naar imported/',
    briefs: (n: number) => (n === 1 ? '1 kort bericht' : `${n} korte berichten`),
    watching: (folder: string) => `Map ${folder} wordt bewaakt`,
    stop: 'Stop met Ctrl+C.',
    stopped: 'Bewaken gestopt.',
    stays: 'blijft in de map',
  },
} as const;

export function cliLanguage(given: string | undefined, env = process.env): CliLanguage {
  if (given === 'nl' || given === 'en') return given;
  if (given !== undefined) throw new Error(`--lang must be nl or en, not "${given}".`);
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function watchWords(language: CliLanguage) {
  return WORDS[language];
}

/** `10:42:03  ingelezen  kabinet.txt — Kabinet neemt besluit (a1b2…)`. */
export function watchLogLine(entry: WatchLogEntry, language: CliLanguage): string {
  const words = WORDS[language];
  const time = new Date(entry.at).toLocaleTimeString(language === 'nl' ? 'nl-NL' : 'en-GB', { hour12: false });
  const subject = oneLine(entry.file || entry.folder);
  const parts = [`${time}  ${words[entry.status]}  ${subject}`];
  if (entry.status === 'rejected') parts.push(`${REASONS[language][entry.code ?? ''] ?? entry.code ?? ''}; ${words.stays}`);
  else if (entry.status === 'move-failed') parts.push(entry.code ?? '');
  if (entry.headline) parts.push(`${oneLine(entry.headline)}${entry.storyId ? ` (${entry.storyId})` : ''}`);
  if (entry.briefs) parts.push(words.briefs(entry.briefs));
  if (entry.movedTo) parts.push(`${words.movedTo}${oneLine(entry.movedTo)}`);
  return terminalText(parts.filter(Boolean).join(' — '));
}
