import { parseArgs } from 'node:util';
import type { DiffPart, Story, StoryVersionSummary, StoryWireInfo, WireSignalName, WireStatus } from '../../shared/types';
import { numberArg, type CliCommand } from './command';

// `versions` and `diff`, and the agency lines `show` prints for a wire story, in Dutch
// or English: Dutch when KRONIEK_LANG (else LANG) starts with `nl`, English otherwise.

export type CliLocale = 'nl' | 'en';

export function cliLocale(env: NodeJS.ProcessEnv = process.env): CliLocale {
  return (env.KRONIEK_LANG ?? env.LANG ?? '').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

interface VersionWords {
  status: Record<WireStatus, string>;
  signal: Record<WireSignalName, string>;
  words: (count: number) => string;
  noVersions: string;
  version: string;
  versions: (shown: number, count: number) => string;
  corrected: string;
  embargo: (until: string) => string;
  withdrawn: string;
  edNote: string;
  rights: string;
  sources: string;
  firstCreated: string;
  newSinceOpened: string;
  nameOneStory: string;
  fromTo: string;
  noChange: string;
}

/** Exported for the wording test only. */
export const WORDS: Record<CliLocale, VersionWords> = {
  en: {
    status: { usable: 'usable', withheld: 'withheld', canceled: 'withdrawn' },
    signal: { update: 'update', correction: 'correction', kill: 'kill' },
    words: (count) => `${count} ${count === 1 ? 'word' : 'words'}`,
    noVersions: 'This story did not come from an agency feed: it has no versions.',
    version: 'Version',
    versions: (shown, count) => `Version ${shown} of ${count}`,
    corrected: 'corrected',
    embargo: (until) => `Embargo until ${until}`,
    withdrawn: 'Withdrawn by the agency',
    edNote: 'Note from the agency',
    rights: 'Rights',
    sources: 'Sources',
    firstCreated: 'First sent',
    newSinceOpened: 'new since you last opened it',
    nameOneStory: 'Name exactly one story id.',
    fromTo: 'Give the versions to compare with --from N --to M.',
    noChange: 'The two versions have the same text.',
  },
  nl: {
    status: { usable: 'bruikbaar', withheld: 'achtergehouden', canceled: 'ingetrokken' },
    signal: { update: 'update', correction: 'correctie', kill: 'ingetrokken' },
    words: (count) => `${count} ${count === 1 ? 'woord' : 'woorden'}`,
    noVersions: 'Dit bericht komt niet van een persbureau: het heeft geen versies.',
    version: 'Versie',
    versions: (shown, count) => `Versie ${shown} van ${count}`,
    corrected: 'gecorrigeerd',
    embargo: (until) => `Embargo tot ${until}`,
    withdrawn: 'Ingetrokken door het persbureau',
    edNote: 'Notitie van het persbureau',
    rights: 'Rechten',
    sources: 'Bronnen',
    firstCreated: 'Eerst verstuurd',
    newSinceOpened: 'nieuw sinds je het laatst opende',
    nameOneStory: 'Noem precies één bericht-id.',
    fromTo: 'Geef de te vergelijken versies met --from N --to M.',
    noChange: 'De twee versies hebben dezelfde tekst.',
  },
};

/** An instant in the editor's words: Amsterdam time, as Dutch editors read it. */
function when(iso: string | null, locale: CliLocale): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(time);
}

export function versionsText(versions: StoryVersionSummary[], locale: CliLocale = cliLocale()): string {
  const w = WORDS[locale];
  if (versions.length === 0) return w.noVersions;
  return versions
    .map((version) => {
      const notes = [version.status !== 'usable' ? w.status[version.status] : '', ...version.signals.map((signal) => w.signal[signal])].filter(Boolean);
      return `v${version.version}  ${when(version.versionCreated, locale).padEnd(20)}  ${w.words(version.words).padEnd(12)}  ${version.headline}${notes.length ? `  [${notes.join(', ')}]` : ''}`;
    })
    .join('\n');
}

/** The diff as text: removed words as [-…-], added ones as {+…+} (git's word-diff marks). */
export function diffText(parts: DiffPart[], locale: CliLocale = cliLocale()): string {
  if (!parts.some((part) => part.op !== 'same')) return WORDS[locale].noChange;
  return parts.map((part) => (part.op === 'same' ? part.text : part.op === 'added' ? `{+${part.text}+}` : `[-${part.text}-]`)).join('');
}

/** The agency lines `show` prints under a wire story's text. */
export function wireLines(story: Pick<Story, 'updatedSinceOpened'> & { wire: StoryWireInfo }, locale: CliLocale = cliLocale()): string[] {
  const w = WORDS[locale];
  const { wire } = story;
  const head = [w.versions(wire.version, wire.versionCount), when(wire.versionCreated, locale), w.status[wire.status]];
  if (wire.corrected) head.push(w.corrected);
  if (story.updatedSinceOpened) head.push(w.newSinceOpened);
  const lines = [head.join(' · ')];
  if (wire.status !== 'usable') lines.push(`${w.withdrawn}${wire.edNote ? `: ${wire.edNote}` : ''}`);
  else if (wire.edNote) lines.push(`${w.edNote}: ${wire.edNote}`);
  if (wire.embargoedUntil) lines.push(w.embargo(when(wire.embargoedUntil, locale)));
  lines.push(`${w.firstCreated}: ${when(wire.firstCreated, locale)}`);
  const rights = [wire.rights.copyrightNotice ?? wire.rights.copyrightHolder, wire.rights.usageTerms].filter(Boolean);
  if (rights.length) lines.push(`${w.rights}: ${rights.join(' — ')}`);
  if (wire.infoSources.length) lines.push(`${w.sources}: ${wire.infoSources.map((source) => source.name).join(', ')}`);
  return lines;
}

export const versionsCommand: CliCommand = {
  name: 'versions',
  usage: 'versions <id> [--json]',
  summary: 'List the agency versions of a story.',
  async run(args, { call, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new Error(WORDS[cliLocale()].nameOneStory);
    const versions = await call('story.versions', { id: positionals[0] });
    out.result(
      versions.map(({ version, versionCreated, status, signals, words }) => ({ version, versionCreated, status, signals, words })),
      () => versionsText(versions),
    );
    return 0;
  },
};

export const diffCommand: CliCommand = {
  name: 'diff',
  usage: 'diff <id> --from N --to M [--json]',
  summary: 'The words that changed between two versions of a story.',
  async run(args, { call, out }) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { from: { type: 'string' }, to: { type: 'string' } }, strict: true });
    if (positionals.length !== 1) throw new Error(WORDS[cliLocale()].nameOneStory);
    if (values.from === undefined || values.to === undefined) throw new Error(WORDS[cliLocale()].fromTo);
    const parts = await call('story.diff', { id: positionals[0], from: numberArg(values.from), to: numberArg(values.to) });
    out.result(parts, () => diffText(parts));
    return 0;
  },
};
