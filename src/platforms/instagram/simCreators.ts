// Creator accounts for the Instagram simulator's media edge (compliance audits): real captions
// from Leung & Yang's promotional-captions set (sponsorship/instagram-promotional-captions,
// 35 public accounts, research use only — so read from ../shared/datasets at run time and never
// bundled). Without the datasets there is no permissively licensed set of creators' captions to
// ship, so a few captions written for Stoa (marked `written`) stand in.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { defaultDatasetsDir } from '../sim/seed.ts';

export interface CreatorCaption {
  readonly username: string;
  readonly caption: string;
  /** The source post's path (e.g. /BxiSQy1lq6r/), or null for a written stand-in. */
  readonly sourcePath: string | null;
  readonly source: string;
}

export const CAPTIONS_SOURCE = 'sponsorship/instagram-promotional-captions/posts.csv';

const WRITTEN: readonly CreatorCaption[] = [
  ['stoa.creator.one', '#ad My morning routine with the new @glowco serum. Use code GLOW20 for 20% off!'],
  ['stoa.creator.one', 'Sunday hike, no phone, no plans.'],
  ['stoa.creator.one', 'Obsessed with this serum, everything I use is linked at https://liketk.it/3xYz #skincare #glow #ad #beauty'],
  ['stoa.creator.one', 'Three looks, one jacket. Which one is your favourite? 1, 2 or 3?'],
  ['stoa.creator.one', 'Gifted by @trailhead_gear, all opinions my own. My new boots survived 40 km of mud this week.'],
  ['stoa.creator.one', 'Rainy day reading list: five books that got me through November.'],
  ['stoa.creator.one', 'Ad | Partnering with @glowco to try their spring kit. Swipe for the before and after.'],
  ['stoa.creator.one', 'Coffee, notebook, window seat. Nothing to sell today.'],
  ['stoa.creator.two', 'Thanks to @glowco for sending me their new serum! Link in bio.'],
  ['stoa.creator.two', 'Paid partnership with @glowco: my honest two-week review of the serum.'],
  ['stoa.creator.two', 'My top 3 desk upgrades this year, all linked with my code DESK15 at amzn.to/3kT9pQx #desksetup #wfh #productivity #ad'],
  ['stoa.creator.two', 'Studio tour! It took a year to get this room right.'],
  ['stoa.creator.two', '#sponsored Big thanks to @brewlab for the espresso machine. Full review on my channel.'],
  ['stoa.creator.two', 'Before and after of the balcony garden, no products, just patience.'],
].map(([username, caption]) => ({ username: username ?? '', caption: caption ?? '', sourcePath: null, source: 'written for Stoa' }));

const cache = new Map<string, readonly CreatorCaption[]>();

export function loadCreatorCaptions(datasetsDir: string = defaultDatasetsDir()): readonly CreatorCaption[] {
  const file = path.join(path.resolve(datasetsDir), CAPTIONS_SOURCE);
  const cached = cache.get(file);
  if (cached) return cached;
  let rows: readonly CreatorCaption[] = WRITTEN;
  if (existsSync(file)) {
    const records = parse(readFileSync(file, 'utf8'), { columns: true, bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as Record<string, string | undefined>[];
    const real = records
      .filter((r) => (r['comment'] ?? '').trim() !== '' && (r['user'] ?? '') !== '')
      .map((r) => ({ username: r['user'] ?? '', caption: r['comment'] ?? '', sourcePath: r['link'] ?? null, source: CAPTIONS_SOURCE }));
    if (real.length > 0) rows = real;
  }
  cache.set(file, rows);
  return rows;
}

/** The first `count` creators (in source order), each with their captions, newest first as in the source. */
export function creatorsFrom(rows: readonly CreatorCaption[], count: number): { username: string; captions: CreatorCaption[] }[] {
  const byUser = new Map<string, CreatorCaption[]>();
  for (const r of rows) byUser.set(r.username, [...(byUser.get(r.username) ?? []), r]);
  return [...byUser.entries()].slice(0, count).map(([username, captions]) => ({ username, captions }));
}
