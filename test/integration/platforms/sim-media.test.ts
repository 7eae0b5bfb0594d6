// The sim host serves the simulators' post media itself (GET /__sim/media/...), and nothing the
// simulators hand out sends Stoa off the machine: every http(s) URL in /__sim/state, /__sim/accounts
// and the Instagram Graph, YouTube and Pinterest replies is on loopback, except the fields a person
// opens in a browser and Stoa never fetches (permalinks, a pin's destination link, profile
// website, links written inside captions and descriptions).
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { InstagramSimulator } from '../../../src/platforms/instagram/index.ts';
import type { PinterestSimulator } from '../../../src/platforms/pinterest/index.ts';
import { validate } from '../../../src/platforms/pinterest/openapi.ts';
import { createVirtualClock, startSimulators, type RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { channelIdFor } from '../../../src/platforms/youtube/simState.ts';
import { SIM_CREATOR_HANDLES } from '../../../src/platforms/youtube/simVideos.ts';
import type { YoutubeSimulator } from '../../../src/platforms/youtube/simulator.ts';

let sims: RunningSimulators | null = null;
afterEach(async () => {
  await sims?.close();
  sims = null;
});

const start = async (): Promise<RunningSimulators> => {
  sims = await startSimulators({ seed: 7, clock: createVirtualClock(new Date('2026-11-25T12:00:00Z')) });
  return sims;
};

/** Keys whose URLs are for a person's browser (never fetched by Stoa) or are text a person wrote. */
const BROWSER_OR_TEXT_KEYS = new Set(['permalink', 'link', 'website_url', 'authorChannelUrl', 'caption', 'description', 'title', 'text', 'textDisplay', 'textOriginal', 'body', 'selftext', 'raw', 'cooked', 'excerpt']);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Every http(s) URL in a JSON value whose host is not loopback, as `path: url`, unless its key is allowed. */
function offLoopback(value: unknown, path = '$', key = ''): string[] {
  if (typeof value === 'string') {
    if (BROWSER_OR_TEXT_KEYS.has(key)) return [];
    return [...value.matchAll(/https?:\/\/[^\s"'<>)]+/g)].flatMap((m) => {
      const host = new URL(m[0]).hostname;
      return LOOPBACK.has(host) ? [] : [`${path}: ${m[0]}`];
    });
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => offLoopback(v, `${path}[${i}]`, key));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => offLoopback(v, `${path}.${k}`, k));
  return [];
}

/** Every string under a key that names media (…url, …urls, images, thumbnails), for the loopback check's own sanity. */
function mediaUrls(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return /url/i.test(key) && /^https?:/.test(value) && !BROWSER_OR_TEXT_KEYS.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => mediaUrls(v, key));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => mediaUrls(v, k));
  return [];
}

