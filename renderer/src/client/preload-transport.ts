import { asCommit } from '../../../shared/contract/changes';
import { ServiceError } from '../../../shared/contract/envelope';
import type { PreloadApi, PreloadOnChange, Transport } from './transport';

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
    subscribe(events) {
      const onChange = api.onChange as PreloadOnChange | undefined;
      if (typeof onChange !== 'function') return () => {};
      // IPC from main drops nothing, so there is no reconnection to report.
      return onChange((payload) => {
        const commit = asCommit(payload);
        if (commit) events.commit(commit);
      });
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
