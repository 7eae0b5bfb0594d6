// The browser transport: POST /api/<method> with the launch token, and events streamed from
// GET /api/events (read with fetch, not EventSource, so the token stays in a header).
import type { Transport } from '../../api/client.ts';
import { apiError, type ApiReply } from '../../api/errors.ts';
import { eventSchema, type EventListener } from '../../api/events.ts';

/** `baseUrl` is empty in the page (same origin); scripts and tests pass the server's origin. */
export function httpTransport(token: string, onConnection: (online: boolean) => void = () => undefined, baseUrl = ''): Transport {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  // One event stream for every subscriber: each stream holds an HTTP/1.1 connection open, and a
  // browser allows six per origin, so a stream per component would leave API calls waiting.
  const listeners = new Set<EventListener>();
  let controller: AbortController | null = null;
  const fanOut: EventListener = (event) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // One broken subscriber must not starve the others.
      }
    }
  };
  return {
    async call(method, input) {
      try {
        const response = await fetch(`${baseUrl}/api/${encodeURIComponent(method)}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
        return (await response.json()) as ApiReply<unknown>;
      } catch {
        return { ok: false, error: apiError('unavailable', 'Stoa could not reach its local server. Is `stoa serve` still running?') };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      if (controller === null) {
        controller = new AbortController();
        void streamEvents(`${baseUrl}/api/events`, headers, controller.signal, fanOut, onConnection);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          controller?.abort();
          controller = null;
        }
      };
    },
  };
}

async function streamEvents(
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  listener: EventListener,
  onConnection: (online: boolean) => void,
): Promise<void> {
  let delay = 500;
  while (!signal.aborted) {
    try {
      const response = await fetch(url, { headers, signal });
      if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
      onConnection(true);
      delay = 500;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (!data) continue;
          const parsed = eventSchema.safeParse(JSON.parse(data.slice('data: '.length)));
          if (parsed.success) listener(parsed.data);
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    onConnection(false);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 10_000);
  }
}
