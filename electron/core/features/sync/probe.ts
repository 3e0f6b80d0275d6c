import { ServiceError } from '../../../../shared/contract/envelope';
import type { SyncProbeResult } from '../../../../shared/contract/sync';
import { checkRemoteUrl } from './sync-engine';

// "Test connection" in the Share dialog: asks the desk database whether these credentials
// may read it, and whether they may write (a reader's pushes would be refused), without
// connecting this library or starting sync. Plain HTTP requests with Basic authentication;
// the password is only sent to the server, never kept or logged here.

const TIMEOUT_MS = 8_000;

interface Probe {
  url: string;
  user: string;
  password: string | null;
  /** For tests: the fetch to use. */
  fetcher?: typeof fetch;
}

export async function probeRemote({ url: raw, user, password, fetcher = fetch }: Probe): Promise<SyncProbeResult> {
  let url: string;
  try {
    url = checkRemoteUrl(raw);
  } catch (error) {
    if (error instanceof ServiceError) return 'insecure-url';
    throw error;
  }
  if (!password) return 'no-password';
  const headers = { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, accept: 'application/json' };
  const get = async (address: string): Promise<{ status: number; body: unknown } | null> => {
    try {
      const response = await fetcher(address, { headers, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
      const text = await response.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text.slice(0, 100_000));
      } catch {
        body = null;
      }
      return { status: response.status, body };
    } catch {
      return null;
    }
  };

  const database = await get(url);
  if (!database) return 'unreachable';
  if (database.status === 401) return 'unauthorized';
  if (database.status === 403) return 'forbidden';
  if (database.status === 404) return 'not-found';
  if (database.status >= 500) return 'unreachable';
  const info = database.body as { db_name?: unknown } | null;
  if (database.status !== 200 || typeof info?.db_name !== 'string') return 'server-error';

  // A reader: the desk's design document refuses writes, and this account is neither an editor nor an admin.
  const design = await get(`${url}/_design/kroniek`);
  const guarded = design?.status === 200 && typeof (design.body as { validate_doc_update?: unknown }).validate_doc_update === 'string';
  if (!guarded) return 'ok';
  const session = await get(`${new URL(url).origin}/_session`);
  const roles = (session?.body as { userCtx?: { roles?: unknown } } | null)?.userCtx?.roles;
  if (!Array.isArray(roles)) return 'ok';
  return roles.includes('editor') || roles.includes('_admin') ? 'ok' : 'read-only';
}
