import type { Dossier, Link, Story, StorySummary, Tag } from '../../../shared/types';

// The input of every dossier renderer (PDF, HTML, Markdown, ninjs): everything
// read from the store once, so the renderers are pure functions of this value.

/** A linked story that is not in the dossier: shown by headline only. */
export type OutsideStory = Pick<StorySummary, 'id' | 'headline' | 'dateline' | 'publishedAt'>;

export type ExportLanguage = 'nl' | 'en';

export interface DossierDocument {
  /** Entries in dossier order; `entries[i].note` is the editor's note for `stories[i]`. */
  dossier: Dossier;
  /** Full stories in dossier order. */
  stories: Story[];
  /** Tags the stories reference (more is fine; unknown ids on a story are skipped). */
  tags: Tag[];
  /** Links with at least one end in the dossier. */
  links: Link[];
  /** The far ends of links that leave the dossier. */
  outsideStories: OutsideStory[];
  /** Story id → the name of the series it is in, for the stories in a named series (absent: none is named). */
  seriesNames?: Record<string, string>;
  /** ISO-8601 time of the export. */
  exportedAt: string;
  /** Language of the document's own labels ("Inhoud"/"Contents"); the stories keep theirs. */
  locale: ExportLanguage;
}
