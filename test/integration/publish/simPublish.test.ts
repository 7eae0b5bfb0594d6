// The Instagram simulator's publishing contract over HTTP (what the connector is tested against):
// the container state machine on the virtual clock, carousel size, product_tags checks against the
// seeded catalog, the quota, and the published media in GET /__sim/state.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { photo } from '../media/images.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { createVirtualClock, startSimulators, type RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { createInstagramSimulator } from '../../../src/platforms/instagram/simulator.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { CATALOG_SEED, published } from './harness.ts';

const tempDir = useTempDir('stoa-sim-publish-');
let sim: RunningSimulators | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function start(quota = 50): Promise<{ s: RunningSimulators; graph: (method: 'GET' | 'POST', path: string, params?: Record<string, string>) => Promise<{ status: number; body: Record<string, unknown> }>; productIds: string[] }> {
  const s = await startSimulators({ seed: 'sim-publish', clock: createVirtualClock(new Date('2026-12-01T09:00:00Z')), simulators: { instagram: (c) => createInstagramSimulator(c, { seedLimit: 20, mediaCount: 2, creatorCount: 0, catalogProducts: [...CATALOG_SEED, { retailerId: 'BAD', name: 'Rejected', reviewStatus: 'rejected' }], publishQuota: quota }) } });
  sim = s;
  const account = s.accounts()['instagram'];
  const token = account?.credentials.kind === 'access_token' ? account.credentials.accessToken : '';
  const graph = async (method: 'GET' | 'POST', path: string, params: Record<string, string> = {}) => {
    const query = new URLSearchParams(params).toString();
    const url = `${s.url}/instagram/v21.0/${path}${method === 'GET' && query ? `?${query}` : ''}`;
    const response = await fetch(url, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' }, ...(method === 'POST' ? { body: query } : {}) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const products = (s.simulator('instagram') as unknown as { catalog: { products: { product_id: string }[] } }).catalog.products.map((p) => p.product_id);
  return { s, graph, productIds: products };
}

const IG = '17841400000000001';

/** Puts bytes on the sim host's media route, as Stoa's media host step does, and returns their URL. */
async function hosted(s: RunningSimulators, name: string, bytes: Buffer): Promise<string> {
  const url = `${s.url}/__sim/media-host/${name}`;
  const put = await fetch(url, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: bytes });
  if (!put.ok) throw new Error(`PUT ${url}: ${put.status}`);
  return url;
}

describe('Instagram simulator publishing', () => {
  it('moves a container IN_PROGRESS → FINISHED → PUBLISHED, and one past 24 h to EXPIRED', async () => {
    const { s, graph } = await start();
    const url = await hosted(s, 'a.jpg', await photo(64, 64));
    const a = (await graph('POST', `${IG}/media`, { image_url: url, caption: 'one' })).body['id'] as string;
    const status = async (id: string) => (await graph('GET', id, { fields: 'status_code' })).body['status_code'];
    expect(await status(a)).toBe('IN_PROGRESS');
    expect(await status(a)).toBe('FINISHED');
    const media = await graph('POST', `${IG}/media_publish`, { creation_id: a });
    expect(media.status).toBe(200);
    expect(await status(a)).toBe('PUBLISHED');
    expect((await graph('POST', `${IG}/media_publish`, { creation_id: a })).status).toBe(400);
    expect(published(s)).toHaveLength(1);

    const b = (await graph('POST', `${IG}/media`, { image_url: url, caption: 'two' })).body['id'] as string;
    s.clock.advance(24 * 3_600_000);
    expect(await status(b)).toBe('EXPIRED');
    expect((await graph('POST', `${IG}/media_publish`, { creation_id: b })).body).toMatchObject({ error: { code: 9007, error_subcode: 2207020 } });
    // A JPEG cut short is fetched, then fails to process.
    const whole = await photo(64, 64);
    const cut = (await graph('POST', `${IG}/media`, { image_url: await hosted(s, 'cut.jpg', whole.subarray(0, whole.length / 2)) })).body['id'] as string;
    expect(await status(cut)).toBe('ERROR');
  });

  it('checks carousel size and product tags, and counts the quota', async () => {
    const { s, graph, productIds } = await start(1);
    const url = await hosted(s, 'look.jpg', await photo(64, 64));
    const [shirt, mug, rejected] = productIds;
    const bad = async (params: Record<string, string>) => (await graph('POST', `${IG}/media`, params)).body['error'] as { message: string } | undefined;
    expect((await bad({ image_url: url, is_carousel_item: 'true', product_tags: JSON.stringify([{ product_id: shirt, x: 1.2, y: 0.5 }]) }))?.message).toMatch(/x'\] must be a number less than or equal to 1/);
    expect((await bad({ image_url: url, product_tags: JSON.stringify([{ product_id: '123', x: 0.2, y: 0.5 }]) }))?.message).toMatch(/not in a catalog/);
    expect((await bad({ image_url: url, product_tags: JSON.stringify([{ product_id: rejected, x: 0.2, y: 0.5 }]) }))?.message).toMatch(/rejected/);
    const child = async (tags: unknown[]) => (await graph('POST', `${IG}/media`, { image_url: url, is_carousel_item: 'true', product_tags: JSON.stringify(tags) })).body['id'] as string;
    const c1 = await child([{ product_id: shirt, x: 0.1, y: 0.2 }]);
    expect((await bad({ media_type: 'CAROUSEL', children: c1, caption: 'solo' }))?.message).toMatch(/2 to 10 children, got 1/);
    const more = await Promise.all(Array.from({ length: 10 }, () => child([])));
    expect((await bad({ media_type: 'CAROUSEL', children: [c1, ...more].join(','), caption: 'too many' }))?.message).toMatch(/got 11/);
    const c2 = await child([{ product_id: mug, x: 0.7, y: 0.8 }]);
    const parent = (await graph('POST', `${IG}/media`, { media_type: 'CAROUSEL', children: `${c1},${c2}`, caption: 'pair' })).body['id'] as string;
    for (const id of [c1, c2, parent]) await graph('GET', id, { fields: 'status_code' });
    expect((await graph('GET', `${IG}/content_publishing_limit`)).body).toEqual({ data: [{ quota_usage: 0, config: { quota_total: 1, quota_duration: 86_400 } }] });
    expect((await graph('POST', `${IG}/media_publish`, { creation_id: parent })).status).toBe(200);
    expect(published(s)[0]).toMatchObject({ caption: 'pair', children: [{ product_tags: [{ product_id: shirt, x: 0.1, y: 0.2 }] }, { product_tags: [{ product_id: mug, x: 0.7, y: 0.8 }] }] });
    expect((await graph('GET', `${IG}/content_publishing_limit`)).body).toMatchObject({ data: [{ quota_usage: 1 }] });
    const next = (await graph('POST', `${IG}/media`, { image_url: url, caption: 'over' })).body['id'] as string;
    await graph('GET', next, { fields: 'status_code' });
    expect((await graph('POST', `${IG}/media_publish`, { creation_id: next })).body).toMatchObject({ error: { code: 9, error_subcode: 2207042 } });
    // The published carousel is on the account's media edge, where a client finds it after a lost reply.
    const edge = (await graph('GET', `${IG}/media`, { fields: 'id,caption,permalink' })).body['data'] as { caption: string }[];
    expect(edge[0]?.caption).toBe('pair');
  });

  it('fetches image_url when the container is made and refuses what Meta could not fetch (9004 / 2207052)', async () => {
    const { s, graph } = await start();
    const file = join(tempDir(), 'local.jpg');
    writeFileSync(file, await photo(32, 32));
    const refused = async (image_url: string) => {
      const reply = await graph('POST', `${IG}/media`, { image_url, caption: 'x' });
      expect(reply.status).toBe(400);
      return reply.body['error'] as { code: number; error_subcode: number; error_user_msg: string };
    };
    expect(await refused(pathToFileURL(file).toString())).toMatchObject({ code: 9004, error_subcode: 2207052, error_user_msg: expect.stringMatching(/could not be fetched from this uri/) });
    expect(await refused(`${s.url}/__sim/media-host/never-uploaded.jpg`)).toMatchObject({ code: 9004, error_subcode: 2207052, error_user_msg: expect.stringMatching(/HTTP 404/) });
    expect(await refused('http://127.0.0.1:9/unreachable.jpg')).toMatchObject({ code: 9004, error_subcode: 2207052, error_user_msg: expect.stringMatching(/no server answered/) });
    expect(await refused(await hosted(s, 'a.png', await photo(32, 32, 'png')))).toMatchObject({ code: 9004, error_user_msg: expect.stringMatching(/not a JPEG/) });
    // None of them became a container; a hosted JPEG does.
    expect((s.simulator('instagram') as unknown as { publishing: { containers: Map<string, unknown> } }).publishing.containers.size).toBe(0);
    expect((await graph('POST', `${IG}/media`, { image_url: await hosted(s, 'ok.jpg', await photo(32, 32)), caption: 'ok' })).status).toBe(200);
  });
});
