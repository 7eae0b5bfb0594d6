// The Pinterest v5 connector against its simulator over real HTTP on 127.0.0.1: OAuth refresh
// (saved before use; a 401 refreshes once and retries once), bookmark pagination of GET /pins,
// 429 with Retry-After and with x-ratelimit-reset only, a malformed pin quarantined, a page that is
// not a page refused with a clear error, requests validated against the copied v5 spec, single and
// carousel pins in /__sim/state, and a dropped or crashed POST /pins that never duplicates the pin.
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_PIN_PROGRESS, type PinPublishProgress, type PinPublishRequest } from '../../../src/platforms/pinterest/index.ts';
import { loadCreatorPins, PINS_SOURCE } from '../../../src/platforms/pinterest/simCreators.ts';
import { haveDatasets } from '../../support/datasets.ts';
import { startPinterestRig, type PinterestRig } from './pinterestHarness.ts';

let rig: PinterestRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

// A 1×1 JPEG's first bytes are enough for the simulator's content check (FF D8 FF).
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]).toString('base64');
const image = (alt = '') => ({ source: { kind: 'base64' as const, contentType: 'image/jpeg' as const, data: JPEG }, altText: alt });

function request(r: PinterestRig, extra: Partial<PinPublishRequest> = {}): PinPublishRequest {
  return { boardId: r.platform.defaultBoardId ?? '', title: 'Linen apron', description: '#ad The apron we wear in the shop.', link: 'https://shop.example.com/products/linen-apron', images: [image('A linen apron on a hook')], ...extra };
}

type State = { platforms: { pinterest: { published: { id: string; permalink: string; caption: string; children: unknown[]; product_tags: unknown[] }[]; writes: { action: string; applied: boolean }[] } } };
const simState = async (r: PinterestRig): Promise<State['platforms']['pinterest']> => ((await (await fetch(`${r.sims.url}/__sim/state`)).json()) as State).platforms.pinterest;

