import type { Input, Output, PageMethodName } from '../../../shared/contract';
import { asCommit, EVERYTHING, type ChangeSet, type Commit } from '../../../shared/contract/changes';
import { ServiceError, type Envelope, type ErrorCode } from '../../../shared/contract/envelope';
import type { ErrorReason } from '../../../shared/messages';
import type { Transport, TransportKind } from './transport';

export interface Client {
  readonly transport: TransportKind;
  /**
   * Calls a method; when it changed the library, its commits reach `onChange` listeners before
   * it resolves. Only the methods a page may call: `local` ones (paths on disk) are not typed here.
   */
  call<M extends PageMethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  /**
   * What changed in the library, commit by commit, each once: from the answers to this
   * client's own edits and from the change feed (edits in other windows, the CLI through
   * the host, later a team server). After the feed was cut and commits were missed, one
   * call with EVERYTHING. The feed is followed while there are listeners.
   */
  onChange(listener: (changes: ChangeSet) => void): () => void;
}

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'invalid-input',
  'unknown-method',
  'not-found',
  'conflict',
  'read-only',
  'unsupported',
  'too-large',
  'forbidden',
  'locked',
  'internal',
]);

/** Checks that an answer really is an envelope before trusting it. */
function asEnvelope(answer: unknown, method: string): Envelope<unknown> {
  if (answer && typeof answer === 'object' && 'ok' in answer) {
    const candidate = answer as { ok: unknown; value?: unknown; error?: unknown; commits?: unknown };
    if (candidate.ok === true) {
      const commits = Array.isArray(candidate.commits) ? candidate.commits.map(asCommit).filter((commit): commit is Commit => commit !== null) : [];
      return commits.length ? { ok: true, value: candidate.value, commits } : { ok: true, value: candidate.value };
    }
    if (candidate.ok === false && candidate.error && typeof candidate.error === 'object') {
      const error = candidate.error as { code?: unknown; message?: unknown; reason?: unknown };
      const code = typeof error.code === 'string' && ERROR_CODES.has(error.code) ? (error.code as ErrorCode) : 'internal';
      const message = typeof error.message === 'string' && error.message ? error.message : `"${method}" failed.`;
      // A reason is only ever worded by its code (unknown codes fall back to the message), so its shape is all to check.
      const reason = error.reason && typeof error.reason === 'object' && typeof (error.reason as { code?: unknown }).code === 'string' ? (error.reason as ErrorReason) : undefined;
      return { ok: false, error: reason ? { code, message, reason } : { code, message } };
    }
  }
  throw new ServiceError('internal', `The service answered "${method}" in a form Kroniek does not understand.`);
}

/** The renderer's only way to the service: typed calls, envelopes unwrapped, failures as ServiceError. */
export function createClient(transport: Transport): Client {
  const listeners = new Set<(changes: ChangeSet) => void>();
  const seen = new RevisionSet();
  let unsubscribe: (() => void) | null = null;
  let connections = 0;

  const emit = (changes: ChangeSet) => {
    for (const listener of [...listeners]) listener(changes);
  };
  const receive = (commit: Commit) => {
    if (seen.add(commit.revision)) emit(commit.changes);
  };

  return {
    transport: transport.kind,
    async call<M extends PageMethodName>(method: M, input: Input<M>): Promise<Output<M>> {
      const envelope = asEnvelope(await transport.send(method, input), method);
      if (envelope.ok) {
        for (const commit of envelope.commits ?? []) receive(commit);
        return envelope.value as Output<M>;
      }
      throw new ServiceError(envelope.error.code, envelope.error.message, envelope.error.reason);
    },
    onChange(listener) {
      listeners.add(listener);
      if (!unsubscribe && transport.subscribe) {
        unsubscribe = transport.subscribe({
          commit: receive,
          connected(revision) {
            // A reconnection that finds commits this client never saw: refresh it all.
            if (connections++ > 0 && revision > seen.highest) emit(EVERYTHING);
            seen.reachAtLeast(revision);
          },
        });
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
          connections = 0;
        }
      };
    },
  };
}

/**
 * Revisions already handled: a commit comes both in the answer to an edit and on the
 * feed, in either order. Remembers the recent ones and the highest.
 */
class RevisionSet {
  private readonly recent = new Set<number>();
  highest = 0;

  /** False when the revision was handled already. */
  add(revision: number): boolean {
    if (this.recent.has(revision) || revision <= this.highest - 1_000) return false;
    this.recent.add(revision);
    this.highest = Math.max(this.highest, revision);
    if (this.recent.size > 2_000) for (const old of this.recent) if (old <= this.highest - 1_000) this.recent.delete(old);
    return true;
  }

  reachAtLeast(revision: number): void {
    this.highest = Math.max(this.highest, revision);
  }
}

/** Any thrown value as a ServiceError, so the UI has one shape of failure to show. */
export function toServiceError(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  return new ServiceError('internal', error instanceof Error ? error.message : String(error));
}
