import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './api';

// Sandboxed preload (bundled to CommonJS): exposes exactly the contract's
// methods as `window.kroniek`. The invoke wrapper passes only (channel, input),
// so no IPC event object or ipcRenderer reference reaches the page.
contextBridge.exposeInMainWorld(
  'kroniek',
  buildPreloadApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
