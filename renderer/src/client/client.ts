import type { Input, MethodName, Output } from '../../../shared/contract';
import { ServiceError, type Envelope, type ErrorCode } from '../../../shared/contract/envelope';
import type { ErrorReason } from '../../../shared/messages';
import type { Transport, TransportKind } from './transport';

export interface Client {
  readonly transport: TransportKind;
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
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
    const candidate = answer as { ok: unknown; value?: unknown; error?: unknown };
    if (candidate.ok === true) return { ok: true, value: candidate.value };
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
  return {
    transport: transport.kind,
    async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
      const envelope = asEnvelope(await transport.send(method, input), method);
      if (envelope.ok) return envelope.value as Output<M>;
      throw new ServiceError(envelope.error.code, envelope.error.message, envelope.error.reason);
    },
  };
}

/** Any thrown value as a ServiceError, so the UI has one shape of failure to show. */
export function toServiceError(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  return new ServiceError('internal', error instanceof Error ? error.message : String(error));
}
