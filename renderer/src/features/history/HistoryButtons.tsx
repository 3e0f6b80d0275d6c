import { useApp, useT } from '../../store';
import './history.css';

/** Visible Undo / Redo, named after what they would undo or redo (`Undo Tag 3 stories`). */
export function HistoryButtons() {
  const t = useT();
  const history = useApp((s) => s.history);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  const undoName = t.undoButton(history?.undoLabel ?? null);
  const redoName = t.redoButton(history?.redoLabel ?? null);
  return (
    <div className="history-buttons">
      <button type="button" className="button small" disabled={readOnly || !history?.canUndo} onClick={() => void undo()} aria-label={undoName} title={undoName}>
        <span aria-hidden="true">↶ </span>
        {t.undoShort}
      </button>
      <button type="button" className="button small" disabled={readOnly || !history?.canRedo} onClick={() => void redo()} aria-label={redoName} title={redoName}>
        <span aria-hidden="true">↷ </span>
        {t.redoShort}
      </button>
    </div>
  );
}
