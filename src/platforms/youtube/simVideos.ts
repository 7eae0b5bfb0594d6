// Creators' channels for the YouTube simulator's read side (compliance audits): each has an uploads
// playlist of videos whose descriptions are real ones — Mathur, Narayanan & Chetty's affiliate
// video descriptions (sponsorship/mathur-affiliate-disclosures, research use only, so read from
// ../shared/datasets at run time and never bundled) dealt round-robin over three channels. Without
// the datasets, descriptions written for Stoa (ours to ship) stand in, so a fresh clone still has
// disclosed, undisclosed and non-commercial videos to audit. Rendering follows videos.list,
// playlistItems.list and channels.list?part=contentDetails.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Rng } from '../sim/rng.ts';
import { defaultDatasetsDir } from '../sim/seed.ts';
import type { SimReply } from '../sim/types.ts';
import { googleError } from './simRender.ts';
import { channelIdFor } from './simState.ts';

export const DESCRIPTIONS_SOURCE = 'sponsorship/mathur-affiliate-disclosures/youtube_affiliate_videos_disclosure.csv';

export interface SimVideo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly publishedAt: string;
  readonly paidProductPlacement: boolean;
  readonly source: string;
}

export interface SimCreatorChannel {
  readonly channelId: string;
  readonly title: string;
  readonly uploadsPlaylistId: string;
  /** Newest first, like an uploads playlist. */
  readonly videos: SimVideo[];
}

/** Handles of the simulated creators' channels (their channel ids come from channelIdFor(handle)). */
export const SIM_CREATOR_HANDLES = ['stoa.creator.one', 'stoa.creator.two', 'stoa.creator.three'] as const;

const WRITTEN: readonly (readonly [title: string, description: string, paid: boolean])[] = [
  ['My 5-minute morning skincare routine', 'This video is sponsored by Glowco. Their Barrier Serum is linked below, and code GLOW20 takes 20% off.\n\nProducts:\nBarrier Serum: https://glowco.example/serum?ref=glowco-20\n\nMusic: Morning Light by Lo Fields', true],
  ['Testing every budget desk lamp on Amazon', 'I bought six lamps so you do not have to.\n\nLamps in this video:\nhttps://amzn.to/3kT9pQx\nhttps://amzn.to/3lR8qWe\n\nMy camera: https://amzn.to/2gKKV6N\nMy microphone: https://amzn.to/2hLmN0p\n\nThanks for watching! Subscribe for more.', false],
  ['A quiet week in the mountains', 'No sponsors, no links, just four days of walking and a very small tent.\n\nFilmed on the Haute Route, September.', false],
  ['Espresso at home for beginners', 'Everything I use to make espresso at home.\n\nGrinder: https://brewlab.example/grinder?aff=brew15\nMachine: https://brewlab.example/machine?aff=brew15\nUse code BREW15 for 15% off.\n\n#coffee #espresso #homebarista #brewlab #ad', false],
  ['Studio tour 2026', 'It took a year to get this room right. Ask me anything about the build in the comments.', false],
  ['Trail running shoes: 300 km review', 'Some of the links below are affiliate links, which means I earn a small commission if you buy through them at no extra cost to you.\n\nShoes: https://trailhead.example/p/ridge?ref=theo\nSocks: https://trailhead.example/p/socks?ref=theo', false],
  ['What I eat in a day (marathon training)', 'Breakfast to dinner on a 30 km day.\n\nProtein powder I use: https://go.magik.ly/ml/abc1/ \nWater bottle: https://rstyle.me/n/cXyZ12\n\nFollow me on Instagram @theo.trails', false],
  ['Unboxing the spring kit from Glowco', 'Glowco sent me their spring kit for free. Not a paid video, but I did receive the products.\n\nKit: https://glowco.example/spring', false],
];

interface DescriptionRow {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly source: string;
}

const cache = new Map<string, readonly DescriptionRow[]>();

/** The Mathur descriptions when the datasets are present, else the written stand-ins. */
export function loadVideoDescriptions(datasetsDir: string = defaultDatasetsDir()): readonly DescriptionRow[] {
  const file = path.join(path.resolve(datasetsDir), DESCRIPTIONS_SOURCE);
  const cached = cache.get(file);
  if (cached) return cached;
  let rows: readonly DescriptionRow[] = WRITTEN.map(([title, description], i) => ({ id: `stoaVid${String(i + 1).padStart(4, '0')}`, title, description, source: 'written for Stoa' }));
  if (existsSync(file)) {
    const records = parse(readFileSync(file, 'utf8'), { columns: true, bom: true, relax_quotes: true, skip_empty_lines: true }) as Record<string, string | undefined>[];
    // The set has descriptions, not titles: the first line stands in as the title.
    const real = records
      .filter((r) => (r['text'] ?? '').trim() !== '' && (r['id'] ?? '') !== '')
      .map((r) => {
        const description = (r['text'] ?? '').trim();
        return { id: r['id'] ?? '', title: (description.split('\n')[0] ?? '').slice(0, 100), description, source: DESCRIPTIONS_SOURCE };
      });
    if (real.length > 0) rows = real;
  }
  cache.set(file, rows);
  return rows;
}

/**
 * Deals `rows` over the creator channels, one video every ~4 days back from `nowMs` per channel.
 * `perChannel` caps each channel (a fresh clone's eight descriptions give three channels 3/3/2).
 */
