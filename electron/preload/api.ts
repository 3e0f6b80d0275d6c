import { methodNames, type MethodName, type PageMethodName } from '../../shared/contract';

// The pure part of the preload: which functions the page gets. Kept apart from
// the entry (which touches Electron) so a test can compare the keys with the
// contract, and main can share the channel naming.

export const IPC_CHANNEL_PREFIX = 'kroniek:';

export function ipcChannel(method: MethodName): string {
  return `${IPC_CHANNEL_PREFIX}${method}`;
}

/** One async function per contract method a page may call (no `local` ones); nothing else. */
export type KroniekBridge = Readonly<Record<PageMethodName, (input?: unknown) => Promise<unknown>>>;

/**
 * Builds `window.kroniek` from an invoke function (`ipcRenderer.invoke` in the
 * preload). Each function forwards only the method's input and returns the
 * envelope main answers with: the page never sees an IPC event or ipcRenderer.
 */
export function buildPreloadApi(invoke: (channel: string, input: unknown) => Promise<unknown>): KroniekBridge {
  // A plain object: contextBridge copies it into the page's world.
  const entries = methodNames.map((method) => {
    const channel = ipcChannel(method);
    return [method, (input?: unknown) => invoke(channel, input)] as const;
  });
  return Object.freeze(Object.fromEntries(entries) as Record<PageMethodName, (input?: unknown) => Promise<unknown>>);
}
