import { ServiceError } from '../../../shared/contract/envelope';
import type { Transport } from './transport';

export interface HttpTransportOptions {
  /** Per-run access token from the URL the host printed; null when none was given. */
  token: string | null;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Prefix for API paths; the host serves them at `/api/<method>`. */
  apiBase?: string;
}

/** Calls the contract over HTTP on the loopback host: `POST /api/<method>`, JSON in, envelope out. */
export function httpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const apiBase = options.apiBase ?? '/api/';
  return {
    kind: 'http',
    async send(method, input) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (options.token) headers['X-Kroniek-Token'] = options.token;
      let response: Response;
      try {
        response = await doFetch(apiBase + encodeURIComponent(method), {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
          credentials: 'omit',
        });
      } catch (error) {
        throw new ServiceError(
          'internal',
          `Cannot reach the Kroniek host (${error instanceof Error ? error.message : String(error)}). Is it still running? Start it again and open the URL it prints.`,
        );
      }
      // The host answers errors (wrong token, too large…) with an envelope too, so
      // read the body whatever the status; only a body that is not JSON is a failure here.
      const text = await response.text().catch(() => '');
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new ServiceError('internal', `The Kroniek host answered "${method}" with something that is not JSON (HTTP ${response.status}).`);
      }
    },
  };
}
