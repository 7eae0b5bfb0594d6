// POST /api/<method> → dispatch(); GET /api/events → server-sent events. Transport-level failures
// (bad JSON, oversize body) come back in the same typed error shape as handler errors.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatch, type BugReporter, type Handlers } from '../api/dispatch.ts';
import { apiError, type ApiReply, type ErrorCode } from '../api/errors.ts';
import type { EventHub } from '../api/events.ts';

const MAX_BODY_BYTES = 1_000_000;

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  unavailable: 503,
  reauth_required: 502,
  rate_limited: 429,
  platform_refused: 502,
  internal: 500,
};

export function sendReply(res: ServerResponse, reply: ApiReply<unknown>): void {
  const body = JSON.stringify(reply);
  res.writeHead(reply.ok ? 200 : STATUS[reply.error.code], {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Past the limit, keep draining (so the client can read our answer) but store nothing;
    // a sender that never stops is cut off.
    if (size > MAX_BODY_BYTES * 16) {
      req.destroy();
      return null;
    }
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8');
}

export async function handleCall(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  handlers: Handlers,
  reportBug: BugReporter,
): Promise<void> {
  let text: string | null;
  try {
    text = await readBody(req);
  } catch (error) {
    // The client went away mid-body, or the request timeout cut it off (already answered 408):
    // nobody is left to answer, and it is not a bug.
    if (req.destroyed) return;
    throw error;
  }
  if (text === null) return sendReply(res, { ok: false, error: apiError('bad_request', 'The request body is larger than 1 MB.') });
  let input: unknown = {};
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text);
    } catch {
      return sendReply(res, { ok: false, error: apiError('bad_request', 'The request body is not valid JSON.') });
    }
  }
  sendReply(res, await dispatch(handlers, method, input, reportBug));
}

/** How many event streams may be open at once; each tab holds one, so a few dozen is generous. */
export interface StreamSlots {
  /** A release function when a slot was free, null when all are taken. */
  take(): (() => void) | null;
}

export function streamSlots(max: number): StreamSlots {
  let open = 0;
  return {
    take: () => {
      if (open >= max) return null;
      open += 1;
      let released = false;
      return () => {
        if (!released) open -= 1;
        released = true;
      };
    },
  };
}

export function handleEvents(req: IncomingMessage, res: ServerResponse, events: EventHub, heartbeatMs: number, slots: StreamSlots): void {
  const release = slots.take();
  if (!release) {
    return sendReply(res, { ok: false, error: apiError('rate_limited', 'Too many Stoa pages are open on this server; close one and reload this page.') });
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const heartbeat = setInterval(() => res.write(`data: ${JSON.stringify({ type: 'heartbeat', at: new Date().toISOString() })}\n\n`), heartbeatMs);
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    release();
  });
}
