// All benchmark suites, run by `stoa bench` / `npm run bench`; append new suites here.
import { describeMachine } from './machine.ts';
import { storeBench } from './storeBench.ts';
import { syncBench } from './syncBench.ts';
import { mlBench } from './ml.ts';
import { startupBench } from './startup.ts';
import { mediaBench } from './mediaBench.ts';
import { catalogBench } from './catalogBench.ts';
import { complianceBench } from './complianceBench.ts';
import { queueBench } from './queueBench.ts';
import { hubBench } from './hubBench.ts';
import type { BenchEntry, BenchSuite } from './types.ts';

export const BENCH_SUITES: readonly BenchSuite[] = [storeBench, mlBench, syncBench, startupBench, mediaBench, catalogBench, complianceBench, queueBench, hubBench];

export interface BenchReport {
  readonly ranAt: string;
  readonly machine: ReturnType<typeof describeMachine>;
  readonly entries: BenchEntry[];
}

export async function runBenchmarks(only?: readonly string[], onSuite?: (name: string) => void): Promise<BenchReport> {
  const entries: BenchEntry[] = [];
  for (const suite of BENCH_SUITES) {
    if (only && only.length > 0 && !only.includes(suite.name)) continue;
    onSuite?.(suite.name);
    entries.push(...(await suite.run()));
  }
  return { ranAt: new Date().toISOString(), machine: describeMachine(), entries };
}
