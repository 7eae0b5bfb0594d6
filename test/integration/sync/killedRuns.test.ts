// Issue #8 §5, scaled down: with a fault on 30% of requests, queued actions, `stoa sync` processes
// SIGKILLed mid-push, then uninterrupted runs with the faults still on. Every clean exit leaves
// nothing in 'sending' and exits 3 exactly while something is still queued; in the end the outbox
// is drained and the simulator applied exactly one write per action (GET /__sim/state write log).
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openBackend } from '../../../src/backend/openBackend.ts';
import { initDemoAccounts } from '../../../src/backend/sync/demo.ts';
import { SyncService } from '../../../src/backend/sync/service.ts';
import { createRedditSimulator } from '../../../src/platforms/reddit/simulator.ts';
import { createRng, startSimulators, type RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { createYoutubeSimulator } from '../../../src/platforms/youtube/simulator.ts';
import { listItems } from '../../../src/store/items.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { listOutbox, outboxCounts, type OutboxCounts } from '../../../src/store/outbox.ts';
import { STOA_BIN } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { appliedWrites } from './harness.ts';

const ACTIONS = { reddit: 8, youtube: 7 } as const;
const KILLS = 4;
const CLEAN_RUNS = 5;
const FAULT_RATE = 0.3;

const tempDir = useTempDir('stoa-killed-');
let sim: RunningSimulators;

interface Run {
  readonly code: number | null;
  readonly killed: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * One `stoa sync`. Killed (SIGKILL) `{ afterMs }` after its first progress line (a run sends what
 * is due before it pulls, so while actions wait that is inside the push), or `'sending'`: the
 * moment the workspace shows an entry in flight, watched from outside through the database.
 */
function sync(dataDir: string, args: readonly string[], kill: { afterMs: number } | 'sending' | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [STOA_BIN, 'sync', '--data-dir', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    let watch: NodeJS.Timeout | null = null;
    const watcher = kill === 'sending' ? new Database(join(dataDir, 'workspace.sqlite'), { readonly: true, fileMustExist: true }) : null;
    const inFlight = watcher?.prepare("SELECT COUNT(*) FROM outbox WHERE state = 'sending'").pluck();
    if (inFlight) watch = setInterval(() => (inFlight.get() as number) > 0 && child.kill('SIGKILL'), 2);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (kill !== null && kill !== 'sending' && /^pu(sh|ll):/m.test(stderr)) timer ??= setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (watch) clearInterval(watch);
      watcher?.close();
      resolve({ code, killed: signal === 'SIGKILL', stdout, stderr });
    });
  });
}

function counts(dataDir: string): OutboxCounts {
  const db = openDatabase(join(dataDir, 'workspace.sqlite'));
  try {
    return outboxCounts(db);
  } finally {
    db.close();
  }
}

describe('stoa sync killed and restarted under faults', () => {
  // Each clean run is --verbose: should an entry be left, the failure message carries the last
  // run's summary and every state change it went through, with times.
  it('drains the outbox, never ends a clean run with entries in "sending", and applies each action once', { timeout: 240_000 }, async () => {
    sim = await startSimulators({ seed: 'killed-runs', faultRate: 0, simulators: { reddit: createRedditSimulator({ items: 120 }), youtube: (context) => createYoutubeSimulator(context) } });
    onTestFinished(() => sim.close());
    const dataDir = tempDir();
    const setup = openBackend({ dataDir, host: 'in-process', modelsDir: join(dataDir, 'no-models') });
    const added = await initDemoAccounts(setup.context, sim.url);
    if (!added.ok) throw new Error(added.error.message);
    const service = new SyncService(setup.context);
    expect((await service.pullAll()).problems).toEqual([]);
    const queued: { remoteId: string; platform: 'reddit' | 'youtube'; wire: string }[] = [];
    for (const platform of ['reddit', 'youtube'] as const) {
      const items = listItems(setup.context.db, { platform, state: 'open', sort: 'oldest', limit: ACTIONS[platform], cursor: null }).items;
      expect(items).toHaveLength(ACTIONS[platform]);
      items.forEach((item, index) => {
        const action = index % 2 === 0 ? 'approve' : 'remove';
        const decided = service.decide({ itemId: item.id, action });
        if (!decided.ok) throw new Error(decided.error.message);
        const wire = platform === 'reddit' ? action : action === 'approve' ? 'setModerationStatus:published' : 'setModerationStatus:rejected';
        queued.push({ remoteId: item.remoteId, platform, wire });
      });
    }
    await setup.close();

    sim.faults.setRate(FAULT_RATE);
    const rng = createRng('killed-runs');
    let kills = 0;
    /** Kills that left an entry in 'sending': a request in flight, for the next run to reconcile. */
    let midRequest = 0;
    for (let run = 0; kills < KILLS && run < KILLS * 3; run += 1) {
      const result = await sync(dataDir, ['--max-wait', '20'], run % 2 === 0 ? 'sending' : { afterMs: rng.int(0, 1500) });
      const after = counts(dataDir);
      if (result.killed) {
        kills += 1;
        if (after.sending > 0) midRequest += 1;
      } else {
        expect(after.sending, result.stderr).toBe(0);
        expect(result.code, result.stderr).toBe(after.pending > 0 ? 3 : 0);
      }
    }
    expect(kills).toBe(KILLS);
    expect(midRequest).toBeGreaterThan(0);

    // Uninterrupted runs, faults still on: each clean exit leaves nothing 'sending' and exits 3
    // exactly while something is queued.
    const cleanRuns: { code: number | null; remaining: number }[] = [];
    // The last clean run's summary and trace: what was still waiting, until when, and what each try met.
    let lastSummary = '';
    for (let run = 0; run < CLEAN_RUNS; run += 1) {
      const result = await sync(dataDir, ['--json', '--verbose', '--max-wait', '60'], null);
      const after = counts(dataDir);
      const summary = JSON.parse(result.stdout) as { remaining: number; waiting: { nextAttemptAt: string | null }[] };
      cleanRuns.push({ code: result.code, remaining: summary.remaining });
      lastSummary = `${result.stdout}\n${result.stderr}`;
      expect(after.sending, result.stderr).toBe(0);
      expect(summary.remaining).toBe(after.pending);
      expect(result.code).toBe(summary.remaining > 0 ? 3 : 0);
      if (summary.remaining === 0) break;
      expect(summary.waiting.every((group) => group.nextAttemptAt !== null)).toBe(true);
    }
    console.warn(`killed runs: ${kills} SIGKILLs (${midRequest} mid-request), then clean runs ${JSON.stringify(cleanRuns)}`);

    const db = openDatabase(join(dataDir, 'workspace.sqlite'));
    try {
      const unsettled = listOutbox(db, { limit: 100 }).filter((entry) => entry.state !== 'done');
      expect(unsettled.map((e) => `${e.platform} ${e.targetRemoteId} ${e.state} after ${e.attempts}: ${e.errorClass} ${e.lastError}`), lastSummary).toEqual([]);
      expect(outboxCounts(db)).toEqual({ pending: 0, sending: 0, done: queued.length, failed: 0, conflict: 0 });
    } finally {
      db.close();
    }
    const applied = { reddit: appliedWrites(sim, 'reddit'), youtube: appliedWrites(sim, 'youtube') };
    for (const entry of queued) expect(applied[entry.platform].get(entry.remoteId), `${entry.platform} ${entry.remoteId}`).toEqual([entry.wire]);
  });
});
