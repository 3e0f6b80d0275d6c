import type { MethodName } from '../../../shared/contract';

export type TransportKind = 'preload' | 'http';

/**
 * One way to reach the service. `send` resolves with whatever came back (an
 * envelope, if all is well); the client checks its shape and unwraps it.
 * Transport failures (network, IPC) reject with a ServiceError.
 */
export interface Transport {
  readonly kind: TransportKind;
  send(method: MethodName, input: unknown): Promise<unknown>;
}

/** What Electron's preload exposes as `window.kroniek`: one async function per contract method. */
export type PreloadApi = Partial<Record<string, (input: unknown) => Promise<unknown>>>;

declare global {
  interface Window {
    kroniek?: PreloadApi;
  }
}
