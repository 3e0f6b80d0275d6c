import type { ServiceError } from '../../../shared/contract/envelope';
import { isUnreachable } from '../client/transport';
import { useT } from '../store';
import { useErrorText } from '../ui/errors/use-error-text';

interface ErrorStateProps {
  title: string;
  error: ServiceError | null;
  onRetry?: () => void;
  compact?: boolean;
}

/** A failure the editor can act on: what failed, the service's reason, and a retry. */
export function ErrorState({ title, error, onRetry, compact = false }: ErrorStateProps) {
  const t = useT();
  const errorText = useErrorText();
  // The connection banner says what happened, once, with its retry; the pane only waits.
  if (error && isUnreachable(error)) {
    return (
      <p className="pane-message muted connection-waiting" role="status">
        {t.app('connectionWaiting')}
      </p>
    );
  }
  return (
    <div className={compact ? 'error-state compact' : 'error-state'} role="alert">
      <p className="error-title">{title}</p>
      {error && <p className="error-message">{errorText(error)}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t.library('retry')}
        </button>
      )}
    </div>
  );
}
