// Start-up benchmarks of the `stoa` command as a user runs it (a new `node bin/stoa.mjs` process
// each time): `stoa --version` until exit, `stoa classify` of one line until its answer line, and
// `stoa serve` until the line with its URL. Each is the median of several runs, set against
// `node -e 0` (a bare Node start) measured interleaved with it in the same run. The commands run
// from the CLI bundle (out/cli), rebuilt from the current sources if it is stale; a probe
// that would fall back to the TypeScript sources fails instead of timing them by mistake. The
// sources are timed too, for the notes.
// The notes also give the load average during the run and, on Linux, the CPU time the process had
// used when it answered (all threads): a figure that other work on the machine moves much less.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../paths.ts';
import { ratioOf, type BenchEntry, type BenchSuite } from './types.ts';

const RUNS = 9;
const SOURCE_RUNS = 2;
const TIMEOUT_MS = 60_000;
const CLASSIFY_LINE = `${JSON.stringify({ id: 1, text: 'check out my channel, free giveaway link in bio' })}\n`;

type Mode = 'bundle' | 'source';

interface Probe {
  readonly args: readonly string[];
  readonly input?: string;
  /** Stop the clock at the first stdout line containing this (else at exit). */
  readonly until?: string;
}

interface Timing {
  readonly wallMs: number;
  /** CPU time of the process (user + system, every thread) when it answered; null where unknown. */
  readonly cpuMs: number | null;
}

// utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 a second on Linux).
function cpuMsOf(pid: number | undefined): number | null {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return null;
  const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Milliseconds from spawn to `until` on stdout (or to exit); the child is then stopped. */
function timeOnce(probe: Probe, mode: Mode, extraEnv: NodeJS.ProcessEnv = {}): Promise<Timing> {
  const env = { ...process.env, ...extraEnv, ...(mode === 'bundle' ? { STOA_REQUIRE_BUNDLE: '1', STOA_FROM_SOURCE: '' } : { STOA_FROM_SOURCE: '1' }) };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...probe.args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let stoppedAt: number | null = null;
    let cpuMs: number | null = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stoppedAt === null && probe.until !== undefined && stdout.includes(probe.until) && stdout.slice(stdout.indexOf(probe.until)).includes('\n')) {
        stoppedAt = performance.now() - started;
        cpuMs = cpuMsOf(child.pid);
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (stoppedAt !== null) resolve({ wallMs: stoppedAt, cpuMs });
      else if (code === 0 && probe.until === undefined) resolve({ wallMs: performance.now() - started, cpuMs: null });
      else reject(new Error(`${probe.args.slice(1).join(' ')} failed (exit ${code}): ${stderr.trim() || stdout.trim()}`));
    });
    child.stdin.end(probe.input ?? '');
  });
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const round = (ms: number): number => Math.round(ms * 10) / 10;

interface Measured {
  readonly bundle: number;
  readonly baseline: number;
  readonly source: number;
  readonly cpu: number | null;
  readonly load: number;
}

async function measure(probe: Probe, env?: () => NodeJS.ProcessEnv): Promise<Measured> {
  const bare: Probe = { args: ['-e', '0'] };
  const ours: Timing[] = [];
  const base: number[] = [];
  await timeOnce(probe, 'bundle', env?.()); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    base.push((await timeOnce(bare, 'bundle')).wallMs);
    ours.push(await timeOnce(probe, 'bundle', env?.()));
  }
  const load = loadavg()[0] ?? 0;
  const source: number[] = [];
  for (let i = 0; i < SOURCE_RUNS; i++) source.push((await timeOnce(probe, 'source', env?.())).wallMs);
  const cpu = ours.flatMap((t) => (t.cpuMs === null ? [] : [t.cpuMs]));
  return { bundle: median(ours.map((t) => t.wallMs)), baseline: median(base), source: median(source), cpu: cpu.length > 0 ? median(cpu) : null, load };
}

function entry(name: string, m: Measured, what: string): BenchEntry {
  return {
    name,
    unit: 'ms',
    value: round(m.bundle),
    baseline: { name: 'node -e 0 (a bare Node start), median, interleaved with the runs measured', value: round(m.baseline) },
    ratio: ratioOf(m.bundle, m.baseline, 'lower'),
    better: 'lower',
    notes:
      `${what}; median of ${RUNS} fresh processes from the CLI bundle (out/cli)` +
      `${m.cpu === null ? '' : `, which had used ${m.cpu} ms of CPU (all threads) when they answered`}. ` +
      `From the TypeScript sources through tsx: ${round(m.source)} ms (median of ${SOURCE_RUNS}). ` +
      `Load average ${m.load.toFixed(1)} on ${availableParallelism()} cores during the run.`,
  };
}

export const startupBench: BenchSuite = {
  name: 'startup',
  async run(): Promise<BenchEntry[]> {
    const bin = join(appRoot(), 'bin', 'stoa.mjs');
    // Rebuilt only when stale: this process may itself be running from out/cli, and the suites
    // after this one load chunks from it.
    const fresh = spawnSync(process.execPath, [bin, '--version'], { env: { ...process.env, STOA_REQUIRE_BUNDLE: '1', STOA_FROM_SOURCE: '' } }).status === 0;
    const build = fresh ? null : spawnSync(process.execPath, [join(appRoot(), 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
    if (build && build.status !== 0) throw new Error(`building the CLI bundle failed: ${build.stderr.trim()}`);
    const version = await measure({ args: [bin, '--version'] });
    const classify = await measure({ args: [bin, 'classify'], input: CLASSIFY_LINE, until: '"model_versions"' });
    const dirs: string[] = [];
    const freshDataDir = (): NodeJS.ProcessEnv => {
      const dir = mkdtempSync(join(tmpdir(), 'stoa-bench-serve-'));
      dirs.push(dir);
      return { STOA_DATA_DIR: dir };
    };
    try {
      const serve = await measure({ args: [bin, 'serve', '--no-open'], until: 'Stoa is running at' }, freshDataDir);
      return [
        entry('startup.version', version, '`stoa --version` until the process exits'),
        entry('startup.classify_first_answer', classify, '`stoa classify` of one JSON line until its answer line (three models on the worker pool, language identification on)'),
        entry('startup.serve_ready', serve, '`stoa serve --no-open` on a new empty workspace until the line with its URL'),
      ];
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  },
};
