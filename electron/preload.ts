// Exposes window.stoa with call() and subscribe() only; the page never sees ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { StoaBridge } from '../src/api/bridge.ts';
import type { StoaEvent } from '../src/api/events.ts';

// Channel names are repeated here rather than imported: a sandboxed preload is a single file.
const bridge: StoaBridge = {
  call: (method, input) => ipcRenderer.invoke('stoa:call', method, input),
  subscribe: (listener) => {
    const handler = (_event: IpcRendererEvent, payload: StoaEvent) => listener(payload);
    ipcRenderer.on('stoa:event', handler);
    return () => ipcRenderer.removeListener('stoa:event', handler);
  },
};

contextBridge.exposeInMainWorld('stoa', bridge);