async function getJson(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

describe('simulator media on loopback', () => {
  it('serves a deterministic PNG per picture with image headers, sizes, ETag revalidation and clear refusals', async () => {
    const host = await start();
    const url = `${host.url}/__sim/media/instagram/17910000000000001/original.png`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(Number(first.headers.get('content-length'))).toBe(bytes.length);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'png', width: 640, height: 640, channels: 3 });
    const stats = await sharp(bytes).stats();
    expect(stats.channels.some((c) => c.stdev > 10)).toBe(true); // not a flat fill
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(bytes)).toBe(true);

    // Another picture differs; another rendition of the same picture is the same drawing, resized.
    const other = Buffer.from(await (await fetch(`${host.url}/__sim/media/instagram/17910000000000002/original.png`)).arrayBuffer());
    expect(createHash('sha256').update(other).digest('hex')).not.toBe(createHash('sha256').update(bytes).digest('hex'));
    const small = await fetch(`${host.url}/__sim/media/instagram/17910000000000001/thumb.png?w=120&h=90`);
    expect(await sharp(Buffer.from(await small.arrayBuffer())).metadata()).toMatchObject({ width: 120, height: 90 });

    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);

    expect((await fetch(`${host.url}/__sim/media/flickr/1/original.png`)).status).toBe(404);
    expect((await fetch(`${host.url}/__sim/media/instagram/original.png`)).status).toBe(404);
    expect((await fetch(`${host.url}/__sim/media/instagram/1/original.jpg`)).status).toBe(404);
    const tooBig = await fetch(`${host.url}/__sim/media/instagram/1/original.png?w=99999`);
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toMatch(/16 to 2048/);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    // Media requests are not platform calls: no faults, not in the request log.
    expect(host.requests().some((r) => r.path.includes('__sim'))).toBe(false);
  });

  it('hands out no URL off loopback in sim state, accounts, Graph, YouTube and Pinterest replies', async () => {
    const host = await start();
    const bodies: Record<string, unknown> = {};
    bodies['state'] = await getJson(`${host.url}/__sim/state`);
    const accounts = host.accounts();
    bodies['accounts'] = accounts;

    // Instagram Graph: the shop's media and comments, and every creator's media with children.
    const ig = host.simulator('instagram') as InstagramSimulator;
    const igAccount = accounts['instagram'];
    if (igAccount?.credentials.kind !== 'access_token') throw new Error('instagram not mounted');
    const auth = { headers: { authorization: `Bearer ${igAccount.credentials.accessToken}` } };
    const graph = `${igAccount.baseUrl}/v21.0`;
    const shopMedia = (await getJson(`${graph}/${ig.model.igUserId}/media?fields=id,caption,permalink,media_type,media_url,thumbnail_url,timestamp&limit=5`, auth)) as { data: { id: string }[] };
    bodies['ig.shop.media'] = shopMedia;
    const firstShopMedia = shopMedia.data[0]?.id ?? '';
    bodies['ig.comments'] = await getJson(`${graph}/${firstShopMedia}/comments?fields=id,text,timestamp,username,from{id,username},replies{id,text}&limit=10`, auth);
    for (const creator of ig.model.creators.values()) {
      bodies[`ig.${creator.username}`] = await getJson(`${graph}/${creator.igUserId}/media?fields=id,caption,permalink,timestamp,media_type,media_url,thumbnail_url,username,children{id,media_type,media_url}&limit=50`, auth);
    }

    // YouTube: a refreshed token, the held-for-review threads, a creator's uploads and their videos.
    const ytAccount = accounts['youtube'];
    if (ytAccount?.credentials.kind !== 'oauth2') throw new Error('youtube not mounted');
    const { clientId, clientSecret, refreshToken } = ytAccount.credentials;
    const ytToken = (await getJson(`${ytAccount.baseUrl}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret ?? '', refresh_token: refreshToken ?? '' }).toString() })) as { access_token: string };
    const yt = { headers: { authorization: `Bearer ${ytToken.access_token}` } };
    const api = `${ytAccount.baseUrl}/youtube/v3`;
    const ytSim = host.simulator('youtube') as YoutubeSimulator;
    bodies['yt.threads'] = await getJson(`${api}/commentThreads?part=snippet,replies&allThreadsRelatedToChannelId=${ytSim.model.channelId}&moderationStatus=heldForReview&maxResults=50&textFormat=plainText`, yt);
    const creatorChannel = channelIdFor(SIM_CREATOR_HANDLES[0]);
    const channel = (await getJson(`${api}/channels?part=contentDetails&id=${creatorChannel}`, yt)) as { items: { contentDetails: { relatedPlaylists: { uploads: string } } }[] };
    bodies['yt.channel'] = channel;
    const uploads = channel.items[0]?.contentDetails.relatedPlaylists.uploads ?? '';
    const playlist = (await getJson(`${api}/playlistItems?part=contentDetails&playlistId=${uploads}&maxResults=50`, yt)) as { items: { contentDetails: { videoId: string } }[] };
    bodies['yt.playlist'] = playlist;
    const ids = playlist.items.slice(0, 50).map((i) => i.contentDetails.videoId);
    const videos = (await getJson(`${api}/videos?part=snippet,paidProductPlacementDetails&id=${ids.join(',')}&hl=en`, yt)) as { items: { snippet: { thumbnails: Record<string, { url: string; width: number; height: number }> } }[] };
    bodies['yt.videos'] = videos;

    // Pinterest: the shop's account and boards, a board's pins, and each creator's pins through the shop's Business Access.
    const pinAccount = accounts['pinterest'];
    if (pinAccount?.credentials.kind !== 'oauth2') throw new Error('pinterest not mounted');
    const basic = Buffer.from(`${pinAccount.credentials.clientId}:${pinAccount.credentials.clientSecret ?? ''}`).toString('base64');
    const pinToken = (await getJson(`${pinAccount.baseUrl}/v5/oauth/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: pinAccount.credentials.refreshToken ?? '' }).toString() })) as { access_token: string };
    const pin = { headers: { authorization: `Bearer ${pinToken.access_token}` } };
    const v5 = `${pinAccount.baseUrl}/v5`;
    bodies['pin.user'] = await getJson(`${v5}/user_account`, pin);
    const boards = (await getJson(`${v5}/boards`, pin)) as { items: { id: string }[] };
    bodies['pin.boards'] = boards;
    bodies['pin.board'] = await getJson(`${v5}/boards/${boards.items[0]?.id ?? ''}/pins`, pin);
    const pinSim = host.simulator('pinterest') as PinterestSimulator;
    const creatorPins: unknown[] = [];
    for (const creator of pinSim.creators) {
      const page = (await getJson(`${v5}/pins?ad_account_id=${creator.adAccountId}&page_size=100`, pin)) as { items: unknown[] };
      bodies[`pin.${creator.username}`] = page;
      creatorPins.push(...page.items);
    }

    expect(Object.entries(bodies).flatMap(([name, body]) => offLoopback(body, name))).toEqual([]);

    // The check looked at real media: media URLs exist in each platform's replies, all on this host.
    const media = mediaUrls(bodies);
    for (const platform of ['instagram', 'youtube', 'pinterest']) expect(media.some((u) => u.startsWith(`${host.url}/__sim/media/${platform}/`))).toBe(true);
    expect(media.every((u) => new URL(u).origin === host.url)).toBe(true);

    // The rendered media still fit the platforms' contracts: Pinterest's Pin schema, YouTube's declared sizes.
    expect(creatorPins.length).toBeGreaterThan(0);
    expect(creatorPins.flatMap((p) => validate({ $ref: '#/components/schemas/Pin' }, p))).toEqual([]);
    expect(validate({ $ref: '#/components/schemas/Pin' }, { media: { media_type: 'image', images: { '150x150': { url: 42 } } } }).length).toBeGreaterThan(0);
    const high = videos.items[0]?.snippet.thumbnails['high'];
    if (!high) throw new Error('no high thumbnail');
    const thumb = await fetch(high.url);
    expect(await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).toMatchObject({ format: 'png', width: high.width, height: high.height });
  });
});
