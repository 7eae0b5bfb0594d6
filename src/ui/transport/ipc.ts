// The Electron transport: window.stoa, exposed by the preload, carries calls and events over IPC.
import type { StoaBridge } from '../../api/bridge.ts';
import type { Transport } from '../../api/client.ts';

declare global {
  interface Window {
    stoa?: StoaBridge;
  }
}

export function ipcTransport(bridge: StoaBridge): Transport {
  return {
    call: (method, input) => bridge.call(method, input),
    subscribe: (listener) => bridge.subscribe(listener),
  };
}
