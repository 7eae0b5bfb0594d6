// The browser-mode host: an HTTP server on 127.0.0.1 that puts the same dispatch() behind
// POST /api/<method>, streams events, and serves the built UI.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../api/dispatch.ts';
import type { EventHub } from '../api/events.ts';
import { apiError } from '../api/errors.ts';
import { handleCall, handleEvents, sendReply } from './apiRoutes.ts';
import { allowedHosts, checkOrigin, checkToken } from './guards.ts';
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
}

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

  const server: Server = createServer((req, res) => {
    const started = Date.now();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    res.on('finish', () => log(`${req.method ?? '?'} ${path} ${res.statusCode} ${Date.now() - started}ms`));

    const origin = checkOrigin(req, hosts);
    if (!origin.ok) return sendReply(res, { ok: false, error: apiError('forbidden', origin.message) });
    if (!path.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendReply(res, { ok: false, error: apiError('bad_request', 'Only GET is served here.') });
      return serveStatic(options.uiDir, path, res);
    }
    const auth = checkToken(req, options.token);
    if (!auth.ok) return sendReply(res, { ok: false, error: apiError('unauthorized', auth.message) });
    if (path === '/api/events' && req.method === 'GET') return handleEvents(req, res, options.events, options.heartbeatMs ?? 15_000);
    if (req.method !== 'POST') return sendReply(res, { ok: false, error: apiError('bad_request', 'API calls use POST /api/<method>.') });
    handleCall(req, res, path.slice('/api/'.length), options.handlers, reportBug).catch((error: unknown) => {
      reportBug(path, error);
      if (!res.headersSent) sendReply(res, { ok: false, error: apiError('internal', 'Stoa hit an unexpected problem.') });
    });
  });

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
