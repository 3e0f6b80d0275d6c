import { useState } from 'react';
import { useApp, useT } from '../../store';
import './connection.css';

/** The one banner while the service cannot be reached: what happened, that the screen stays, and a retry. */
export function ConnectionBanner() {
  const t = useT();
  const lost = useApp((s) => s.connection === 'lost');
  const retry = useApp((s) => s.retryConnection);
  const [trying, setTrying] = useState(false);
  if (!lost) return null;
  return (
    <div className="connection-banner" role="alert">
      <div className="connection-text">
        <p className="connection-title">{t.app('connectionLostTitle')}</p>
        <p>{t.app('connectionLostBody')}</p>
      </div>
      <button
        type="button"
        className="button"
        disabled={trying}
        onClick={() => {
          setTrying(true);
          void retry().finally(() => setTrying(false));
        }}
      >
        {trying ? t.app('connectionRetrying') : t.app('connectionRetry')}
      </button>
    </div>
  );
}
