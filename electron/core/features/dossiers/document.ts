import type { ExportLocale } from '../../../../shared/contract/dossiers';
import type { Dossier, Link, Story, Tag } from '../../../../shared/types';
import type { DossierDocument } from '../../export/model';
import type { LibraryStore } from '../../store/library-store';
import { seriesView } from '../links/views';

export interface BuiltDocument {
  doc: DossierDocument;
  /** Entries left out because their story is no longer in the library, in dossier order. */
  missing: string[];
}

/**
 * Everything an export renderer needs, read from the store once: the stories
 * in dossier order with their bodies, the tags on them (with their parents, for
 * hierarchy), the links touching them, and the far ends of links that leave the
 * dossier. Entries whose story was deleted are left out of the document (the
 * dossier itself keeps them) and reported so the caller can say so.
 */
export async function buildDossierDocument(
  store: LibraryStore,
  dossier: Dossier,
  options: { locale?: ExportLocale; now?: Date } = {},
): Promise<BuiltDocument> {
  const stories: Story[] = [];
  const missing: string[] = [];
  for (const entry of dossier.entries) {
    // The version the dossier keeps, else the newest (a kept version no longer stored: the newest).
    const story = (entry.version ? await store.storyAtVersion(entry.storyId, entry.version) : undefined) ?? (await store.story(entry.storyId));
    if (story) stories.push(story);
    else missing.push(entry.storyId);
  }
  const inDossier = new Set(stories.map((story) => story.id));
  const presentEntries = missing.length ? dossier.entries.filter((entry) => inDossier.has(entry.storyId)) : dossier.entries;

  const links = linksTouching(store, inDossier);
  const outsideIds = new Set<string>();
  for (const link of links) {
    if (!inDossier.has(link.from)) outsideIds.add(link.from);
    if (!inDossier.has(link.to)) outsideIds.add(link.to);
  }
  const outsideStories = [...outsideIds].map((id) => {
    const summary = store.summary(id)!;
    return { id, headline: summary.headline, dateline: summary.dateline, publishedAt: summary.publishedAt };
  });

  return {
    doc: {
      dossier: { ...dossier, entries: presentEntries },
      stories,
      tags: tagsOf(store.meta.tags, stories),
      links,
      outsideStories,
      ...seriesNamesOf(store, stories),
      exportedAt: (options.now ?? new Date()).toISOString(),
      locale: options.locale ?? 'nl',
    },
    missing,
  };
}

/** Links with at least one end in the dossier and both ends still in the library. */
function linksTouching(store: LibraryStore, inDossier: Set<string>): Link[] {
  return store.meta.links.filter(
    (link) => (inDossier.has(link.from) || inDossier.has(link.to)) && store.head(link.from) !== undefined && store.head(link.to) !== undefined,
  );
}

/** Tags used by the stories plus every ancestor, in library order. */
function tagsOf(allTags: Tag[], stories: Story[]): Tag[] {
  const byId = new Map(allTags.map((tag) => [tag.id, tag]));
  const wanted = new Set<string>();
  for (const story of stories) {
    for (const tagId of story.tagIds) {
      // Walk up the hierarchy; the seen-check also stops a (damaged) cycle.
      for (let tag = byId.get(tagId); tag && !wanted.has(tag.id); tag = tag.parentId ? byId.get(tag.parentId) : undefined) {
        wanted.add(tag.id);
      }
    }
  }
  return allTags.filter((tag) => wanted.has(tag.id));
}

/** The names of the series the stories are in (those in a named series only); nothing when no series is named. */
function seriesNamesOf(store: LibraryStore, stories: Story[]): { seriesNames?: Record<string, string> } {
  const names = store.meta.seriesNames;
  if (!names || Object.keys(names).length === 0) return {};
  const out: Record<string, string> = {};
  const done = new Set<string>();
  for (const story of stories) {
    if (done.has(story.id)) continue;
    const view = seriesView(store, story.id);
    for (const entry of view.entries) done.add(entry.story.id);
    if (!view.name) continue;
    for (const entry of view.entries) out[entry.story.id] = view.name;
  }
  return Object.keys(out).length ? { seriesNames: out } : {};
}
