import { ServiceError } from '../../../shared/contract/envelope';
import type { PreloadApi, Transport } from './transport';

/** Calls the contract through the Electron preload bridge (`window.kroniek`). */
export function preloadTransport(api: PreloadApi): Transport {
  return {
    kind: 'preload',
    async send(method, input) {
      const fn = api[method];
      if (typeof fn !== 'function') {
        throw new ServiceError('unknown-method', `The desktop app does not offer "${method}". Update Kroniek or restart it.`);
      }
      try {
        return await fn(input);
      } catch (error) {
        throw new ServiceError('internal', `The desktop app did not answer "${method}": ${messageOf(error)}`);
      }
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
