import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { LIMITS } from '../../shared/contract/define';
import type { ChangeFeed } from '../../shared/contract/changes';
import type { Envelope } from '../../shared/contract/envelope';
import { methodNames, type MethodName } from '../../shared/contract';
import { CHANGES_CHANNEL, ipcChannel } from '../preload/api';
import { APP_HOST, APP_SCHEME } from './app-scheme';
import { checkPayload } from './payload-guard';

/** The one thing main needs from the core to serve the contract. */
export interface Dispatcher {
  dispatch(method: string, input: unknown): Promise<Envelope<unknown>>;
}

/**
 * True only for the app's own top-level page (`app://kroniek/…`). Subframes,
 * destroyed frames and any other origin (a page navigated elsewhere, an
 * injected frame) are refused.
 */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  if (!frame || frame.parent) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  // URL.origin is "null" for non-special schemes, so compare the parts.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
}

/** The handler for one contract method: sender check, payload check, then the core (which validates the schema). */
export function createIpcHandler(
  core: Dispatcher,
  method: MethodName,
  options: { maxBytes?: number; log?: (message: string) => void } = {},
): (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown) => Promise<Envelope<unknown>> {
  const maxBytes = options.maxBytes ?? LIMITS.payloadBytes;
  const log = options.log ?? ((message: string) => console.warn(message));
  return async (event, input) => {
    try {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame)) {
        log(`[kroniek] refused IPC "${method}" from ${frame?.url ?? 'a destroyed frame'}`);
        return { ok: false, error: { code: 'forbidden', message: 'Only the Kroniek window may call the library service.' } };
      }
      const problem = checkPayload(input, { maxBytes });
      if (problem) return { ok: false, error: problem };
      return await core.dispatch(method, input);
    } catch (error) {
      // dispatch never throws by contract; this keeps a bug from crossing the boundary as a rejection.
      log(`[kroniek] IPC "${method}" failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { ok: false, error: { code: 'internal', message: 'Kroniek hit an unexpected problem while handling this request. Try again; if it keeps happening, restart Kroniek.' } };
    }
  };
}

/** Registers every contract method on `ipcMain`; returns a function that removes them again. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, core: Dispatcher): () => void {
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), createIpcHandler(core, method));
  }
  return () => {
    for (const method of methodNames) ipcMain.removeHandler(ipcChannel(method));
  };
}

/** Where main can send the change feed: a window's webContents. */
export type FeedTarget = Pick<WebContents, 'send' | 'isDestroyed'> & { mainFrame: Pick<WebFrameMain, 'url' | 'parent'> | null };

/**
 * Sends every store commit to the app's windows (`webContents.send` on CHANGES_CHANNEL),
 * whoever made it, so each window updates what changed. Only a window showing the app's
 * own page gets it (the same check as for calls); destroyed ones are skipped.
 */
export function forwardChanges(feed: Pick<ChangeFeed, 'onCommit'>, targets: () => Iterable<FeedTarget>, log: (message: string) => void = (message) => console.warn(message)): () => void {
  return feed.onCommit((commit) => {
    for (const contents of targets()) {
      try {
        if (contents.isDestroyed() || !isTrustedSender(contents.mainFrame)) continue;
        contents.send(CHANGES_CHANNEL, commit);
      } catch (error) {
        log(`[kroniek] could not send a change to a window: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  });
}
