import { changedIds, MAX_CHANGED_IDS, type ChangeSet } from '../../../shared/contract/changes';
import type { MetaDoc, StoryEdit } from './meta';
import { StoryMap } from './story-map';
import { changedRecordKeys, own } from './records';

/**
 * What a commit changed, from the metadata document before and after it. Edits are
 * immutable updates, so a part that was not touched is the same object and costs one
 * comparison; a touched part is compared entry by entry (by reference, then by id).
 * `addedStories` are the stories a commit wrote into new content segments.
 */
export function changesBetween(before: MetaDoc, after: MetaDoc, addedStories: readonly string[] = []): ChangeSet {
  const changes: ChangeSet = {};
  const set = <K extends keyof ChangeSet>(key: K, value: ChangeSet[K] | undefined) => {
    if (value !== undefined) changes[key] = value;
  };

  const storyIds = new Set(addedStories);
  if (before.deleted !== after.deleted) for (const id of symmetricDifference(before.deleted, after.deleted)) storyIds.add(id);
  // Opening a story changes its "new since you last opened it" mark in the list.
  if (before.opened !== after.opened) for (const id of changedKeys(before.opened ?? {}, after.opened ?? {}, (x, y) => x === y)) storyIds.add(id);
  // A proposal made, accepted or declined changes what the reader shows of both its stories.
  if (before.updateProposals !== after.updateProposals) {
    for (const proposal of changedById(before.updateProposals ?? [], after.updateProposals ?? [])) {
      storyIds.add(proposal.storyId);
      storyIds.add(proposal.candidateId);
    }
  }
  // A story that took in another's text as a new version shows another text.
  if (before.storyEdits !== after.storyEdits) {
    for (const id of changedKeys(before.storyEdits, after.storyEdits, (a, b) => a === b)) if (!sameList(before.storyEdits.get(id)?.pageVersions ?? [], after.storyEdits.get(id)?.pageVersions ?? [])) storyIds.add(id);
  }
  set('stories', changedIds(storyIds));

  if (before.tags !== after.tags) set('tags', changedById(before.tags, after.tags).length ? true : undefined);
  if (before.taggings !== after.taggings) set('taggings', changedIds(changedKeys(before.taggings, after.taggings, sameList)));

  if (before.links !== after.links) {
    const ends = new Set<string>();
    for (const link of changedById(before.links, after.links)) {
      ends.add(link.from);
      ends.add(link.to);
    }
    set('links', changedIds(ends));
  }
  // A series named or renamed: the change set names its members' links (the timeline's title changed).
  if (before.seriesNames !== after.seriesNames && changes.links !== 'all') {
    const named = changedKeys(before.seriesNames ?? {}, after.seriesNames ?? {}, (a, b) => a === b);
    if (named.length) set('links', changedIds([...(changes.links ?? []), ...named]));
  }
  if (before.dossiers !== after.dossiers) set('dossiers', changedIds(changedById(before.dossiers, after.dossiers).map((dossier) => dossier.id)));
  if (before.savedSearches !== after.savedSearches && changedById(before.savedSearches, after.savedSearches).length) set('savedSearches', true);

  if (before.storyEdits !== after.storyEdits) {
    const edited = changedKeys(before.storyEdits, after.storyEdits, (a, b) => a === b);
    set('notes', changedIds(edited.filter((id) => (own(before.storyEdits, id)?.note ?? '') !== (own(after.storyEdits, id)?.note ?? ''))));
    const dated = (edit: StoryEdit | undefined) => `${edit?.publishedAt ?? ''}${edit?.publishedAtEstimated ? '~' : ''}`;
    set('dates', changedIds(edited.filter((id) => dated(own(before.storyEdits, id)) !== dated(own(after.storyEdits, id)))));
  }

  const dismissed = new Set<string>();
  if (before.dismissedTagSuggestions !== after.dismissedTagSuggestions) {
    for (const id of changedKeys(before.dismissedTagSuggestions, after.dismissedTagSuggestions, sameList)) dismissed.add(id);
  }
  if (before.dismissedRelated !== after.dismissedRelated) {
    for (const pair of symmetricDifference(before.dismissedRelated, after.dismissedRelated)) for (const id of pair.split('|')) dismissed.add(id);
  }
  set('dismissals', changedIds(dismissed));

  // The status counts stories, tags, links and dossiers, and shows the notices.
  const counted = (meta: MetaDoc) => [meta.deleted.length, meta.segments.length, meta.tags.length, meta.links.length, meta.dossiers.length];
  const recounted = counted(before).some((count, index) => count !== counted(after)[index]);
  if (before.notices !== after.notices || recounted || changes.stories) set('library', true);
  if (before.watchFolders !== after.watchFolders) set('watch', true);
  return changes;
}

function symmetricDifference(a: readonly string[], b: readonly string[]): string[] {
  const left = new Set(a);
  const right = new Set(b);
  return [...a.filter((value) => !right.has(value)), ...b.filter((value) => !left.has(value))];
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return (a?.length ?? 0) === 0 && (b?.length ?? 0) === 0;
  return a.every((value, index) => value === b[index]);
}

/** Keys of a record whose entry was added, removed or differs. */
function changedKeys<T>(before: StoryMap<T> | Record<string, T>, after: StoryMap<T> | Record<string, T>, same: (a: T | undefined, b: T | undefined) => boolean): string[] {
  // A StoryMap's keys come bucket by bucket; a change set short enough to name its stories names them in order.
  const changed = changedRecordKeys(before, after);
  const keys = before instanceof StoryMap ? sortedIfNamed([...changed]) : changed;
  return keys.filter((key) => !same(own(before, key), own(after, key)));
}

function sortedIfNamed(keys: string[]): string[] {
  return keys.length <= MAX_CHANGED_IDS ? keys.sort() : keys;
}

/** Entries (by id) that were added, removed or replaced; the old and the new version of a replaced one. */
function changedById<T extends { id: string }>(before: readonly T[], after: readonly T[]): T[] {
  const old = new Map(before.map((item) => [item.id, item]));
  const changed: T[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    old.delete(item.id);
    if (previous === item) continue;
    if (previous) changed.push(previous);
    changed.push(item);
  }
  changed.push(...old.values());
  return changed;
}
