// The media host step of Instagram publishing, over real HTTP: renditions are PUT once
// (content-addressed, HEAD first) to a WebDAV-style host that wants a bearer token, the simulator
// fetches image_url from the public address at container creation, and the token is stored only
// encrypted. Without a host nothing is sent to Instagram; a host answering 500 defers the publish,
// and the later attempt makes one container, not two.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import type { RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { setSetting } from '../../../src/store/settings.ts';
import { NO_MEDIA_HOST } from '../../../src/sync/publish.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { photo } from '../media/images.ts';
import { CATALOG_SEED, movableClock, openPublishWorkspace, published, queuedPost, startInstagram, type PublishWorkspace } from './harness.ts';

const tempDir = useTempDir('stoa-media-host-');
const TOKEN = 'tok-5ecret-upl0ad';
let sim: RunningSimulators | null = null;
let ws: PublishWorkspace | null = null;
let host: TestHost | null = null;
afterEach(async () => {
  ws?.close();
  ws = null;
  await sim?.close();
  sim = null;
  await host?.close();
  host = null;
});

interface TestHost {
  readonly url: string;
  readonly requests: { method: string; path: string; auth: string | undefined }[];
  readonly files: Map<string, Buffer>;
  /** While set, uploads (HEAD and PUT) answer this status. */
  failWith: number | null;
  close(): Promise<void>;
}

/** A WebDAV/nginx-style host: PUT stores under /up/ with a bearer token, GET /pub/ serves publicly. */
async function startHost(): Promise<TestHost> {
  const files = new Map<string, Buffer>();
  const requests: TestHost['requests'] = [];
  const state: { failWith: number | null } = { failWith: null };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      requests.push({ method: req.method ?? '', path, auth: req.headers.authorization });
      const name = path.split('/').pop() ?? '';
      if (path.startsWith('/pub/') && req.method === 'GET') {
        const body = files.get(name);
        res.writeHead(body ? 200 : 404, { 'content-type': 'image/jpeg' }).end(body);
        return;
      }
      if (!path.startsWith('/up/')) return void res.writeHead(404).end();
      if (state.failWith !== null) return void res.writeHead(state.failWith).end('down');
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401).end();
      if (req.method === 'HEAD') return void res.writeHead(files.has(name) ? 200 : 404).end();
      if (req.method === 'PUT') {
        files.set(name, Buffer.concat(chunks));
        return void res.writeHead(201).end();
      }
      res.writeHead(405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url,
    requests,
    files,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  });
}

const containerPosts = (s: RunningSimulators) => s.requests('instagram').filter((r) => r.method === 'POST' && r.path.endsWith('/media'));

