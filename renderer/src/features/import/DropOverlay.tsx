import { useT } from '../../store';

export function DropOverlay() {
  const t = useT();
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <p className="drop-title">{t.dropHere}</p>
        <p className="drop-hint">{t.dropHint}</p>
      </div>
    </div>
  );
}
