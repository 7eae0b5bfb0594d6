// Exposes window.stoa with call() and subscribe() only; the page never sees ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type StoaBridge } from '../src/api/bridge.ts';
import type { StoaEvent } from '../src/api/events.ts';

const bridge: StoaBridge = {
  call: (method, input) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input),
  subscribe: (listener) => {
    const handler = (_event: IpcRendererEvent, payload: StoaEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('stoa', bridge);
