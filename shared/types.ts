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
}

export interface Dossier {
  id: string;
  title: string;
  subtitle: string;
  intro: string;
  entries: DossierEntry[];
  createdAt: string;
  updatedAt: string;
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
}
