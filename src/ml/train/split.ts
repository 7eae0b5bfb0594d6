// Deduplication and splitting. Exact duplicate texts (spam templates) are removed before splitting so
// a template cannot sit in both train and test; rows that share a group (a YouTube video, an Instagram
// account) always go to the same side, so held-out numbers mean "a video/account never seen".
import { createHash } from 'node:crypto';
import type { LabelledText } from './datasets.ts';
import { seededRandom, shuffleInPlace } from './random.ts';

const dedupeKey = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Keeps the first of each duplicate text; drops every copy of a text whose copies disagree on a label. */
export function dropDuplicates(rows: readonly LabelledText[]): LabelledText[] {
  const byKey = new Map<string, { row: LabelledText; conflict: boolean }>();
  for (const row of rows) {
    const key = dedupeKey(row.text);
    if (key === '') continue;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, { row, conflict: false });
    else if (JSON.stringify(seen.row.labels) !== JSON.stringify(row.labels)) seen.conflict = true;
  }
  return [...byKey.values()].filter((v) => !v.conflict).map((v) => v.row);
}

export interface Split {
  readonly train: LabelledText[];
  readonly test: LabelledText[];
}

/** Random split of rows (for sets without groups): `testFraction` of rows, chosen by `seed`. */
export function splitRows(rows: readonly LabelledText[], testFraction: number, seed: number): Split {
  const order = shuffleInPlace([...rows.keys()], seededRandom(seed));
  const cut = Math.round(rows.length * testFraction);
  const testIdx = new Set(order.slice(0, cut));
  return partition(rows, (_, i) => testIdx.has(i));
}

/** Group split: whole groups go to test until they hold about `testFraction` of the rows. */
export function splitGroups(rows: readonly LabelledText[], testFraction: number, seed: number): Split {
  const groups = [...new Set(rows.map((r) => r.group))].sort();
  shuffleInPlace(groups, seededRandom(seed));
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(r.group, (sizes.get(r.group) ?? 0) + 1);
  const testGroups = new Set<string>();
  let taken = 0;
  for (const g of groups) {
    if (taken >= rows.length * testFraction) break;
    testGroups.add(g);
    taken += sizes.get(g) ?? 0;
  }
  return partition(rows, (r) => testGroups.has(r.group));
}

/** Named groups held out entirely (e.g. one YouTube video). */
export const splitHoldOut = (rows: readonly LabelledText[], heldOut: readonly string[]): Split =>
  partition(rows, (r) => heldOut.includes(r.group));

function partition(rows: readonly LabelledText[], isTest: (r: LabelledText, i: number) => boolean): Split {
  const train: LabelledText[] = [];
  const test: LabelledText[] = [];
  rows.forEach((r, i) => (isTest(r, i) ? test : train).push(r));
  return { train, test };
}

/** A digest of a split's texts, recorded in the manifest so a re-evaluation can prove it saw the same rows. */
export function splitDigest(rows: readonly LabelledText[]): string {
  const h = createHash('sha256');
  for (const r of rows) h.update(`${r.set}\u0000${r.text}\u0000`);
  return h.digest('hex').slice(0, 16);
}
