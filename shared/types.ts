import type { NoticeMessage } from './messages';

// Domain types shared by the core, the transports and the renderer.
// Plain data only: everything here must survive JSON (IPC and HTTP carry it).

export type StoryKind = 'article' | 'brief';

export interface Dateline {
  /** As printed, e.g. `PYONGYANG`, `GENÈVE`, `GAZA-STAD`. Empty when the story has none. */
  place: string;
  /** Credited agencies in order, e.g. `['ANP', 'RTR']`. */
  agencies: string[];
}

export type BodyBlockType = 'paragraph' | 'heading';

export interface BodyBlock {
  type: BodyBlockType;
  text: string;
}

export interface SourceInfo {
  /** File name as the editor picked it; for files found in a picked folder, the path relative to that folder. */
  fileName: string;
  /** sha256 (hex) of the raw file bytes. */
  sha256: string;
  /** ISO-8601 timestamp of the import. */
  importedAt: string;
}

/** What the list needs: small, loaded at start for every story. */
export interface StorySummary {
  id: string;
  kind: StoryKind;
  /** For a brief: its first sentence. */
  headline: string;
  dateline: Dateline;
  /** `Buitenland` from `Meer uit Buitenland`; null when unknown. */
  section: string | null;
  /** Editor-set date of the event/publication, `YYYY-MM-DD`; null when unknown. */
  publishedAt: string | null;
  importedAt: string;
  /** For briefs: the age label captured with the page, e.g. `1 uur geleden`. */
  ageLabel: string | null;
  /** For briefs: id of the article whose page they were captured with. */
  pageId: string | null;
  tagIds: string[];
  linkCount: number;
  /** For a story that came from an agency feed: its versions, status, embargo and rights. */
  wire?: StoryWireInfo;
  /** A wire story with a version newer than the one the editor last opened (see `library.markOpened`). */
  updatedSinceOpened?: boolean;
  /** True when `publishedAt` is an estimate (a brief's age label and capture time) the editor has not confirmed. */
  publishedAtEstimated?: boolean;
}

/** One whole story as the reader shows it. */
export interface Story extends StorySummary {
  body: BodyBlock[];
  source: SourceInfo;
  /** Parser warnings kept with the story (partial parses are never silent). */
  warnings: string[];
  /** Free-text editor note. */
  note: string;
  /** Set when the story's text could not be read from its content file: `body` is then empty because it is lost, not because the story has none. */
  textDamaged?: DamagedStoryText;
}

export type ImportStatus = 'imported' | 'duplicate' | 'rejected';

export interface ImportFileResult {
  /** File name (or path relative to the chosen folder). */
  fileName: string;
  status: ImportStatus;
  /** Human-readable reason for `rejected`, or what was a duplicate of what. */
  reason?: string;
  /** Machine code for `rejected`, e.g. `empty`, `binary`, `too-large`, `no-headline`, `not-a-file`. */
  code?: string;
  warnings: string[];
  /** Id of the article (or of the existing duplicate). */
  articleId?: string;
  headline?: string;
  briefs: { imported: number; duplicate: number };
  /** For an agency file: what became of each of its items (codes, worded by the renderer and CLI). */
  versions?: WireImportOutcome[];
}

export interface ImportReport {
  files: ImportFileResult[];
  totals: {
    files: number;
    imported: number;
    duplicate: number;
    rejected: number;
    briefsImported: number;
    briefsDuplicate: number;
    /** Agency items that were new stories, and new versions of stories already stored. */
    wireStories?: number;
    wireVersions?: number;
  };
}

export interface Tag {
  id: string;
  name: string;
  /** CSS colour `#rrggbb`, or null for none. */
  color: string | null;
  parentId: string | null;
  /** IPTC Media Topic code such as `medtop:20000638`, or null. */
  mediaTopic: string | null;
}

export type LinkType = 'series' | 'follow-up' | 'background' | 'same-event' | 'related';

export interface Link {
  id: string;
  /** For directed types (`follow-up`, `background`) `from` is the earlier/base story: `to` follows up on / is background to… see LINK_TYPES. */
  from: string;
  to: string;
  type: LinkType;
  note: string;
  createdAt: string;
}