describe('Instagram publishing through the media host', () => {
  it('uploads each rendition once, and Instagram fetches it from the public address', async () => {
    sim = await startInstagram('media-host-upload', { catalogProducts: CATALOG_SEED });
    host = await startHost();
    ws = await openPublishWorkspace(tempDir(), sim, 2);
    const set = await callOrThrow(ws.client, 'mediaHost.set', { uploadUrl: `${host.url}/up/`, publicBase: `${host.url}/pub`, token: TOKEN });
    expect(set.host).toEqual({ uploadUrl: `${host.url}/up`, publicBase: `${host.url}/pub`, hasToken: true });
    // The token is in the workspace only as ciphertext.
    const rows = ws.backend.context.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    expect(rows.some((r) => r.key === 'publishing.mediaHost')).toBe(true);
    expect(rows.some((r) => r.value.includes(TOKEN))).toBe(false);

    const other = await callOrThrow(ws.client, 'media.import', { name: 'other.jpg', dataBase64: (await photo(1200, 1500)).toString('base64') });
    const first = await queuedPost(ws, 'Two looks. #slowliving', [ws.assets[0] as string, other.asset.id]);
    expect(await ws.service.publishDue()).toMatchObject({ published: 1, failed: 0 });
    expect(host.files.size).toBe(2);
    expect(host.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
    expect(host.requests.filter((r) => r.path.startsWith('/up/')).every((r) => r.auth === `Bearer ${TOKEN}`)).toBe(true);
    // Each child container's image_url is on the public base, named by the bytes' sha256, and the simulator fetched it.
    const urls = containerPosts(sim).map((r) => new URLSearchParams(r.body).get('image_url')).filter((u): u is string => u !== null);
    expect(urls).toHaveLength(2);
    for (const u of urls) expect(u).toMatch(new RegExp(`^${host.url}/pub/[0-9a-f]{64}\\.jpg$`));
    expect(host.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/pub/')).map((r) => `${host?.url}${r.path}`).sort()).toEqual([...urls].sort());
    expect((await callOrThrow(ws.client, 'posts.get', { id: first })).state).toBe('published');

    // The same pictures again (assets[1] has the bytes of assets[0]): HEAD finds them, nothing is uploaded twice.
    await queuedPost(ws, 'Again. #slowliving', [ws.assets[1] as string, other.asset.id]);
    expect(await ws.service.publishDue()).toMatchObject({ published: 1 });
    expect(host.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
    expect(published(sim)).toHaveLength(2);
  });

  it('refuses before any Instagram call when no media host is set', async () => {
    sim = await startInstagram('media-host-none', { catalogProducts: CATALOG_SEED });
    ws = await openPublishWorkspace(tempDir(), sim, 1);
    // A real workspace (not the demo) gets no simulator fallback.
    setSetting(ws.backend.context.db, 'demo', false);
    const id = await queuedPost(ws, 'Nowhere to host it.', [ws.assets[0] as string]);
    const before = sim.requests('instagram').length;
    expect(await ws.service.publishDue()).toMatchObject({ published: 0, failed: 1 });
    const post = await callOrThrow(ws.client, 'posts.get', { id });
    expect(post).toMatchObject({ state: 'failed', failure: NO_MEDIA_HOST });
    expect(sim.requests('instagram')).toHaveLength(before);
    expect(published(sim)).toEqual([]);
  });

  it('defers the publish while the host answers 500, then makes one container', async () => {
    sim = await startInstagram('media-host-500', { catalogProducts: CATALOG_SEED });
    host = await startHost();
    const clock = movableClock();
    ws = await openPublishWorkspace(tempDir(), sim, 1, clock);
    await callOrThrow(ws.client, 'mediaHost.set', { uploadUrl: `${host.url}/up`, publicBase: `${host.url}/pub`, token: TOKEN });
    const id = await queuedPost(ws, 'After the outage. #slowliving', [ws.assets[0] as string]);
    host.failWith = 500;
    expect(await ws.service.publishDue()).toMatchObject({ published: 0, failed: 0, deferred: 1 });
    expect(containerPosts(sim)).toHaveLength(0);
    expect((await callOrThrow(ws.client, 'posts.get', { id })).state).toBe('publishing');
    // Not due yet: nothing is tried again at once.
    host.failWith = null;
    expect(await ws.service.publishDue()).toMatchObject({ published: 0, deferred: 0 });
    clock.advance(6 * 60_000);
    expect(await ws.service.publishDue()).toMatchObject({ published: 1, failed: 0 });
    expect(containerPosts(sim)).toHaveLength(1);
    expect(host.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(published(sim)).toHaveLength(1);
    expect((await callOrThrow(ws.client, 'posts.get', { id })).state).toBe('published');
  });

  it('fails with a sentence about the token when the host refuses it (401), and sends no container', async () => {
    sim = await startInstagram('media-host-401', { catalogProducts: CATALOG_SEED });
    host = await startHost();
    ws = await openPublishWorkspace(tempDir(), sim, 1);
    await callOrThrow(ws.client, 'mediaHost.set', { uploadUrl: `${host.url}/up`, publicBase: `${host.url}/pub`, token: 'not-the-token' });
    const id = await queuedPost(ws, 'Wrong key. #slowliving', [ws.assets[0] as string]);
    expect(await ws.service.publishDue()).toMatchObject({ published: 0, failed: 1 });
    expect((await callOrThrow(ws.client, 'posts.get', { id })).failure).toBe(`The media host ${new URL(host.url).host} refused the upload (401: check the token in Settings → Publishing).`);
    expect(containerPosts(sim)).toHaveLength(0);
    expect(host.files.size).toBe(0);
  });

  it('refuses a public base that is not https, naming why', async () => {
    sim = await startInstagram('media-host-bad', { catalogProducts: CATALOG_SEED });
    ws = await openPublishWorkspace(tempDir(), sim, 0);
    const reply = await ws.client.call('mediaHost.set', { uploadUrl: 'https://bucket.example.com/up', publicBase: 'http://cdn.example.com/img' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/public base URL must be https:\/\//);
    expect(await callOrThrow(ws.client, 'mediaHost.get', {})).toEqual({ host: null });
  });
});
