// Seeded randomness for the simulators: the same seed gives the same ids, the same fault
// sequence and the same corpus sample, so a failing test can be replayed exactly.

import { mulberry32 } from '../../core/seededRandom.ts';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An independent generator derived from this one's seed and `label`. */
  fork(label: string): Rng;
}

/** FNV-1a, to turn a seed plus a label into a 32-bit seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number | string): Rng {
  const key = String(seed);
  const next = mulberry32(hash32(key));
  const rng: Rng = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(probability) {
      return probability > 0 && next() < probability;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    fork(label) {
      return createRng(`${key}/${label}`);
    },
  };
  return rng;
}