export interface DossierEntry {
  storyId: string;
  note: string;
  /** An agency story's version the dossier keeps (shown and exported), as the editor chose; absent: the newest. */
  version?: number;
}

export interface Dossier {
  id: string;
  title: string;
  subtitle: string;
  intro: string;
  entries: DossierEntry[];
  createdAt: string;
  updatedAt: string;
  /** What happened to the dossier that must stay on record (an export past an embargo). */
  history?: DossierHistoryEntry[];
  /** The chronology lines the editor decided on (the draft itself is worked out when asked for). */
  chronology?: ChronologyLine[];
  /** Quotes the editor added to the dossier, in the order added (shown attributed in its exports). */
  quotes?: DossierQuote[];
}

/** An export made before a story's embargo had passed, because the editor said so. */
export interface DossierHistoryEntry {
  code: 'export.embargoOverride';
  at: string;
  format: ExportFormat;
  storyIds: string[];
}

export type ExportFormat = 'pdf' | 'html' | 'md' | 'ninjs';

/**
 * A notice is data: a code with its parameters (`{code: 'seeded', stories: 12, briefs: 3}`),
 * worded by the renderer and the CLI.
 */
export type LibraryNotice = NoticeMessage & {
  /**
   * English text that libraries seeded before notices were data keep in library.json, and that
   * the seeded notice still writes there for older Kroniek versions, whose file check requires it.
   * Never shown or parsed.
   */
  message?: string;
};

export interface LibraryStatus {
  dataDir: string;
  schemaVersion: number;
  counts: { articles: number; briefs: number; tags: number; links: number; dossiers: number };
  readOnly: boolean;
  /** Things the editor should be told once, e.g. that the sample library was imported on first run. */
  notices: LibraryNotice[];
  /** Search index state; `ready` false while it is being built at start. */
  index: { ready: boolean; indexed: number; total: number };
  /** Stories whose content files could not be read (absent when none were found). */
  damaged?: DamagedContent;
}

// ---- agency (wire) stories ------------------------------------------------

/** IPTC pubStatus, folded: a `canceled` or `withheld` story is withdrawn by the agency. */
export type WireStatus = 'usable' | 'withheld' | 'canceled';

/** What a version says about itself. */
export type WireSignalName = 'update' | 'correction' | 'kill';

export interface WireRightsInfo {
  copyrightHolder: string | null;
  copyrightNotice: string | null;
  usageTerms: string | null;
  /** A link to a machine-readable rights statement, when the feed gives one. */
  linkedRights?: string | null;
}

export interface WireSourceInfo {
  name: string;
  role: string | null;
  uri: string | null;
}

/** A wire story's agency facts, as of the version shown. */
export interface StoryWireInfo {
  guid: string;
  /** The version shown (the newest, unless an older one was asked for). */
  version: number;
  /** The newest version stored. */
  latestVersion: number;
  versionCount: number;
  status: WireStatus;
  /** Some stored version is signalled as a correction. */
  corrected: boolean;
  /** ISO-8601 instant; null when not embargoed. */
  embargoedUntil: string | null;
  edNote: string | null;
  rights: WireRightsInfo;
  infoSources: WireSourceInfo[];
  firstCreated: string | null;
  versionCreated: string | null;
  byline: string | null;
  subheadline: string | null;
  language: string | null;
}

/** One stored version of a wire story, for the version rail. */
export interface StoryVersionSummary {
  version: number;
  versionCreated: string | null;
  status: WireStatus;
  signals: WireSignalName[];
  words: number;
  headline: string;
  importedAt: string;
}

export type DiffOp = 'same' | 'added' | 'removed';

/** A word-level difference between two versions: runs of words (with their spacing) in reading order. */
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/**
 * What became of one agency item at import: `story` a new story, `version` a newer version
 * that is now shown, `older` an older version stored in its place (the newer text stays),
 * `duplicate` a version already stored.
 */
export interface WireImportOutcome {
  guid: string;
  storyId: string;
  version: number;
  outcome: 'story' | 'version' | 'older' | 'duplicate';
}

// ---- "looks like an update of …" (page text) ---------------------------------

