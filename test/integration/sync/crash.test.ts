// The crash test (issue #3, Done means): a few hundred queued actions, a child process running
// `stoa sync` against the simulators with random faults on, killed with SIGKILL at random points
// 50 times and restarted each time. At the end every action was applied on the simulator exactly
// once (GET /__sim/state write log), none was lost, and the local state matches the remote state.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../../src/backend/openBackend.ts';
import { platformFor } from '../../../src/backend/sync/accounts.ts';
import { initDemoAccounts } from '../../../src/backend/sync/demo.ts';
import { SyncService } from '../../../src/backend/sync/service.ts';
import { createRedditSimulator } from '../../../src/platforms/reddit/simulator.ts';
import { createRng, startSimulators, type RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { createYoutubeSimulator } from '../../../src/platforms/youtube/simulator.ts';
import { listAccounts } from '../../../src/store/accounts.ts';
import { getSetting } from '../../../src/store/settings.ts';
import { itemTarget } from '../../../src/store/itemRemote.ts';
import { listItems } from '../../../src/store/items.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { listOutbox, outboxCounts } from '../../../src/store/outbox.ts';
import { localStateOf } from '../../../src/sync/pull.ts';
import { targetFromRow } from '../../../src/sync/target.ts';
import { STOA_BIN } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';

const KILLS = 50;
const REDDIT_ACTIONS = 160;
const YOUTUBE_ACTIONS = 140;
const FAULT_RATE = 0.12;

const tempDir = useTempDir('stoa-crash-');
let sim: RunningSimulators;

beforeAll(async () => {
  sim = await startSimulators({
    seed: 'crash',
    faultRate: 0,
    // Room for 50 restarts' worth of pulls inside Reddit's 600 s window; faults still throttle.
    // Likewise for YouTube's daily quota: about 100 runs' pulls, read-backs and retried writes in one
    // Pacific day would spend a real project's 10,000 units (the connector keeps its ledger across
    // restarts), which is the quota doing its job, not what this test is about.
    simulators: { reddit: createRedditSimulator({ items: 400, rateLimit: 100_000 }), youtube: (context) => createYoutubeSimulator(context, { dailyQuota: 1_000_000 }) },
  });
});
afterAll(async () => {
  await sim.close();
});

/**
 * Runs `stoa sync` and SIGKILLs it `delayMs` after it starts working (its first progress line) or
 * after it starts sending (its first "push:" line); resolves whether the kill landed.
 */
function syncUntilKilled(dataDir: string, delayMs: number, from: 'start' | 'push'): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [STOA_BIN, 'sync', '--data-dir', dataDir, '--max-wait', '20'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (from === 'start' || stderr.includes('push:')) timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code, stderr });
    });
  });
}