export function seedCreatorChannels(rows: readonly DescriptionRow[], rng: Rng, nowMs: number, perChannel = 40): Map<string, SimCreatorChannel> {
  const channels = new Map<string, SimCreatorChannel>();
  SIM_CREATOR_HANDLES.forEach((handle) => {
    const channelId = channelIdFor(handle);
    channels.set(channelId, { channelId, title: handle, uploadsPlaylistId: `UU${channelId.slice(2)}`, videos: [] });
  });
  const list = [...channels.values()];
  rows.forEach((row, i) => {
    const channel = list[i % list.length];
    if (!channel || channel.videos.length >= perChannel) return;
    const k = channel.videos.length;
    const publishedAt = new Date(Math.floor((nowMs - (k + 1) * 4 * 86_400_000 - rng.int(0, 86_400) * 1000) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    const written = WRITTEN[i];
    channel.videos.push({ id: row.id, title: row.title, description: row.description, publishedAt, paidProductPlacement: row.source === 'written for Stoa' && written !== undefined ? written[2] : false, source: row.source });
  });
  return channels;
}

const PAGE_TOKEN = (offset: number): string => Buffer.from(`v:${offset}`, 'utf8').toString('base64url');
const offsetOf = (token: string | null): number | null => {
  if (token === null) return 0;
  const m = /^v:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
};

export function channelContentDetails(channel: SimCreatorChannel): Record<string, unknown> {
  return { kind: 'youtube#channel', id: channel.channelId, snippet: { title: channel.title }, contentDetails: { relatedPlaylists: { uploads: channel.uploadsPlaylistId } } };
}

export function listPlaylistItems(channels: ReadonlyMap<string, SimCreatorChannel>, query: URLSearchParams): SimReply {
  const playlistId = query.get('playlistId');
  if (playlistId === null) return googleError(400, 'playlistIdRequired', 'The request must specify a playlist id.', { domain: 'youtube.playlistItem' });
  const channel = [...channels.values()].find((c) => c.uploadsPlaylistId === playlistId);
  if (!channel) return googleError(404, 'playlistNotFound', 'The playlist identified with the request\u2019s playlistId parameter cannot be found.', { domain: 'youtube.playlistItem', location: 'playlistId' });
  const offset = offsetOf(query.get('pageToken'));
  if (offset === null) return googleError(400, 'invalidPageToken', 'The request specifies an invalid page token.', { domain: 'youtube.parameter', location: 'pageToken' });
  const size = Number(query.get('maxResults') ?? '5');
  const page = channel.videos.slice(offset, offset + size);
  const parts = new Set((query.get('part') ?? '').split(','));
  return {
    status: 200,
    body: {
      kind: 'youtube#playlistItemListResponse',
      ...(offset + size < channel.videos.length ? { nextPageToken: PAGE_TOKEN(offset + size) } : {}),
      pageInfo: { totalResults: channel.videos.length, resultsPerPage: size },
      items: page.map((v, i) => ({
        kind: 'youtube#playlistItem',
        id: `${playlistId}.${v.id}`,
        ...(parts.has('snippet') ? { snippet: { publishedAt: v.publishedAt, channelId: channel.channelId, title: v.title, description: v.description, playlistId, position: offset + i, resourceId: { kind: 'youtube#video', videoId: v.id } } } : {}),
        ...(parts.has('contentDetails') ? { contentDetails: { videoId: v.id, videoPublishedAt: v.publishedAt } } : {}),
      })),
    },
  };
}

/** `thumbnail(videoId, name, width, height)` is the URL of a thumbnail picture the sim host serves (not i.ytimg.com). */
export function listVideos(channels: ReadonlyMap<string, SimCreatorChannel>, query: URLSearchParams, malformed: boolean, thumbnail: (videoId: string, name: string, width: number, height: number) => string): SimReply {
  const ids = (query.get('id') ?? '').split(',').filter(Boolean);
  if (ids.length === 0) return googleError(400, 'missingRequiredParameter', 'No filter selected. Expected one of: id, chart, myRating', { domain: 'youtube.parameter' });
  if (ids.length > 50) return googleError(400, 'invalidParameter', 'The request specifies more than 50 video ids.', { domain: 'youtube.parameter', location: 'id' });
  const parts = new Set((query.get('part') ?? '').split(','));
  const byId = new Map([...channels.values()].flatMap((c) => c.videos.map((v) => [v.id, { v, c }] as const)));
  const items = ids.flatMap((id): Record<string, unknown>[] => {
    const found = byId.get(id);
    if (!found) return []; // unknown ids are left out, as YouTube does
    const { v, c } = found;
    return [
      {
        kind: 'youtube#video',
        id: v.id,
        ...(parts.has('snippet')
          ? { snippet: { publishedAt: v.publishedAt, channelId: c.channelId, title: v.title, description: v.description, channelTitle: c.title, thumbnails: { default: { url: thumbnail(v.id, 'default', 120, 90), width: 120, height: 90 }, high: { url: thumbnail(v.id, 'hqdefault', 480, 360), width: 480, height: 360 } } } }
          : {}),
        ...(parts.has('paidProductPlacementDetails') ? { paidProductPlacementDetails: { hasPaidProductPlacement: v.paidProductPlacement } } : {}),
      },
    ];
  });
  const first = items[0];
  if (malformed && first) Object.assign(first, { snippet: { title: 42 } });
  return { status: 200, body: { kind: 'youtube#videoListResponse', pageInfo: { totalResults: items.length, resultsPerPage: items.length }, items } };
}
