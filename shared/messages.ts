/**
 * Messages as data. The core never words what happened: it answers with a code and
 * the parameters a sentence needs (`{code: 'tag.apply', count: 3}`), and only the
 * renderer, the CLI and exports turn that into Dutch or English, each from its own
 * typed dictionary. Changing a wording therefore never breaks a translation.
 *
 * A family of messages is an interface from code to parameters; `MessageOf` makes the
 * union the contract carries. The discriminating key is `code` by default; a family
 * may use another one (e.g. `MessageOf<ReasonParams, 'kind'>` for `{kind: 'daysApart', days: 18}`).
 */
import type { SyncReasonCode } from './contract/sync';

export type MessageOf<Params, Key extends string = 'code'> = {
  [Code in keyof Params & string]: { [K in Key]: Code } & Params[Code];
}[keyof Params & string];

/** A message that needs no parameters. */
export type NoParams = object;
/** How many stories (or items) an edit touched; dictionaries choose the plural form from it. */
export interface Count {
  count: number;
}

/** What an undoable edit did, as named on the Undo/Redo buttons (`Undo Tag 3 stories`). */
export interface HistoryParams {
  'tag.create': NoParams;
  /** Several of name, colour, parent and media topic at once. */
  'tag.edit': NoParams;
  'tag.rename': NoParams;
  'tag.setColor': NoParams;
  'tag.move': NoParams;
  'tag.setMediaTopic': NoParams;
  'tag.merge': NoParams;
  'tag.delete': NoParams;
  /** Tags added to `count` stories. */
  'tag.apply': Count;
  /** Tags removed from `count` stories. */
  'tag.unapply': Count;
  /** Tags added and removed on `count` stories. */
  'tag.editStories': Count;
  'tag.dismissSuggestion': NoParams;
  /** One story linked to `count` others. */
  'link.create': Count;
  /** Several of type, note and direction at once. */
  'link.edit': NoParams;
  'link.setType': NoParams;
  'link.setNote': NoParams;
  'link.reverse': NoParams;
  'link.remove': NoParams;
  /** Every link between two stories removed. */
  'link.unlink': NoParams;
  'related.dismiss': NoParams;
  /** A series named, renamed or its name cleared. */
  'series.rename': NoParams;
  'story.setNote': NoParams;
  'story.setDate': NoParams;
  /** One date given to `count` stories at once. */
  'story.setDates': Count;
  'story.delete': Count;
  'dossier.create': NoParams;
  'dossier.rename': NoParams;
  'dossier.edit': NoParams;
  'dossier.addStories': Count;
  'dossier.removeStory': NoParams;
  'dossier.reorder': NoParams;
  'dossier.setNote': NoParams;
  /** An entry's story version chosen (or set back to the newest). */
  'dossier.pinVersion': NoParams;
  'dossier.delete': NoParams;
  'search.save': NoParams;
  'search.rename': NoParams;
  'search.delete': NoParams;
  /** An import that added (or brought back from the Trash) `count` stories. */
  import: Count;
  /** `count` stories taken out of the Trash. */
  'trash.restore': Count;
  /** A page-text story merged into a stored one as its next version. */
  'proposal.accept': NoParams;
  /** A "looks like an update of" proposal declined. */
  'proposal.decline': NoParams;
  /** Chronology lines approved, rejected or set back to draft. */
  'chronology.review': Count;
  'chronology.edit': NoParams;
  /** `count` lines merged into one. */
  'chronology.merge': Count;
  'chronology.split': NoParams;
  /** A quote added to a dossier. */
  'quote.addToDossier': NoParams;
  /** A quote taken out of a dossier. */
  'quote.removeFromDossier': NoParams;
  /** Notes of `count` stories edited (a colleague's, listed in the recent changes). */
  'story.setNotes': Count;
}
export type HistoryLabel = MessageOf<HistoryParams>;
export type HistoryCode = HistoryLabel['code'];

/** Things the library tells the editor once, after opening it. */
export interface NoticeParams {
  /** An empty library got the sample stories. */
  seeded: { stories: number; briefs: number };
  /** The library file was damaged and the newest valid backup (made at `backupCreatedAt`, ISO) was restored. */
  recovered: { backupCreatedAt: string; keptAs: string };
  /** The library file is damaged and no backup validated: opened read-only. */
  'read-only': { keptAs: string; /** What the file check found, in English (for logs). */ damage: string };
  /** Some content segments could not be read; their stories are not shown. */
  'content-damaged': { segments: string[] };
  /** The library file was upgraded from an older schema version; the old file was kept. */
  migrated: { fromVersion: number; keptAs: string };
  /**
   * The library file library.json is missing (or not a file: `damage`, in English, for logs)
   * although the folder holds stories or backups: the backup made at `backupCreatedAt` was
   * restored, or, when null, no backup was valid and the library opened read-only.
   */
  'meta-missing': { backupCreatedAt: string | null; damage: string };
  /**
   * library.json holds values longer than the API takes (written by hand or by another
   * program): kept as they are on disk, shown and indexed only up to the limit, counted per kind.
   */
  oversized: { fields: { field: StoredValueKind; count: number }[] };
  /**
   * The library's edit log (the edits since library.json was last written whole) was damaged,
   * or belongs to another library.json: `lost` edits could not be applied; the log was kept as `keptAs`.
   */
  'edits-damaged': { lost: number; keptAs: string };
}
/** Kinds of stored values with a length limit: a story's note, a tag name, a link's note, a dossier's texts, a saved search's name, a series name. */
export type StoredValueKind = 'note' | 'tag' | 'link.note' | 'dossier.text' | 'search' | 'seriesName';
export type NoticeMessage = MessageOf<NoticeParams>;
export type NoticeCode = NoticeMessage['code'];

