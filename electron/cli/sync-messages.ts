import type { SyncConflict, SyncReasonCode, SyncStatus } from '../../shared/contract/sync';
import type { CliLanguage } from './watch-messages';
import { oneLine } from './output';

// The words of `kroniek sync`, `sync-status`, `conflicts` and `resolve`, in Dutch and English
// (`--lang`, else the shell's LANG), from the core's states and reason codes.

/** Exported (with WORDS) for the wording test only. */
export const REASONS: Record<CliLanguage, Record<SyncReasonCode, string>> = {
  en: {
    'insecure-url': 'the address must be https:// (plain http:// only to this computer), without credentials',
    unauthorized: 'the server refused the user name or password',
    forbidden: 'this account may not use the desk database',
    unreachable: 'the server cannot be reached',
    'no-password': 'no password: set KRONIEK_SYNC_PASSWORD or KRONIEK_SYNC_PASSWORD_FILE (a file only you can read)',
    'not-connected': 'this library is not connected to a desk database',
    'server-error': 'the server answered with an error',
    'no-conflict': 'no such conflict',
  },
  nl: {
    'insecure-url': 'het adres moet https:// zijn (gewoon http:// alleen naar deze computer), zonder inloggegevens',
    unauthorized: 'de server weigerde de gebruikersnaam of het wachtwoord',
    forbidden: 'dit account mag de deskdatabase niet gebruiken',
    unreachable: 'de server is niet bereikbaar',
    'no-password': 'geen wachtwoord: zet KRONIEK_SYNC_PASSWORD of KRONIEK_SYNC_PASSWORD_FILE (een bestand dat alleen jij kunt lezen)',
    'not-connected': 'deze bibliotheek is niet met een deskdatabase verbonden',
    'server-error': 'de server antwoordde met een fout',
    'no-conflict': 'zo’n conflict is er niet',
  },
};

export const WORDS = {
  en: {
    off: 'not shared',
    synced: 'synced',
    syncing: (done: number, pending: number | null) => (pending === null ? `syncing (${done} done)` : `syncing ${done} of ${done + pending}`),
    offline: 'offline',
    error: 'error',
    lastSynced: (at: string) => `last synced ${at}`,
    pushRefused: (count: number) => `this account may only read: ${count} local change(s) stay on this computer`,
    refused: (count: number) => `${count} document(s) from the server refused as malformed`,
    conflicts: (count: number) => `${count} conflict(s) to resolve: kroniek conflicts`,
    from: (author: string, count: number) => `last from ${author}: ${count} change(s)`,
    noConflicts: 'No conflicts.',
    mine: 'mine',
    theirs: 'theirs',
    removed: '(removed)',
    resolved: (id: string) => `Resolved ${id}.`,
    stop: 'Syncing live; Ctrl+C stops.',
    notConnected: 'not connected (connect: kroniek sync --remote URL --user NAME)',
  },
  nl: {
    off: 'niet gedeeld',
    synced: 'gesynchroniseerd',
    syncing: (done: number, pending: number | null) => (pending === null ? `bezig (${done} klaar)` : `bezig: ${done} van ${done + pending}`),
    offline: 'offline',
    error: 'fout',
    lastSynced: (at: string) => `laatst gesynchroniseerd ${at}`,
    pushRefused: (count: number) => `dit account mag alleen lezen: ${count} lokale wijziging(en) blijven op deze computer`,
    refused: (count: number) => `${count} document(en) van de server geweigerd als ongeldig`,
    conflicts: (count: number) => `${count} conflict(en) op te lossen: kroniek conflicts`,
    from: (author: string, count: number) => `laatst van ${author}: ${count} wijziging(en)`,
    noConflicts: 'Geen conflicten.',
    mine: 'van mij',
    theirs: 'van een ander',
    removed: '(verwijderd)',
    resolved: (id: string) => `${id} opgelost.`,
    stop: 'Live synchroniseren; Ctrl+C stopt.',
    notConnected: 'niet verbonden (verbinden: kroniek sync --remote URL --user NAAM)',
  },
};

export function syncWords(language: CliLanguage) {
  return WORDS[language];
}

export function syncReasonText(reason: SyncReasonCode, language: CliLanguage): string {
  return REASONS[language][reason];
}

export function statusLines(status: SyncStatus, language: CliLanguage): string[] {
  const words = WORDS[language];
  const state =
    status.state === 'off' && status.remote
      ? words.notConnected
      : status.state === 'syncing' && status.progress ? words.syncing(status.progress.done, status.progress.pending) : status.state === 'syncing' ? words.syncing(0, null) : words[status.state];
  const lines = [status.remote ? `${state}: ${oneLine(status.remote)} (${oneLine(status.user ?? '')})` : state];
  if (status.reason && !(status.state === 'off' && status.reason === 'not-connected')) lines.push(`  ${REASONS[language][status.reason]}`);
  if (status.lastSyncedAt) lines.push(`  ${words.lastSynced(status.lastSyncedAt)}`);
  if (status.lastIncoming) lines.push(`  ${words.from(oneLine(status.lastIncoming.author), status.lastIncoming.count)}`);
  if (status.pushRefused) lines.push(`  ${words.pushRefused(status.unpushed)}`);
  if (status.refused.count) lines.push(`  ${words.refused(status.refused.count)}`);
  if (status.conflicts) lines.push(`  ${words.conflicts(status.conflicts)}`);
  return lines;
}

export function conflictLines(conflicts: SyncConflict[], language: CliLanguage): string[] {
  const words = WORDS[language];
  if (conflicts.length === 0) return [words.noConflicts];
  const lines: string[] = [];
  for (const conflict of conflicts) {
    lines.push(conflict.id);
    for (const version of conflict.versions) {
      const side = version.mine ? words.mine : words.theirs;
      const value = version.value === null ? words.removed : oneLine(JSON.stringify(version.value)).slice(0, 300);
      lines.push(`  ${version.rev}  ${side}  ${oneLine(version.author)}  ${version.at}  ${value}`);
    }
  }
  return lines;
}
