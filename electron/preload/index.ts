import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './api';

// Sandboxed preload (bundled to CommonJS): exposes exactly the contract's
// methods and `onChange` as `window.kroniek`. The invoke wrapper passes only
// (channel, input) and the listener only the checked payload, so no IPC event
// object or ipcRenderer reference reaches the page.
contextBridge.exposeInMainWorld(
  'kroniek',
  buildPreloadApi(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (channel, listener) => {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => void ipcRenderer.removeListener(channel, handler);
    },
  ),
);