/**
 * Why a call failed, where the UI can say more than the error code: an optional
 * `reason` on a ServiceError next to its stable `code` and its English `message`
 * (which stays the log text and the fallback for errors without a reason).
 */
export interface ErrorReasonParams {
  /** The library is open read-only (damaged file without a backup). */
  'library.readOnly': NoParams;
  /** A library folder or archive written by a newer Kroniek: its schema version `found`, above the `supported` one this version reads. */
  'library.newer': { what: 'library' | 'archive'; found: number; supported: number };
  /**
   * A library archive that cannot be imported (`name`: its file's name, when known): it could not
   * be read, is not complete JSON, is not in an archive's form, or its metadata is damaged.
   */
  'archive.unreadable': { name: string | null; problem: 'read' | 'json' | 'shape' | 'metadata' };
  /** The backup `name` is missing or damaged: another one must be picked. */
  'backup.unusable': { name: string };
  /**
   * Nothing was linked: every requested link was a story and itself (`self`), already there
   * (`linked`), there with another relation (`linkedOtherwise`: change that one instead), or a
   * mix of these (`several`).
   */
  'link.nothing': { why: 'self' | 'linked' | 'linkedOtherwise' | 'several' };
  /**
   * A file could not be written at `path`: it is a folder, it exists (a new file only), its
   * folder is not there (or could not be made), Kroniek may not write there, the disk is full,
   * or the system refused for another reason (`errno`: the system's error code, e.g. EIO).
   */
  'file.cannotWrite': { path: string; why: 'isFolder' | 'exists' | 'noFolder' | 'forbidden' | 'diskFull' | 'other'; errno: string | null };
  /** PDF export needs Chromium, Chrome or Edge: none found, or none at the path configured (`configured`, set with `KRONIEK_CHROMIUM`). */
  'export.noChromium': { configured: string | null };
  /** Another saved search is called `name` (names compare without case and diacritics). */
  'search.nameTaken': { name: string };
  /** A dossier's title cannot be empty. */
  'dossier.noTitle': NoParams;
  /** An update proposal cannot be accepted: the new story was worked on (tagged, dated, noted, linked, in a dossier) since. */
  'proposal.touched': NoParams;
  /** An update proposal was decided already (`status`: accepted or declined, here or by a colleague), or one of its stories is gone (`gone`). */
  'proposal.closed': { status: 'accepted' | 'declined' | 'gone' };
  /** A dossier's new order does not list exactly its stories (it changed since it was shown): reload it. */
  'dossier.orderStale': NoParams;
  /** A tag name that cannot be one: empty, with control characters, or longer than `max` characters. */
  'tag.badName': { problem: 'empty' | 'control' | 'tooLong'; max: number };
  /** Another tag is called `name` (names compare without case and diacritics); `renaming`: the tag being renamed (merging combines two tags), null when creating. */
  'tag.nameTaken': { name: string; renaming: string | null };
  /** A tag cannot go under itself or one of its own sub-tags (`parent`). */
  'tag.underItself': { parent: string };
  /** Not an IPTC Media Topic code (`given`; the form is medtop:20000638). */
  'tag.badMediaTopic': { given: string };
  /** Undo/redo refused: a later edit changed the same part of the library. */
  'history.changedSince': { direction: 'undo' | 'redo'; label: HistoryLabel };
  /** `count` of the chosen stories are no longer in the library (deleted meanwhile). */
  'stories.missing': Count;
  /** The dossier holds `count` stories the agency withdrew: the export needs `withdrawn: 'exclude' | 'include'`. */
  'export.withdrawn': Count;
  /** `count` stories are under embargo until `until` (the latest, ISO-8601): the export needs `overrideEmbargo`. */
  'export.embargoed': { count: number; until: string };
  /** Undoing an import refused: `count` of the `stories` it added were worked on since. */
  'import.touched': Count & { stories: number };
  /** A folder to watch was not given as an absolute path. */
  'watch.notAbsolute': { path: string };
  /** Nothing, or a file, at the folder to watch. */
  'watch.notAFolder': { path: string; found: 'missing' | 'file' };
  /**
   * A PDF export went over a limit: `pages` printed pages, `time` milliseconds for the whole
   * export, or `size` characters of text (refused before printing). `found` is what was measured.
   */
  'export.pdfLimit': { limit: 'pages' | 'time' | 'size'; max: number; found: number | null };
  /** The PDF export was cancelled (the editor pressed Cancel). */
  'export.cancelled': NoParams;
  /** The renderer's transport could not reach the service (the host stopped, the connection dropped): given by the client, never by the core. */
  'service.unreachable': NoParams;
  /** The team library refused or stopped (see shared/contract/sync.ts). */
  'sync.refused': { why: SyncReasonCode };
  /** The text of `count` stories cannot be read (damaged content files): an export or archive would be incomplete; it needs `allowIncomplete`. */
  'export.incomplete': Count;
}
export type ErrorReason = MessageOf<ErrorReasonParams>;
export type ErrorReasonCode = ErrorReason['code'];

/**
 * Every reason code the wire parsers give for a file they refuse or warn about (the core's
 * `WireProblem['code']`; a test keeps the two the same), worded by the renderer and the CLI.
 */
export const WIRE_REASON_CODES = [
  'wire.invalidJson',
  'wire.invalidXml',
  'wire.doctypeRefused',
  'wire.schema',
  'wire.unknownNinjsVersion',
  'wire.noGuid',
  'wire.noText',
  'wire.notTextItem',
  'wire.encoding',
  'wire.unknownFormat',
] as const;
export type WireReasonCode = (typeof WIRE_REASON_CODES)[number];

export const isWireReason = (code: string | undefined): code is WireReasonCode => (WIRE_REASON_CODES as readonly (string | undefined)[]).includes(code);