function syncToEnd(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [STOA_BIN, 'sync', '--data-dir', dataDir, '--json', '--max-wait', '180'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('crash test', () => {
  it(`applies every queued action exactly once across ${KILLS} SIGKILLs`, { timeout: 400_000 }, async () => {
    const dataDir = tempDir();
    // Queue the actions in this process: a pull, then one decision per item.
    const setup = openBackend({ dataDir, host: 'in-process', modelsDir: join(dataDir, 'no-models') });
    const added = await initDemoAccounts(setup.context, sim.url);
    if (!added.ok) throw new Error(added.error.message);
    const service = new SyncService(setup.context);
    const pulled = await service.pullAll();
    expect(pulled.problems).toEqual([]);
    const queued: { itemId: string; remoteId: string; platform: string; action: 'approve' | 'remove' | 'spam' }[] = [];
    const plan = [
      { platform: 'reddit' as const, count: REDDIT_ACTIONS, actions: ['approve', 'remove', 'spam'] as const },
      { platform: 'youtube' as const, count: YOUTUBE_ACTIONS, actions: ['approve', 'remove'] as const },
    ];
    for (const { platform, count, actions } of plan) {
      const items = listItems(setup.context.db, { platform, state: 'open', sort: 'oldest', limit: count, cursor: null }).items;
      expect(items.length).toBe(count);
      items.forEach((item, index) => {
        const action = actions[index % actions.length] ?? 'approve';
        const decided = service.decide({ itemId: item.id, action });
        if (!decided.ok) throw new Error(decided.error.message);
        queued.push({ itemId: item.id, remoteId: item.remoteId, platform, action });
      });
    }
    expect(outboxCounts(setup.context.db).pending).toBe(REDDIT_ACTIONS + YOUTUBE_ACTIONS);
    await setup.close();

    // Kill, restart, kill... with faults on.
    sim.faults.setRate(FAULT_RATE);
    const rng = createRng('kill-points');
    let kills = 0;
    let runs = 0;
    /** Kills that left entries in 'sending' (in flight when killed): what restart must reconcile. */
    let killedMidRequest = 0;
    const doneAtKill: number[] = [];
    let unsent = REDDIT_ACTIONS + YOUTUBE_ACTIONS;
    while (kills < KILLS && runs < KILLS * 3) {
      runs += 1;
      // While actions remain, every other kill lands inside the push; the rest anywhere in a run.
      const result =
        unsent > 0 && runs % 2 === 0 ? await syncUntilKilled(dataDir, rng.int(0, 300), 'push') : await syncUntilKilled(dataDir, rng.int(0, 1000), 'start');
      const db = openDatabase(join(dataDir, 'workspace.sqlite'));
      const counts = outboxCounts(db);
      db.close();
      unsent = counts.pending + counts.sending;
      if (!result.killed) {
        // A run that ended by itself leaves nothing in flight, and exits 3 while actions wait.
        expect(counts.sending, result.stderr).toBe(0);
        expect(result.code, result.stderr).toBe(unsent > 0 ? 3 : 0);
        continue;
      }
      kills += 1;
      if (counts.sending > 0) killedMidRequest += 1;
      doneAtKill.push(counts.done);
    }
    expect(kills).toBe(KILLS);
    // The kills must have hit the push itself, not only start-up and pulls.
    expect(killedMidRequest).toBeGreaterThan(0);
    console.warn(`crash test: ${runs} runs, ${kills} SIGKILLs, ${killedMidRequest} leaving entries in 'sending'; done at each kill: ${doneAtKill.join(',')}`);

    // Let it finish: faults off, one or more uninterrupted runs.
    sim.faults.setRate(0);
    let remaining = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 6 && remaining > 0; attempt += 1) {
      const final = await syncToEnd(dataDir);
      remaining = (JSON.parse(final.stdout) as { remaining: number }).remaining;
      expect(final.code, final.stderr).toBe(remaining > 0 ? 3 : 0);
    }

    const check = openBackend({ dataDir, host: 'in-process', modelsDir: join(dataDir, 'no-models') });
    try {
      const { db } = check.context;
      const youtubeAccount = listAccounts(db).find((a) => a.platform === 'youtube');
      console.warn(`crash test: YouTube quota units spent today by the connector: ${JSON.stringify(getSetting(db, `connector-usage:${youtubeAccount?.id ?? ''}`))}`);
      const unsettled = listOutbox(db, { limit: 1000 }).filter((entry) => entry.state !== 'done');
      expect(unsettled.map((e) => `${e.platform} ${e.targetRemoteId} ${e.state} after ${e.attempts} attempts, next ${e.nextAttemptAt}: ${e.errorClass} ${e.lastError}`)).toEqual([]);
      expect(outboxCounts(db)).toEqual({ pending: 0, sending: 0, done: queued.length, failed: 0, conflict: 0 });

      // Exactly once on the platform: one applied write per queued action, of that action.
      const state = sim.state();
      const wireAction = (platform: string, action: string): string =>
        platform === 'reddit' ? action : action === 'approve' ? 'setModerationStatus:published' : 'setModerationStatus:rejected';
      for (const entry of queued) {
        const applied = (state.platforms[entry.platform]?.writes ?? []).filter((w) => w.target === entry.remoteId && w.applied).map((w) => w.action);
        expect(applied, `${entry.platform} ${entry.remoteId}`).toEqual([wireAction(entry.platform, entry.action)]);
      }

      // Local state matches remote state, read back from the platforms.
      const accounts = new Map(listAccounts(db).map((account) => [account.platform, account]));
      for (const entry of queued) {
        const account = accounts.get(entry.platform as 'reddit' | 'youtube');
        if (!account) throw new Error(`no ${entry.platform} account`);
        const platform = platformFor(check.context, account, fetch);
        if (!platform.ok) throw new Error(platform.error.message);
        const row = itemTarget(db, entry.itemId);
        if (!row) throw new Error('item vanished');
        const remote = await platform.value.readState(targetFromRow(row));
        if (remote.status !== 'ok') throw new Error(`readState ${entry.remoteId}: ${remote.status}`);
        expect(row.state, entry.remoteId).toBe(localStateOf(remote.snapshot.state));
      }
    } finally {
      await check.close();
    }
  });
});
