import { asCommit, methodNames, type Commit, type MethodName, type PageMethodName } from '../../shared/contract';

// The pure part of the preload: which functions the page gets. Kept apart from
// the entry (which touches Electron) so a test can compare the keys with the
// contract, and main can share the channel naming.

export const IPC_CHANNEL_PREFIX = 'kroniek:';

export function ipcChannel(method: MethodName): string {
  return `${IPC_CHANNEL_PREFIX}${method}`;
}

/** The channel main sends the library's change feed on (one store commit per message). */
export const CHANGES_CHANNEL = 'kroniek-feed:commit';

/** Name of the one bridge function that is not a contract method. */
export const ON_CHANGE = 'onChange';

/** One async function per contract method a page may call (no `local` ones), and `onChange` for the change feed; nothing else. */
export type KroniekBridge = Readonly<Record<PageMethodName, (input?: unknown) => Promise<unknown>>> & {
  /** Calls `callback` with every store commit (checked, copied); returns a function that stops it. */
  readonly onChange: (callback: (commit: Commit) => void) => () => void;
};

/** Listens on CHANGES_CHANNEL (`ipcRenderer.on` in the preload), handing over only the payload. */
export type ListenFn = (channel: string, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `window.kroniek` from an invoke function (`ipcRenderer.invoke` in the
 * preload). Each function forwards only the method's input and returns the
 * envelope main answers with: the page never sees an IPC event or ipcRenderer.
 */
export function buildPreloadApi(invoke: (channel: string, input: unknown) => Promise<unknown>, listen: ListenFn): KroniekBridge {
  // A plain object: contextBridge copies it into the page's world.
  const entries = methodNames.map((method) => {
    const channel = ipcChannel(method);
    return [method, (input?: unknown) => invoke(channel, input)] as const;
  });
  const onChange = (callback: (commit: Commit) => void) => {
    if (typeof callback !== 'function') throw new TypeError('onChange needs a function.');
    // Only a well-formed commit reaches the page, as a fresh copy; anything else is dropped.
    return listen(CHANGES_CHANNEL, (payload) => {
      const commit = asCommit(payload);
      if (commit) callback(commit);
    });
  };
  return Object.freeze({ ...(Object.fromEntries(entries) as Record<PageMethodName, (input?: unknown) => Promise<unknown>>), [ON_CHANGE]: onChange });
}
