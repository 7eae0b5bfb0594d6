// What Electron's preload exposes on window.stoa: two functions, nothing else of Node or Electron.
import type { ApiReply } from './errors.ts';
import type { EventListener } from './events.ts';

export interface StoaBridge {
  call(method: string, input: unknown): Promise<ApiReply<unknown>>;
  subscribe(listener: EventListener): () => void;
}

export const IPC_CALL_CHANNEL = 'stoa:call';
export const IPC_EVENT_CHANNEL = 'stoa:event';
