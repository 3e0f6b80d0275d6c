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
  message: string;
}

/**
 * `commits`: the store commits the call made, in order (only when it changed the
 * library): what it touched, for the caller to refresh exactly that. The same commits
 * are also published on the core's change feed (see ./changes.ts).
 */
export type Envelope<T> = { ok: true; value: T; commits?: Commit[] } | { ok: false; error: ServiceErrorData };

export class ServiceError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
  }
  toData(): ServiceErrorData {
    return { code: this.code, message: this.message };
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ServiceError(envelope.error.code, envelope.error.message);
}
