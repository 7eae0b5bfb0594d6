// One measured result in bench/results.json. Every entry carries a baseline measured in the same
// run, so the ratio is meaningful on whatever machine produced it.
export interface BenchEntry {
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  readonly baseline: { readonly name: string; readonly value: number };
  /** value / baseline.value, or baseline.value / value where lower is better; see `better`. */
  readonly ratio: number;
  readonly better: 'higher' | 'lower';
  readonly notes?: string;
}

export interface BenchSuite {
  readonly name: string;
  run(): Promise<BenchEntry[]>;
}

export function ratioOf(value: number, baseline: number, better: 'higher' | 'lower'): number {
  const r = better === 'higher' ? value / baseline : baseline / value;
  return Math.round(r * 1000) / 1000;
}
