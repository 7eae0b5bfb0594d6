// The browser-mode host: an HTTP server on 127.0.0.1 that puts the same dispatch() behind
// POST /api/<method>, streams events, and serves the built UI.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Handlers } from '../api/dispatch.ts';
import type { EventHub } from '../api/events.ts';
import { apiError } from '../api/errors.ts';
import { handleCall, handleEvents, sendReply, streamSlots } from './apiRoutes.ts';
import { allowedHosts, checkOrigin, checkToken } from './guards.ts';
import { answerClientError, applySecurityHeaders, refuseConnect } from './hardening.ts';
import { serveStatic } from './staticFiles.ts';

export interface StoaServerOptions {
  readonly handlers: Handlers;
  readonly events: EventHub;
  readonly token: string;
  readonly uiDir: string;
  readonly port?: number;
  /** Request log lines; they carry method, path and status, never headers or the token. */
  readonly log?: (line: string) => void;
  readonly heartbeatMs?: number;
  readonly limits?: Partial<ServerLimits>;
}

/** What one client may hold of the server; past a limit it gets an answer (408, 429), not a hang. */
export interface ServerLimits {
  /** The whole header block must arrive within this; answered 408 and closed otherwise. */
  readonly headersTimeoutMs: number;
  /** Headers and body together must arrive within this (a body trickled a byte at a time is cut off). */
  readonly requestTimeoutMs: number;
  /** Open GET /api/events streams at once, across all clients of this launch. */
  readonly maxEventStreams: number;
}

export const DEFAULT_LIMITS: ServerLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, maxEventStreams: 32 };

export interface RunningServer {
  readonly port: number;
  /** The address to open, with the token in the fragment (never sent to the server, never logged). */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

export async function startStoaServer(options: StoaServerOptions): Promise<RunningServer> {
  const log = options.log ?? (() => undefined);
  let hosts = new Set<string>();
  const reportBug = (method: string, error: unknown) => log(`bug in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const slots = streamSlots(limits.maxEventStreams);

  const route = (req: IncomingMessage, res: ServerResponse, path: string): void => {
    const origin = checkOrigin(req, hosts);
    if (!origin.ok) return sendReply(res, { ok: false, error: apiError('forbidden', origin.message) });
    if (!path.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendReply(res, { ok: false, error: apiError('bad_request', 'Only GET is served here.') });
      return serveStatic(options.uiDir, path, res);
    }
    const auth = checkToken(req, options.token);
    if (!auth.ok) return sendReply(res, { ok: false, error: apiError('unauthorized', auth.message) });
    if (path === '/api/events' && req.method === 'GET') return handleEvents(req, res, options.events, options.heartbeatMs ?? 15_000, slots);
    if (req.method !== 'POST') return sendReply(res, { ok: false, error: apiError('bad_request', 'API calls use POST /api/<method>.') });
    handleCall(req, res, path.slice('/api/'.length), options.handlers, reportBug).catch((error: unknown) => answerFailure(res, path, error));
  };
  // Whatever a handler throws is this request's problem: it becomes an answer, never a dead server.
  const answerFailure = (res: ServerResponse, path: string, error: unknown): void => {
    if (error instanceof URIError) {
      if (!res.headersSent) sendReply(res, { ok: false, error: apiError('bad_request', 'The address is not valid.') });
      return;
    }
    reportBug(path, error);
    if (res.headersSent) res.destroy();
    else sendReply(res, { ok: false, error: apiError('internal', 'Stoa hit an unexpected problem.') });
  };

  const server: Server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs),
      // Node checks the two timeouts on this interval (default 30 s), so it bounds how late they fire.
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, limits.headersTimeoutMs / 4)),
    },
    (req, res) => {
      const started = Date.now();
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      res.on('finish', () => log(`${req.method ?? '?'} ${path} ${res.statusCode} ${Date.now() - started}ms`));
      applySecurityHeaders(res);
      try {
        route(req, res, path);
      } catch (error) {
        answerFailure(res, path, error);
      }
    },
  );
  server.on('clientError', answerClientError);
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => refuseConnect(socket));

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    // Loopback only: the server is never reachable from another machine.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  hosts = allowedHosts(port);
  const originUrl = `http://127.0.0.1:${port}`;
  return {
    port,
    origin: originUrl,
    url: `${originUrl}/#token=${options.token}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
