import { useT } from '../../store';

export function DropOverlay() {
  const t = useT();
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <p className="drop-title">{t.import('dropHere')}</p>
        <p className="drop-hint">{t.import('dropHint')}</p>
      </div>
    </div>
  );
}
