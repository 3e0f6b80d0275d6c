import { useTranslator } from '../../i18n/use-translator';
import { useApp } from '../../store';
import { editName } from './edit-name';
import { RecentChangesButton } from './RecentChanges';
import './history.css';

/** Visible Undo / Redo, named after what they would undo or redo (`Undo Tag 3 stories`). */
export function HistoryButtons() {
  const t = useTranslator('history');
  const history = useApp((s) => s.history);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  const undoName = history?.undoLabel ? t('undoWhat', { label: editName(t, history.undoLabel) }) : t('undo');
  const redoName = history?.redoLabel ? t('redoWhat', { label: editName(t, history.redoLabel) }) : t('redo');
  return (
    <div className="history-buttons">
      <button type="button" className="button small" disabled={readOnly || !history?.canUndo} onClick={() => void undo()} aria-label={undoName} title={undoName}>
        <span aria-hidden="true">↶ </span>
        {t('undoShort')}
      </button>
      <button type="button" className="button small" disabled={readOnly || !history?.canRedo} onClick={() => void redo()} aria-label={redoName} title={redoName}>
        <span aria-hidden="true">↷ </span>
        {t('redoShort')}
      </button>
      <RecentChangesButton />
    </div>
  );
}
