// A seeded PRNG (mulberry32) so shuffles, splits and SGD order are the same on every run and machine.
import { mulberry32 } from '../../core/seededRandom.ts';

export type Random = () => number;

export const seededRandom = (seed: number): Random => mulberry32(seed);

/** Fisher–Yates in place. */
export function shuffleInPlace<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}
