// Publishing to Pinterest through the publisher over real HTTP against the simulator, with a real
// workspace (SQLite, imported catalog and photos): a single pin on the account's default board with
// the post's own link, a carousel on the board chosen for the post linking to the tagged product's
// page, and a create whose reply is lost and whose first reconciliation read fails — replayed on the
// next pass by reading the board, without a second pin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { createPinterestSimulator, type PinterestSimulator } from '../../../src/platforms/pinterest/index.ts';
import { startSimulators, type RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { listPublishJobs } from '../../../src/store/publishJobs.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { movableClock, openPublishWorkspace, type PublishWorkspace } from './harness.ts';

const tempDir = useTempDir('stoa-pin-publish-');
let sim: RunningSimulators | null = null;
let ws: PublishWorkspace | null = null;
afterEach(async () => {
  ws?.close();
  ws = null;
  await sim?.close();
  sim = null;
});

interface PinView {
  readonly id: string;
  readonly permalink: string;
  readonly caption: string;
  readonly title: string | null;
  readonly link: string | null;
  readonly board_id: string;
  readonly children: { id: string; product_tags: unknown[] }[];
  readonly product_tags: unknown[];
}

const startPinterest = (seed: string) => startSimulators({ seed, faultRate: 0, simulators: { pinterest: (context) => createPinterestSimulator(context, { creatorCount: 0 }) } });
async function pins(s: RunningSimulators): Promise<PinView[]> {
  const state = (await (await fetch(`${s.url}/__sim/state`)).json()) as { platforms: { pinterest: { published: PinView[] } } };
  return state.platforms.pinterest.published;
}
const pinterestSim = (s: RunningSimulators) => s.simulator('pinterest') as PinterestSimulator;

async function queuedPin(w: PublishWorkspace, content: { caption: string; title: string; link?: string; media: string[]; tag?: string }): Promise<string> {
  const { post, check } = await callOrThrow(w.client, 'posts.create', {
    content: { targets: ['pinterest'], caption: content.caption, title: content.title, link: content.link ?? null, media: content.media.map((assetId) => ({ assetId })), productTags: content.tag ? [{ mediaIndex: 0, productId: content.tag, x: 0.5, y: 0.5 }] : [] },
  });
  if (!check.ok) throw new Error(`post not valid: ${JSON.stringify(check.violations)} ${JSON.stringify(check.findings.map((f) => f.id))}`);
  const queued = await callOrThrow(w.client, 'posts.publish', { id: post.id });
  if (queued.state !== 'publishing') throw new Error(`post is ${queued.state}`);
  return post.id;
}

describe('publishing to Pinterest', () => {
  it('publishes a single pin with its link on the default board and stores the permalink', async () => {
    sim = await startPinterest('pin-single');
    ws = await openPublishWorkspace(tempDir(), sim, 1);
    const id = await queuedPin(ws, { caption: '#ad The linen shirt, in the morning light.', title: 'Linen shirt', link: 'https://shop.example.com/products/linen-shirt', media: [ws.assets[0] as string] });
    expect(await ws.service.publishDue()).toMatchObject({ published: 1, failed: 0, deferred: 0 });
    const [pin, ...rest] = await pins(sim);
    expect(rest).toEqual([]);
    expect(pin).toMatchObject({ caption: '#ad The linen shirt, in the morning light.', title: 'Linen shirt', link: 'https://shop.example.com/products/linen-shirt', board_id: pinterestSim(sim).demoAccount().options?.['boardId'], children: [], product_tags: [] });
    expect(await callOrThrow(ws.client, 'posts.get', { id })).toMatchObject({ state: 'published', permalink: pin?.permalink });
    expect(await ws.service.publishDue()).toMatchObject({ published: 0 });
    expect(await pins(sim)).toHaveLength(1);
  });

  it('publishes a carousel on the post’s board, linking to the tagged product’s page', async () => {
    sim = await startPinterest('pin-carousel');
    ws = await openPublishWorkspace(tempDir(), sim, 3);
    const feed = readFileSync(join(import.meta.dirname, '../../fixtures/catalog/merchant-feed.tsv')).toString('base64');
    await callOrThrow(ws.client, 'catalog.import', { name: 'merchant-feed.tsv', dataBase64: feed });
    const product = ws.backend.context.db.prepare("SELECT id, link FROM catalog_products WHERE link LIKE 'https://shop.example.com/%' ORDER BY id LIMIT 1").get() as { id: string; link: string };
    const id = await queuedPin(ws, { caption: '#ad Three ways to wear the trail runners.', title: 'Trail runners, three ways', media: ws.assets, tag: product.id });
    // The composer lists the account's boards and stores the one chosen with the post.
    const listed = await callOrThrow(ws.client, 'pinterest.boards', {});
    expect(listed.boards.map((b) => b.name)).toEqual(['Shop the look', 'Behind the scenes']);
    expect(listed.defaultBoardId).toBe(listed.boards[0]?.id);
    const board = listed.boards[1];
    if (!board) throw new Error('the shop has one board');
    expect(await ws.client.call('posts.board.set', { id, boardId: 'not-a-board' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await callOrThrow(ws.client, 'posts.board.set', { id, boardId: board.id })).toEqual({ boardId: board.id });
    expect(await callOrThrow(ws.client, 'posts.board.get', { id })).toEqual({ boardId: board.id });
    expect(await ws.service.publishDue()).toMatchObject({ published: 1, failed: 0 });
    const [pin] = await pins(sim);
    expect(pin).toMatchObject({ board_id: board.id, link: product.link, product_tags: [] });
    expect(pin?.children).toHaveLength(3);
    const sent = JSON.parse(sim.requests('pinterest').find((r) => r.method === 'POST' && r.path === '/v5/pins')?.body ?? '{}') as { media_source: { source_type: string } };
    expect(sent.media_source.source_type).toBe('multiple_image_base64');
  });

  it('a lost reply whose first check also fails is replayed by reading the board: still one pin', async () => {
    sim = await startPinterest('pin-replay');
    const clock = movableClock();
    ws = await openPublishWorkspace(tempDir(), sim, 1, clock);
    const id = await queuedPin(ws, { caption: '#ad Mug season.', title: 'Speckled mug', link: 'https://shop.example.com/products/mug', media: [ws.assets[0] as string] });
    sim.faults.inject({ platform: 'pinterest', method: 'POST', path: '/v5/pins', kind: 'commit_then_drop' });
    sim.faults.inject({ platform: 'pinterest', method: 'GET', path: '/pins', kind: 'server_error', times: 20 });
    expect(await ws.service.publishDue()).toMatchObject({ published: 0, deferred: 1 });
    const [job] = listPublishJobs(ws.backend.context.db, id);
    expect(job?.progress).toMatchObject({ createSent: true });
    expect(await pins(sim)).toHaveLength(1);
    sim.faults.clear();
    clock.advance(10 * 60_000);
    expect(await ws.service.publishDue()).toMatchObject({ published: 1, failed: 0 });
    const out = await pins(sim);
    expect(out).toHaveLength(1);
    expect(await callOrThrow(ws.client, 'posts.get', { id })).toMatchObject({ state: 'published', permalink: out[0]?.permalink });
    expect(sim.requests('pinterest').filter((r) => r.method === 'POST' && r.path === '/v5/pins')).toHaveLength(1);
  });
});
