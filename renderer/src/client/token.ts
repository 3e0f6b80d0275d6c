export const TOKEN_KEY = 'kroniek.token';

export interface TokenEnvironment {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/**
 * The host prints `http://127.0.0.1:PORT/?token=…`. Takes the token from the
 * query (or `#token=…`), keeps it for this tab in sessionStorage (so a reload
 * still works) and removes it from the address bar so it is not bookmarked,
 * shared or kept in history.
 */
export function takeToken(env: TokenEnvironment): string | null {
  const url = new URL(env.location.href);
  const hash = new URLSearchParams(url.hash.replace(/^#/, ''));
  const fromUrl = url.searchParams.get('token') ?? hash.get('token');
  if (fromUrl) {
    safeStorage(() => env.storage?.setItem(TOKEN_KEY, fromUrl));
    if (url.searchParams.has('token')) url.searchParams.delete('token');
    // Only rewrite the hash when the token was in it: other hashes are not key=value lists.
    if (hash.has('token')) {
      hash.delete('token');
      const restHash = hash.toString();
      url.hash = restHash ? `#${restHash}` : '';
    }
    env.history.replaceState(env.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return safeStorage(() => env.storage?.getItem(TOKEN_KEY) ?? null) ?? null;
}

/** Storage can throw (disabled, private mode); the token then lives only in memory. */
function safeStorage<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
