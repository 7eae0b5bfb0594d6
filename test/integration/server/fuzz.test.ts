// Hostile requests over real sockets against a real server: every one gets an HTTP answer (with
// nosniff), and the server is still serving afterwards. `stoa serve` itself survives `GET /%zz`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveWorkspace, type ServedWorkspace } from '../../../src/server/main.ts';
import { startCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { malformedRequests } from './malformedRequests.ts';
import { sendRaw } from './rawSocket.ts';

const tempDir = useTempDir();
const TOKEN = 'fuzz-token-abcdefghijklmnopq';
const SEED = 20261203;
const CASES = 400;
let served: ServedWorkspace | null = null;
const killers: (() => void)[] = [];

afterEach(async () => {
  await served?.close();
  served = null;
  for (const kill of killers.splice(0)) kill();
});

function uiDir(): string {
  const dir = join(tempDir(), 'ui');
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Stoa</title>');
  return dir;
}

const get = (port: number, path: string): Buffer => Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 'latin1');

describe('the server under malformed requests', () => {
  it(`answers each of ${CASES} generated hostile requests (seed ${SEED}) and keeps serving`, { timeout: 180_000 }, async () => {
    const ui = uiDir();
    const bugs: string[] = [];
    served = await serveWorkspace({
      dataDir: join(tempDir(), 'data'),
      token: TOKEN,
      uiDir: ui,
      log: (line) => { if (line.startsWith('bug')) bugs.push(line); },
      limits: { headersTimeoutMs: 300, requestTimeoutMs: 500 },
    });
    const { port } = served.server;
    const requests = malformedRequests(SEED, CASES, port, TOKEN);
    const unanswered: string[] = [];
    const sniffable: string[] = [];
    // Eight at a time: enough to overlap the requests that wait out a lying Content-Length.
    for (let start = 0; start < requests.length; start += 8) {
      const batch = requests.slice(start, start + 8);
      // 2 s: past the 0.5 s request limit; an event stream that opened is still open by then.
      const answers = await Promise.all(batch.map((r) => sendRaw(port, r.bytes, 2_000)));
      answers.forEach((answer, i) => {
        const request = batch[i];
        if (!request) return;
        if (answer.status < 100 || answer.status > 599) unanswered.push(`#${request.index} ${request.summary}`);
        else if (answer.headers['x-content-type-options'] !== 'nosniff') sniffable.push(`#${request.index} ${answer.status} ${request.summary}`);
      });
    }
    expect(unanswered, `requests with no HTTP answer (seed ${SEED})`).toEqual([]);
    expect(sniffable, `answers without nosniff (seed ${SEED})`).toEqual([]);
    expect((await sendRaw(port, get(port, '/'))).status).toBe(200);
    const info = await sendRaw(port, `POST /api/system.info HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect(info.status).toBe(200);
    // A bad request is the caller's mistake, not a bug in a handler.
    expect(bugs).toEqual([]);
  });

  it('answers a bad percent-escape with 400, and a bad escape cannot escape the UI folder', async () => {
    served = await serveWorkspace({ dataDir: join(tempDir(), 'data'), token: TOKEN, uiDir: uiDir() });
    const { port } = served.server;
    for (const path of ['/%zz', '/%', '/%c0%af', '/assets/%E0%A4%A']) {
      const answer = await sendRaw(port, get(port, path));
      expect(answer.status, path).toBe(400);
      expect(answer.headers['content-security-policy'], path).toContain("default-src 'self'");
    }
    expect((await sendRaw(port, get(port, '/'))).status).toBe(200);
  });

  it('keeps `stoa serve` running after GET /%zz', async () => {
    const dir = tempDir();
    const { child, firstLine } = await startCli(['serve', '--no-open', '--data-dir', join(dir, 'data')]);
    killers.push(() => child.kill('SIGKILL'));
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(firstLine)?.[1]);
    expect((await sendRaw(port, get(port, '/%zz'))).status).toBe(400);
    expect(child.exitCode).toBeNull();
    const again = await sendRaw(port, get(port, '/api/events'));
    expect(again.status).toBe(401);
  });
});
