// Resource limits and response headers of the browser-mode server, over real sockets: a trickled
// body or header block is answered 408 and closed, event streams are capped per launch, and every
// kind of answer carries nosniff and the CSP.
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveWorkspace, type ServedWorkspace } from '../../../src/server/main.ts';
import type { ServerLimits } from '../../../src/server/httpServer.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { parseAnswer, sendRaw, type RawAnswer } from './rawSocket.ts';

const tempDir = useTempDir();
const TOKEN = 'limits-token-abcdefghijklmnop';
let served: ServedWorkspace | null = null;
const sockets: Socket[] = [];
const logs: string[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await served?.close();
  served = null;
  logs.length = 0;
});

async function start(limits: Partial<ServerLimits> = {}): Promise<number> {
  const dir = tempDir();
  const ui = join(dir, 'ui');
  mkdirSync(ui);
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Stoa</title>');
  served = await serveWorkspace({ dataDir: join(dir, 'data'), token: TOKEN, uiDir: ui, limits, log: (line) => logs.push(line) });
  return served.server.port;
}

/** Sends `head`, then `trickle` one byte per `everyMs`, and resolves with what came back once the server closed. */
function trickle(port: number, head: string, trickleText: string, everyMs: number): Promise<{ answer: RawAnswer; bytesSent: number }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    sockets.push(socket);
    let received = '';
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < trickleText.length && !socket.destroyed) socket.write(trickleText[sent++] ?? '');
    }, everyMs);
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer: parseAnswer(received), bytesSent: sent });
    });
    socket.write(head);
  });
}

/** Opens an event stream and resolves with the status line once the headers arrive (the socket stays open). */
function openEvents(port: number): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    sockets.push(socket);
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n')) resolve(parseAnswer(received));
    });
    socket.on('close', () => resolve(parseAnswer(received)));
    socket.on('error', () => undefined);
    socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`);
  });
}

describe('browser-mode server limits', () => {
  it('answers 408 and closes a connection whose body trickles in', async () => {
    const port = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const body = JSON.stringify({ limit: 5, padding: 'x'.repeat(200) });
    const head = `POST /api/items.list HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    // A byte every 50 ms keeps the socket busy, so only a limit on the whole request can end it.
    const { answer, bytesSent } = await trickle(port, head, body, 50);
    expect(answer.status).toBe(408);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(bytesSent).toBeLessThan(body.length);
    // A client cut off, or one that hangs up mid-body, is not a bug in a handler.
    await sendRaw(port, `${head}{"lim`, 50);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(logs.filter((line) => line.startsWith('bug'))).toEqual([]);
  });

  it('answers 408 and closes a connection whose headers trickle in', async () => {
    const port = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const headers = `Host: 127.0.0.1:${port}\r\nX-Padding: ${'p'.repeat(200)}\r\n\r\n`;
    const { answer, bytesSent } = await trickle(port, 'GET / HTTP/1.1\r\n', headers, 50);
    expect(answer.status).toBe(408);
    expect(bytesSent).toBeLessThan(headers.length);
  });

  it('keeps an event stream open past the request timeout (the limit is on receiving the request)', async () => {
    const port = await start({ headersTimeoutMs: 100, requestTimeoutMs: 200 });
    expect((await openEvents(port)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sockets[0]?.destroyed).toBe(false);
    expect(sockets[0]?.readableEnded).toBe(false);
  });

  it('caps open event streams per launch and frees a slot when one closes', async () => {
    const port = await start({ maxEventStreams: 2 });
    expect((await openEvents(port)).status).toBe(200);
    expect((await openEvents(port)).status).toBe(200);
    const refused = await openEvents(port);
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('"code":"rate_limited"');
    sockets[0]?.destroy();
    // The server learns of the close asynchronously; a new stream is accepted once it has.
    let next = await openEvents(port);
    for (let attempt = 0; next.status !== 200 && attempt < 50; attempt++) {
      await new Promise((r) => setTimeout(r, 20));
      next = await openEvents(port);
    }
    expect(next.status).toBe(200);
  });

  it('sends nosniff and the CSP with every kind of answer', async () => {
    const port = await start();
    const request = (line: string, extra = ''): Promise<RawAnswer> => sendRaw(port, `${line} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${extra}\r\n`);
    const answers: [string, RawAnswer][] = [
      ['200 page', await request('GET /')],
      ['404 asset', await request('GET /missing.js')],
      ['400 bad path', await request('GET /%zz')],
      ['401 no token', await request('POST /api/system.info', 'Content-Length: 0\r\n')],
      ['403 foreign host', await sendRaw(port, 'GET / HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n')],
      ['200 api', await request('POST /api/system.info', `Authorization: Bearer ${TOKEN}\r\nContent-Length: 0\r\n`)],
      ['404 api', await request('POST /api/no.such', `Authorization: Bearer ${TOKEN}\r\nContent-Length: 0\r\n`)],
    ];
    for (const [name, answer] of answers) {
      expect(answer.status, name).toBe(Number(name.slice(0, 3)));
      expect(answer.headers['x-content-type-options'], name).toBe('nosniff');
      expect(answer.headers['content-security-policy'], name).toContain("frame-ancestors 'none'");
    }
  });
});
