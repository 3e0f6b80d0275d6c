import { toServiceError, type ServiceError } from '../client';
import { isUnreachable } from '../client/transport';

/** Where one piece of server state stands in the UI. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Where a piece of server state stands after its load failed, and the error it shows. The
 * service out of reach is not its own failure: it keeps what it showed (`ready`) or goes on
 * waiting (`loading`), the connection banner says why, and it loads again when the service
 * answers. Anything else is its own error.
 */
export function afterFailedLoad(error: unknown, before: LoadState): { state: LoadState; error: ServiceError | null } {
  if (isUnreachable(error)) return { state: before === 'ready' ? 'ready' : 'loading', error: null };
  return { state: 'error', error: toServiceError(error) };
}
