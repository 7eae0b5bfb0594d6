import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { serveWorkspace, type ServedWorkspace } from '../../../src/server/main.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();
const TOKEN = 'launch-token-abcdefghijklmnop';
let served: ServedWorkspace | null = null;
const logs: string[] = [];

afterEach(async () => {
  await served?.close();
  served = null;
  logs.length = 0;
});

async function start(): Promise<ServedWorkspace> {
  const dir = tempDir();
  const uiDir = join(dir, 'ui');
  mkdirSync(uiDir);
  writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>Stoa</title>');
  writeFileSync(join(dir, 'outside.txt'), 'secret file outside the UI folder');
  served = await serveWorkspace({ dataDir: join(dir, 'data'), token: TOKEN, uiDir, log: (line) => logs.push(line) });
  return served;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so the test controls every header, Host included (fetch would not let it). */
function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = { authorization: `Bearer ${TOKEN}` };

describe('browser-mode server security', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { server } = await start();
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=`));
    const external = Object.values(networkInterfaces()).flat().find((n) => n && n.family === 'IPv4' && !n.internal);
    if (external) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: external.address, port: server.port });
        socket.on('connect', () => { socket.destroy(); resolve(false); });
        socket.on('error', () => resolve(true));
      });
      expect(refused).toBe(true);
    }
  });

  it('answers 401 without a token or with a wrong one', async () => {
    const { server } = await start();
    const none = await raw(server.port, { path: '/api/system.info', body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await raw(server.port, { path: '/api/system.info', body: '{}', headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const events = await raw(server.port, { method: 'GET', path: '/api/events' });
    expect(events.status).toBe(401);
    const ok = await raw(server.port, { path: '/api/system.info', body: '{}', headers: auth });
    expect(ok.status).toBe(200);
  });

  it('answers 403 when Host or Origin is not its loopback address (DNS rebinding)', async () => {
    const { server } = await start();
    const rebound = await raw(server.port, { path: '/api/system.info', body: '{}', headers: { ...auth, host: `attacker.example:${server.port}` } });
    expect(rebound.status).toBe(403);
    const page = await raw(server.port, { method: 'GET', path: '/', headers: { host: 'attacker.example' } });
    expect(page.status).toBe(403);
    const crossSite = await raw(server.port, { path: '/api/system.info', body: '{}', headers: { ...auth, origin: 'https://attacker.example' } });
    expect(crossSite.status).toBe(403);
    const sameSite = await raw(server.port, { path: '/api/system.info', body: '{}', headers: { ...auth, origin: `http://localhost:${server.port}` } });
    expect(sameSite.status).toBe(200);
  });

  it('turns malformed bodies into typed errors and writes nothing', async () => {
    const { server, backend } = await start();
    const before = backend.context.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get();
    const broken = await raw(server.port, { path: '/api/items.list', body: '{"limit": ', headers: auth });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const huge = await raw(server.port, { path: '/api/items.search', body: JSON.stringify({ query: 'x'.repeat(2_000_000) }), headers: auth });
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const unknown = await raw(server.port, { path: '/api/no.such', body: '{}', headers: auth });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(backend.context.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual(before);
  });

  it('serves the UI with a strict CSP and nothing outside the UI folder', async () => {
    const { server } = await start();
    const index = await raw(server.port, { method: 'GET', path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.body).toContain('<title>Stoa</title>');
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/..%2foutside.txt']) {
      const escape = await raw(server.port, { method: 'GET', path });
      expect(escape.body).not.toContain('secret file');
    }
  });

  it('never writes the token to its log', async () => {
    const { server } = await start();
    await raw(server.port, { path: '/api/system.info', body: '{}', headers: auth });
    await raw(server.port, { method: 'GET', path: `/?token=${TOKEN}` });
    expect(logs.length).toBeGreaterThan(1);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });
});
