// The in-process transport: calls dispatch() directly, round-tripping values through JSON so that
// tests see exactly what IPC or HTTP would carry.
import type { Transport } from './client.ts';
import { dispatch, type Handlers } from './dispatch.ts';
import type { EventHub } from './events.ts';

export function inProcessTransport(handlers: Handlers, events: EventHub): Transport {
  return {
    async call(method, input) {
      const reply = await dispatch(handlers, method, JSON.parse(JSON.stringify(input ?? {})));
      return JSON.parse(JSON.stringify(reply));
    },
    subscribe: (listener) => events.subscribe(listener),
  };
}
