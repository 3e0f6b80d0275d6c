// Renderer tests only: the change set the real core would answer an edit with (it
// derives it from the store commit, see electron/core/store/changes.ts), close enough
// for the fakes. Where the fake cannot know (undo, restore), it says "everything".
import type { MethodName } from '../../../shared/contract';
import { changedIds, EVERYTHING, type ChangeSet } from '../../../shared/contract/changes';

type AnyInput = Record<string, unknown>;
const ids = (...values: unknown[]) => changedIds(values.flat().filter((value): value is string => typeof value === 'string')) ?? [];

export function fakeChanges(method: MethodName, input: AnyInput, value: unknown): ChangeSet | null {
  const edit = (changes: ChangeSet): ChangeSet => ({ ...changes, history: true });
  switch (method) {
    case 'library.dismissNotices':
      return { library: true };
    case 'stories.setNote':
      return edit({ notes: ids(input.id) });
    case 'stories.setDate':
      return edit({ dates: ids(input.id) });
    case 'stories.delete':
      return edit({ stories: ids(input.ids), library: true });
    case 'import.files':
    case 'import.withDialog': {
      const files = (value as { files?: { status: string; articleId?: string }[] } | null)?.files ?? [];
      const added = files.filter((file) => file.status === 'imported').map((file) => file.articleId);
      return added.length ? { stories: ids(added), library: true } : null;
    }
    case 'tags.create':
      return edit({ tags: true, library: true });
    case 'tags.update':
      return edit({ tags: true });
    case 'tags.merge':
    case 'tags.delete':
      return edit({ tags: true, taggings: 'all', library: true });
    case 'tags.apply':
      return edit({ ...((input.addNames as unknown[] | undefined)?.length ? { tags: true as const, library: true as const } : {}), taggings: ids(input.storyIds) });
    case 'tags.dismissSuggestion':
      return edit({ dismissals: ids(input.storyId) });
    case 'links.create':
      return edit({ links: ids(input.from, input.to), library: true });
    case 'links.update':
      return edit({ links: 'all' });
    case 'links.remove':
      return edit({ links: 'all', library: true });
    case 'related.dismiss':
      return edit({ dismissals: ids(input.storyId, input.otherId) });
    case 'dossiers.create':
      return edit({ dossiers: ids((value as { dossier?: { id?: string } } | null)?.dossier?.id), library: true });
    case 'dossiers.update':
    case 'dossiers.addStories':
    case 'dossiers.removeEntry':
    case 'dossiers.moveEntry':
    case 'dossiers.setOrder':
    case 'dossiers.setEntryNote':
      return edit({ dossiers: ids(input.id) });
    case 'dossiers.delete':
      return edit({ dossiers: ids(input.id), library: true });
    case 'searches.save':
    case 'searches.rename':
    case 'searches.delete':
      return edit({ savedSearches: true });
    case 'history.undo':
    case 'history.redo':
    case 'backups.restore':
      return EVERYTHING;
    case 'library.importArchive':
    case 'library.importArchiveWithDialog':
      return value === null ? null : EVERYTHING;
    default:
      return null;
  }
}