/**
 * A page-text story that looks like an update of a stored one (same dateline place, a
 * near-identical headline or lead, captured within 48 hours): proposed at import, decided
 * by the editor. `accepted`: its text became the stored story's next version; `declined`:
 * kept as a story of its own, and never proposed again.
 */
export type UpdateProposalStatus = 'open' | 'accepted' | 'declined';

export interface UpdateProposal {
  id: string;
  /** The stored story it looks like an update of. */
  storyId: string;
  /** The newly imported page-text story. */
  candidateId: string;
  status: UpdateProposalStatus;
  /** Token-set similarity (0..1) of the headlines and of the leads, as matched. */
  headlineSimilarity: number;
  leadSimilarity: number;
  proposedAt: string;
  decidedAt?: string;
}

/** A proposal with what the reader and the CLI show of its two stories. */
export interface UpdateProposalView extends UpdateProposal {
  storyHeadline: string;
  candidateHeadline: string;
}

// ---- damaged content ------------------------------------------------------

/**
 * Why a content file, or one story's entry in it, could not be read: the file is missing,
 * empty, not a regular file (a folder, a FIFO), larger than any file Kroniek writes,
 * unreadable (permissions, I/O), not JSON, of the wrong shape; or the file is fine but the
 * story's own entry is missing or damaged.
 */
export type SegmentFileProblem = 'missing' | 'empty' | 'not-a-file' | 'too-large' | 'unreadable' | 'not-json' | 'wrong-shape' | 'entry-missing' | 'entry-damaged';

/** One story's text that could not be read: which file (relative to the library folder) and why. */
export interface DamagedStoryText {
  file: string;
  problem: SegmentFileProblem;
}

/** One damaged content file and how many stories it costs (their heads or their text). */
export interface DamagedFile extends DamagedStoryText {
  stories: number;
}

/** What the library knows to be damaged: never shown as empty, never left out silently. */
export interface DamagedContent {
  /** Stories whose text or head could not be read. */
  stories: number;
  /** Their ids where known (a lost heads file loses its ids), at most 1,000. */
  storyIds: string[];
  files: DamagedFile[];
}

/** A period a chronology line is dated by: its granularity and first day (`YYYY-MM-DD`; a week starts on Monday). */
export interface ChronologyDate {
  granularity: 'day' | 'week' | 'month' | 'year';
  date: string;
}

/** Where a chronology line comes from: a sentence of a story (paragraph index and character offsets in it). */
export interface ChronologySource {
  storyId: string;
  paragraph: number;
  start: number;
  end: number;
  /** The sentence as it stood when the line was drafted. */
  sentence: string;
}

/**
 * A line of a dossier's chronology the editor decided on. Drafted lines are not stored until
 * the editor approves, rejects, edits or merges them; a stored line keeps its key, so
 * re-drafting after new stories keeps every decision.
 */
export interface ChronologyLine {
  key: string;
  date: ChronologyDate;
  /** The source sentence, or the editor's own wording (`edited`). */
  summary: string;
  sources: ChronologySource[];
  /** `merged`: taken into another line (kept so the draft does not bring it back). */
  status: 'approved' | 'rejected' | 'merged';
  edited?: boolean;
  confidence: number;
}

/** Who speaks: a person, an organisation, or a country (its government) — never an adjective or a bare place. */
export type QuoteSpeakerKind = 'person' | 'organisation' | 'country';

/**
 * A quote the editor added to a dossier: a copy of what the quote index found (so the
 * exports need no index), with the sentence it stands in. `key` is `storyId:paragraph:start`.
 */
export interface DossierQuote {
  key: string;
  kind: 'direct' | 'indirect';
  text: string;
  /** The speaker's entity key and display name (and its kind when not a person, as the quote index has it); null when unattributed. */
  speaker: { key: string; name: string; kind?: QuoteSpeakerKind } | null;
  /** The speaker as written ("hij", "de minister"); null when the text names none. */
  speakerText: string | null;
  attribution: 'named' | 'role' | 'pronoun' | 'continued' | 'unresolved';
  storyId: string;
  /** The story's headline when the quote was added. */
  headline: string;
  /** The story's date when the quote was added (`YYYY-MM-DD…`), null when unknown. */
  date: string | null;
  paragraph: number;
  start: number;
  end: number;
  addedAt: string;
}