describe('Pinterest connector against the simulator', () => {
  it('refreshes the token before the first call, saves it first, and lists the shop’s boards', async () => {
    rig = await startPinterestRig();
    const verified = await rig.platform.auth.verify();
    expect(verified).toMatchObject({ status: 'ok', info: { identity: 'stoa.demo.pins' } });
    expect(rig.saved).toHaveLength(1);
    const boards = await rig.platform.listBoards();
    if (boards.status !== 'ok') throw new Error(boards.reason);
    expect(boards.boards.map((b) => b.name)).toEqual(['Shop the look', 'Behind the scenes']);
    const token = rig.requests().find((q) => q.path === '/v5/oauth/token');
    expect(new URLSearchParams(token?.body).get('grant_type')).toBe('refresh_token');
  });

  it('walks a creator’s pins page by page with bookmarks through Business Access', async () => {
    rig = await startPinterestRig({ creatorCount: 2, pinsPerCreator: 12 });
    const [creator] = rig.sim.creators;
    if (!creator) throw new Error('no creators');
    const expected = rig.sim.model.pinsOf(creator.userId).map((p) => p.id);
    const read = await rig.platform.readPins(creator.adAccountId, { pageSize: 2 });
    if (read.status !== 'ok') throw new Error(read.reason);
    expect(read.pins.map((p) => p.id)).toEqual(expected);
    expect(read.quarantined).toEqual([]);
    const pages = rig.requests().filter((q) => q.path === '/v5/pins' && q.method === 'GET');
    expect(expected.length).toBeGreaterThan(2);
    expect(pages).toHaveLength(Math.ceil(expected.length / 2));
    expect(pages[0]?.query.get('ad_account_id')).toBe(creator.adAccountId);
    expect(pages[1]?.query.get('bookmark')).toBeTruthy();
    expect(read.pins[0]).toMatchObject({ permalink: expect.stringMatching(/^https:\/\/www\.pinterest\.com\/pin\/\d+\/$/), createdAt: expect.stringMatching(/Z$/), mediaUrls: [expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/__sim\/media\/pinterest\//)] });
    // Seeded from Mathur's pins when the datasets are there, else the written stand-ins, in seed order.
    const seed = loadCreatorPins(2, 12)[0];
    expect(read.pins.map((p) => p.description)).toEqual(seed?.pins.map((p) => p.description));
    expect(seed?.pins[0]?.source).toMatch(haveDatasets ? PINS_SOURCE : 'written for Stoa');
  });

  it('refreshes once after a 401 and retries once; a refused refresh asks for reconnection', async () => {
    rig = await startPinterestRig();
    expect((await rig.platform.listBoards()).status).toBe('ok');
    rig.sim.expireTokens();
    const again = await rig.platform.listBoards();
    expect(again.status).toBe('ok');
    expect(rig.saved).toHaveLength(2);
    expect(rig.requests().filter((q) => q.path === '/v5/oauth/token')).toHaveLength(2);
    rig.sims.faults.inject({ platform: 'pinterest', path: '/v5/boards', kind: 'token_expired', times: 2 });
    const twice = await rig.platform.listBoards();
    expect(twice).toMatchObject({ status: 'reauth' });
    expect(rig.requests().filter((q) => q.path === '/v5/boards')).toHaveLength(2 + 2 + 2 - 1);
  });

  it('honours Retry-After, then x-ratelimit-reset alone, and sends nothing while waiting', async () => {
    rig = await startPinterestRig();
    rig.sims.faults.inject({ platform: 'pinterest', path: '/v5/boards', kind: 'rate_limit', options: { retryAfter: 42 } });
    const throttled = await rig.platform.listBoards();
    expect(throttled).toMatchObject({ status: 'retry_after', seconds: 42, ambiguous: false });
    const sent = rig.requests().length;
    expect(await rig.platform.listBoards()).toMatchObject({ status: 'retry_after' });
    expect(rig.requests()).toHaveLength(sent);
    rig.clock.advance(43_000);
    expect((await rig.platform.listBoards()).status).toBe('ok');
    rig.sims.faults.inject({ platform: 'pinterest', path: '/v5/boards', kind: 'rate_limit', options: { retryAfter: 17, header: false } });
    expect(await rig.platform.listBoards()).toMatchObject({ status: 'retry_after', seconds: 17 });
  });

  it('stops at a spent budget (x-ratelimit-remaining 0) without sending, and a second client gets 429 + Retry-After', async () => {
    rig = await startPinterestRig({ requestsPerMinute: 3 });
    for (let i = 0; i < 3; i += 1) expect((await rig.platform.listBoards()).status).toBe('ok');
    const sent = rig.requests().length;
    const over = await rig.platform.listBoards();
    expect(over).toMatchObject({ status: 'retry_after', reason: 'Waiting out Pinterest rate limiting for this account.' });
    expect(rig.requests()).toHaveLength(sent);
    // Another process with the same token does not know the budget: Pinterest's 429 tells it.
    const { createPinterestPlatform } = await import('../../../src/platforms/pinterest/index.ts');
    const other = await createPinterestPlatform({ ...rig.config, credentials: rig.saved[0] ?? rig.config.credentials }).listBoards();
    expect(other).toMatchObject({ status: 'retry_after', reason: expect.stringMatching(/^Pinterest is rate limiting this account/) });
    expect(other.status === 'retry_after' && other.seconds).toBeGreaterThan(0);
    rig.clock.advance(61_000);
    expect((await rig.platform.listBoards()).status).toBe('ok');
  });

  it('quarantines a malformed pin and refuses a page that is not a page with a clear error', async () => {
    rig = await startPinterestRig({ creatorCount: 1, pinsPerCreator: 8 });
    const [creator] = rig.sim.creators;
    if (!creator) throw new Error('no creators');
    rig.sims.faults.inject({ platform: 'pinterest', path: '/v5/pins', kind: 'malformed_payload' });
    const read = await rig.platform.readPins(creator.adAccountId, { pageSize: 25 });
    if (read.status !== 'ok') throw new Error(read.reason);
    expect(read.quarantined).toHaveLength(1);
    expect(read.quarantined[0]?.error).toMatch(/^Pinterest pin failed validation at (id|created_at)/);
    expect(read.pins).toHaveLength(rig.sim.model.pinsOf(creator.userId).length - 1);
    const broken: typeof globalThis.fetch = async (input, init) => {
      const res = await fetch(input, init);
      return String(input).includes('/v5/pins?') ? new Response(JSON.stringify({ pins: 'nope' }), { status: 200 }) : res;
    };
    const { createPinterestPlatform } = await import('../../../src/platforms/pinterest/index.ts');
    const outcome = await createPinterestPlatform({ ...rig.config, fetch: broken }).readPins(creator.adAccountId);
    expect(outcome).toMatchObject({ status: 'permanent_failure', code: 'malformed_payload', reason: expect.stringMatching(/^Pinterest sent a page of \/pins that is not a list of items/) });
  });

  it('validates requests against the copied v5 spec as Pinterest would', async () => {
    rig = await startPinterestRig();
    expect((await rig.platform.listBoards()).status).toBe('ok');
    const token = rig.saved[0]?.kind === 'oauth2' ? rig.saved[0].accessToken : '';
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const bad = await fetch(`${rig.sims.url}/pinterest/v5/pins?page_size=500`, { headers: auth });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/page_size: above 250/);
    const long = await fetch(`${rig.sims.url}/pinterest/v5/pins`, { method: 'POST', headers: auth, body: JSON.stringify({ board_id: rig.platform.defaultBoardId, title: 'x'.repeat(101), media_source: { source_type: 'image_url', url: 'https://example.com/a.jpg' } }) });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { code: number; message: string }).message).toMatch(/\$\.title: longer than 100/);
    const five = await rig.platform.publishPin(request(rig, { images: Array.from({ length: 6 }, () => image()) }), EMPTY_PIN_PROGRESS, () => undefined);
    expect(five).toMatchObject({ status: 'failed', retryable: false });
    const tooLong = await rig.platform.publishPin(request(rig, { description: 'é'.repeat(801) }), EMPTY_PIN_PROGRESS, () => undefined);
    expect(tooLong).toMatchObject({ status: 'failed', reason: expect.stringMatching(/description: longer than 800/) });
  });

  it('publishes a single pin and a carousel; /__sim/state lists both with their children', async () => {
    rig = await startPinterestRig();
    const saved: PinPublishProgress[] = [];
    const one = await rig.platform.publishPin(request(rig), EMPTY_PIN_PROGRESS, (p) => saved.push(p));
    expect(one).toMatchObject({ status: 'published', permalink: expect.stringMatching(/^https:\/\/www\.pinterest\.com\/pin\/\d+\/$/) });
    expect(saved[0]).toMatchObject({ createSent: true });
    const carousel = await rig.platform.publishPin(request(rig, { title: 'Apron, three ways', images: [image('front'), image('back'), image('pocket')] }), EMPTY_PIN_PROGRESS, () => undefined);
    expect(carousel.status).toBe('published');
    const state = await simState(rig);
    expect(state.published).toHaveLength(2);
    expect(state.published[0]).toMatchObject({ caption: '#ad The apron we wear in the shop.', children: [], product_tags: [] });
    expect(state.published[1]?.children).toHaveLength(3);
    const body = JSON.parse(rig.requests().filter((q) => q.method === 'POST' && q.path === '/v5/pins')[1]?.body ?? '{}') as { media_source: { source_type: string; items: unknown[] }; link: string; alt_text: string };
    expect(body.media_source.source_type).toBe('multiple_image_base64');
    expect(body.media_source.items).toHaveLength(3);
    expect(body).toMatchObject({ link: 'https://shop.example.com/products/linen-apron', alt_text: 'front' });
  });

  it('after a dropped POST /pins, finds the pin on the board instead of creating it again', async () => {
    rig = await startPinterestRig();
    rig.sims.faults.inject({ platform: 'pinterest', method: 'POST', path: '/v5/pins', kind: 'commit_then_drop' });
    const outcome = await rig.platform.publishPin(request(rig), EMPTY_PIN_PROGRESS, () => undefined);
    expect(outcome).toMatchObject({ status: 'published' });
    const state = await simState(rig);
    expect(state.published).toHaveLength(1);
    expect(outcome.status === 'published' && outcome.mediaId).toBe(state.published[0]?.id);
    expect(rig.requests().filter((q) => q.method === 'POST' && q.path === '/v5/pins')).toHaveLength(1);
  });

  it('resumed after a crash with the create sent, reads the board first and sends only if the pin is not there', async () => {
    rig = await startPinterestRig();
    const sentAt = rig.clock.now().toISOString();
    // The crash came after the pin landed: the retry finds it.
    const first = await rig.platform.publishPin(request(rig), EMPTY_PIN_PROGRESS, () => undefined);
    expect(first.status).toBe('published');
    const resumed = await rig.platform.publishPin(request(rig), { createSent: true, sentAt }, () => undefined);
    expect(resumed).toMatchObject({ status: 'published', mediaId: first.status === 'published' ? first.mediaId : '' });
    expect((await simState(rig)).published).toHaveLength(1);
    // The crash came before it was sent: nothing on the board, so it is sent once.
    const other = request(rig, { title: 'Canvas tote' });
    const sent = await rig.platform.publishPin(other, { createSent: true, sentAt }, () => undefined);
    expect(sent.status).toBe('published');
    expect((await simState(rig)).published).toHaveLength(2);
  });
});
