import type { Commit } from '../../../shared/contract/changes';
import type { MethodName } from '../../../shared/contract';
import type { ServiceError } from '../../../shared/contract/envelope';
import type { ErrorReason } from '../../../shared/messages';

/** The reason a transport gives when the service could not be reached at all (nothing was done). */
export const UNREACHABLE: ErrorReason = Object.freeze({ code: 'service.unreachable' });

/** The call never reached the service: the connection is lost (not a refusal by the core). */
export function isUnreachable(error: unknown): boolean {
  return (error as Partial<ServiceError> | null)?.reason?.code === 'service.unreachable';
}

export type TransportKind = 'preload' | 'http';

/** What a transport's change feed reports: commits, and (HTTP) each (re)connection's starting revision. */
export interface FeedEvents {
  commit(commit: Commit): void;
  /** The stream (re)connected at this revision: commits before it that were not seen were missed. */
  connected?(revision: number): void;
}

/**
 * One way to reach the service. `send` resolves with whatever came back (an
 * envelope, if all is well); the client checks its shape and unwraps it.
 * Transport failures (network, IPC) reject with a ServiceError. `subscribe`
 * listens to the library's change feed, where the transport has one.
 */
export interface Transport {
  readonly kind: TransportKind;
  send(method: MethodName, input: unknown): Promise<unknown>;
  subscribe?(events: FeedEvents): () => void;
}

/** What Electron's preload exposes as `window.kroniek`: one async function per contract method, and `onChange`. */
export type PreloadApi = Partial<Record<string, (input: unknown) => unknown>>;

/** The preload's `onChange(callback)`: the change feed, returning a function that stops it. */
export type PreloadOnChange = (callback: (commit: unknown) => void) => () => void;

declare global {
  interface Window {
    kroniek?: PreloadApi;
  }
}
