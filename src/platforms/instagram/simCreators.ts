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
  ['stoa.creator.two', 'Thanks to @glowco for sending me their new serum! Link in bio.'],
  ['stoa.creator.two', 'Paid partnership with @glowco: my honest two-week review of the serum.'],
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
