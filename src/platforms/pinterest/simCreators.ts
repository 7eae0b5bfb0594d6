// Creators' pins for the Pinterest simulator (compliance audits): real pin descriptions from
// Mathur, Narayanan & Chetty's affiliate-disclosure set (sponsorship/mathur-affiliate-disclosures,
// no licence: research use only — so read from ../shared/datasets at run time and never bundled).
// The set has no pinner names; pins whose ids share their first 12 digits are grouped as one
// pinner (a stand-in, said so in `source`). Without the datasets, a few descriptions written for
// Stoa (marked `written`) stand in.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { defaultDatasetsDir } from '../sim/seed.ts';

export interface CreatorPin {
  readonly description: string;
  readonly link: string | null;
  /** The source pin id, or null for a written stand-in. */
  readonly sourceId: string | null;
  readonly source: string;
}

export interface SimCreatorSeed {
  readonly username: string;
  readonly pins: readonly CreatorPin[];
}

export const PINS_SOURCE = 'sponsorship/mathur-affiliate-disclosures/pinterest_affiliate_pins_disclosure.csv';

const written = (description: string, link: string | null = null): CreatorPin => ({ description, link, sourceId: null, source: 'written for Stoa' });

const WRITTEN: readonly SimCreatorSeed[] = [
  {
    username: 'stoa.pinner.one',
    pins: [
      written('Five-minute spring table setting. Everything is linked!', 'https://rstyle.me/n/c8xyz123'),
      written('#ad Partnered with Glow Co: the serum I reach for every morning. Use code GLOW20.', 'https://example.com/glowco/serum'),
      written('Rainy day reading nook ideas, no products, just cushions I already had.'),
      written('Desk setup tour (affiliate links, I earn a small commission)', 'https://amzn.to/3kT9pQx'),
    ],
  },
  {
    username: 'stoa.pinner.two',
    pins: [
      written('Gifted by Trailhead Gear: the boots that survived 40 km of mud.', 'https://example.com/trailhead/boots'),
      written('Balcony garden before and after.'),
      written('My favourite espresso machine, shop it here', 'https://shareasale.com/r.cfm?b=123&u=456'),
    ],
  },
];

const cache = new Map<string, readonly SimCreatorSeed[]>();

const LINK = /https?:\/\/\S+/;

/** `count` pinners with up to `perCreator` pins each, in source order. */
export function loadCreatorPins(count: number, perCreator = 40, datasetsDir: string = defaultDatasetsDir()): readonly SimCreatorSeed[] {
  const file = path.join(path.resolve(datasetsDir), PINS_SOURCE);
  const key = `${file} ${count} ${perCreator}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let seeds: readonly SimCreatorSeed[] = WRITTEN.slice(0, count);
  if (existsSync(file)) {
    const records = parse(readFileSync(file, 'utf8'), { columns: true, bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as Record<string, string | undefined>[];
    const groups = new Map<string, CreatorPin[]>();
    for (const r of records) {
      const id = r['id'] ?? '';
      const text = (r['text'] ?? '').trim();
      if (!/^\d{13,}$/.test(id) || text === '') continue;
      const group = id.slice(0, 12);
      // Mathur joined a pin's sentences with '\n'; the pin's own link is the first URL in it, if any.
      groups.set(group, [...(groups.get(group) ?? []), { description: text.slice(0, 800), link: LINK.exec(text)?.[0] ?? null, sourceId: id, source: `${PINS_SOURCE} (pinner = pins sharing the first 12 id digits)` }]);
    }
    const real = [...groups.entries()].filter(([, pins]) => pins.length >= 4).slice(0, count).map(([group, pins]) => ({ username: `pinner_${group}`, pins: pins.slice(0, perCreator) }));
    if (real.length > 0) seeds = real;
  }
  cache.set(key, seeds);
  return seeds;
}
