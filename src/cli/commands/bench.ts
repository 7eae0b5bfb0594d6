// `stoa bench`: runs the benchmark suites and writes bench/results.json (merged per entry name, so
// running one suite keeps the others' latest numbers).
import type { Command } from 'commander';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BenchReport } from '../../backend/bench/index.ts';
import { appRoot } from '../../backend/paths.ts';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('Run benchmarks and write the results (with same-run baselines) to bench/results.json.')
    .option('-s, --suite <names...>', 'only these suites')
    .option('-o, --out <file>', 'results file', join(appRoot(), 'bench', 'results.json'))
    .action(async (flags: { suite?: string[]; out: string }) => {
      const { runBenchmarks } = await import('../../backend/bench/index.ts');
      const report = await runBenchmarks(flags.suite, (name) => process.stderr.write(`running ${name}…\n`));
      const previous = existsSync(flags.out) ? (JSON.parse(readFileSync(flags.out, 'utf8')) as Partial<BenchReport>) : {};
      const fresh = new Set(report.entries.map((e) => e.name));
      const merged: BenchReport = { ...report, entries: [...(previous.entries ?? []).filter((e) => !fresh.has(e.name)), ...report.entries] };
      mkdirSync(dirname(flags.out), { recursive: true });
      writeFileSync(flags.out, `${JSON.stringify(merged, null, 2)}\n`);
      for (const e of report.entries) {
        process.stdout.write(`${e.name}: ${e.value} ${e.unit} (baseline ${e.baseline.value}; ratio ${e.ratio}× ${e.better === 'higher' ? 'faster' : 'better'})\n`);
      }
    });
}
