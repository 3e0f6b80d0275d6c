import type { StorySummary } from '../../../../shared/types';
import { useTranslator } from '../../i18n/use-translator';
import { useApp } from '../../store';

/** The reader's Delete button: the open story goes to the Trash (Ctrl+Z undoes). */
export function DeleteStoryButton({ story }: { story: Pick<StorySummary, 'id' | 'headline'> }) {
  const t = useTranslator('trash');
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const deleteStories = useApp((s) => s.deleteStories);
  if (readOnly) return null;
  return (
    <button type="button" className="button small delete-story" aria-label={t('deleteStoryLabel', { headline: story.headline })} title={t('deleteStoryLabel', { headline: story.headline })} onClick={() => void deleteStories([story.id])}>
      {t('deleteStory')}
    </button>
  );
}

/** The selection bar's Delete button: every selected story goes to the Trash at once. */
export function DeleteSelectionButton() {
  const t = useTranslator('trash');
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const count = useApp((s) => s.selection.ids.size);
  const targetIds = useApp((s) => s.targetIds);
  const deleteStories = useApp((s) => s.deleteStories);
  return (
    <button type="button" className="button small" disabled={readOnly} onClick={() => void deleteStories(targetIds())}>
      {t('deleteSelection', { count })}
    </button>
  );
}

/** The sidebar's way into the Trash. */
export function TrashButton() {
  const t = useTranslator('trash');
  const openTrash = useApp((s) => s.openTrash);
  return (
    <button type="button" className="sidebar-footer-button" onClick={openTrash}>
      {t('open')}
    </button>
  );
}
