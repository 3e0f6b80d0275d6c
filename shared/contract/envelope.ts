import type { ErrorReason } from '../messages';
import type { Commit } from './changes';

/**
 * Errors never cross a boundary as thrown exceptions: every call answers with
 * an envelope, and the client re-throws a typed ServiceError.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'unknown-method'
  | 'not-found'
  | 'conflict'
  | 'read-only'
  | 'unsupported'
  | 'too-large'
  | 'forbidden'
  | 'locked'
  | 'internal';

export interface ServiceErrorData {
  code: ErrorCode;
  /** English, for logs and as the fallback where the UI has no wording for the reason. */
  message: string;
  /** What the UI words in the editor's language, when the core knows more than the code. */
  reason?: ErrorReason;
}

/**
 * `commits`: the store commits the call made, in order (only when it changed the
 * library): what it touched, for the caller to refresh exactly that. The same commits
 * are also published on the core's change feed (see ./changes.ts).
 */
export type Envelope<T> = { ok: true; value: T; commits?: Commit[] } | { ok: false; error: ServiceErrorData };

export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly reason: ErrorReason | undefined;
  constructor(code: ErrorCode, message: string, reason?: ErrorReason) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.reason = reason;
  }
  toData(): ServiceErrorData {
    return this.reason ? { code: this.code, message: this.message, reason: this.reason } : { code: this.code, message: this.message };
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ServiceError(envelope.error.code, envelope.error.message, envelope.error.reason);
}
