// Connectors under a steady background fault rate (5xx, resets, 429 bursts, expired tokens,
// commit-then-drop, malformed pages), driven by a minimal outbox loop that honours the outcome
// contract: wait on retry_after, read before resending an ambiguous non-idempotent write, stop on
// done/already_done/conflict. At the end every target was applied exactly once on the simulator
// and its remote state shows the action.
import { afterEach, describe, expect, it } from 'vitest';
import type { ModerationAction } from '../../../src/core/domain.ts';
import { createDiscourseSimulator } from '../../../src/platforms/discourse/simulator.ts';
import { actionReflected, type ActionTarget, type ActOutcome, type Platform, type RemoteItem } from '../../../src/platforms/platform.ts';
import { createRedditSimulator } from '../../../src/platforms/reddit/simulator.ts';
import type { SimulatorFactory } from '../../../src/platforms/sim/index.ts';
import { startHarness, type Harness } from './simHarness.ts';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const MAX_ATTEMPTS = 60;

async function collect(platform: Platform, queue: 'modqueue' | 'reports', want: number, advance: (s: number) => void): Promise<{ items: RemoteItem[]; quarantined: number }> {
  const items = new Map<string, RemoteItem>();
  let quarantined = 0;
  let cursor: string | null = null;
  for (let attempts = 0; items.size < want && attempts < 500; attempts += 1) {
    const outcome = await platform.pull({ queue, cursor });
    if (outcome.status === 'retry_after') {
      advance(outcome.seconds);
      continue;
    }
    if (outcome.status !== 'ok') throw new Error(`pull: ${JSON.stringify(outcome)}`);
    quarantined += outcome.page.quarantined.length;
    for (const item of outcome.page.items) if (item.remoteState === 'open') items.set(item.remoteId, item);
    cursor = outcome.page.nextCursor;
    if (cursor === null && items.size < want) throw new Error(`queue ran out at ${items.size}`);
  }
  return { items: [...items.values()].slice(0, want), quarantined };
}

/** One outbox entry to a terminal outcome. */
async function deliver(platform: Platform, action: ModerationAction, target: ActionTarget, advance: (s: number) => void): Promise<{ outcome: ActOutcome; attempts: number }> {
  let mustRead = false;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    if (mustRead) {
      const seen = await platform.readState(target);
      if (seen.status === 'retry_after') {
        advance(seen.seconds);
        continue;
      }
      if (seen.status === 'ok' && actionReflected(action, seen.snapshot)) return { outcome: { status: 'already_done', snapshot: seen.snapshot }, attempts: attempt };
      mustRead = false;
    }
    const outcome = await platform.act({ action, target, idempotencyKey: `${target.remoteId}/${action}` });
    if (outcome.status !== 'retry_after') return { outcome, attempts: attempt };
    advance(outcome.seconds);
    mustRead = outcome.ambiguous && !platform.capabilities.idempotentActions.includes(action);
  }
  throw new Error(`no terminal outcome for ${target.remoteId} after ${MAX_ATTEMPTS} attempts`);
}

describe.each([
  ['reddit', createRedditSimulator({ items: 300 }), 'modqueue', ['approve', 'remove', 'spam', 'ignore_reports']],
  ['discourse', createDiscourseSimulator({ items: 200 }), 'reports', ['approve', 'remove', 'ignore_reports']],
] as const)('%s under a 25%% fault rate', (name, factory: SimulatorFactory, queue, actions) => {
  it('applies every action exactly once and ends in the requested state', async () => {
    h = await startHarness(name, factory, `soak-${name}`, 0.25);
    const harness = h;
    const advance = (seconds: number) => harness.clock.advance(Math.max(1, seconds) * 1000);
    const { items } = await collect(harness.platform, queue, 40, advance);
    const statuses: string[] = [];
    let attempts = 0;
    for (const [index, item] of items.entries()) {
      const action = actions[index % actions.length] as ModerationAction;
      const target: ActionTarget = { remoteId: item.remoteId, kind: item.kind, community: item.community, author: item.author, version: item.version };
      const result = await deliver(harness.platform, action, target, advance);
      attempts += result.attempts;
      statuses.push(result.outcome.status);
    }
    // Nothing needed a person and nothing was a conflict: only we acted.
    expect(statuses.every((status) => status === 'done' || status === 'already_done'), statuses.join(',')).toBe(true);
    // The faults really happened.
    const faulted = harness.sim.requests(name).filter((request) => request.fault !== null);
    expect(new Set(faulted.map((request) => request.fault)).size).toBeGreaterThanOrEqual(3);
    expect(faulted.length).toBeGreaterThan(10);
    expect(attempts).toBeGreaterThan(items.length);
    const applied = new Map<string, number>();
    for (const write of harness.sim.state().platforms[name]?.writes ?? []) if (write.applied) applied.set(write.target, (applied.get(write.target) ?? 0) + 1);
    for (const [index, item] of items.entries()) expect(applied.get(item.remoteId), `${item.remoteId} ${actions[index % actions.length]} ${statuses[index]} ${JSON.stringify(harness.sim.state().platforms[name]?.writes.filter((w) => w.target === item.remoteId))} ${JSON.stringify(item.raw)}`).toBe(1);
    // Read back (faults off) and check each item shows its action.
    harness.sim.faults.setRate(0);
    for (const [index, item] of items.entries()) {
      const seen = await harness.platform.readState({ remoteId: item.remoteId, kind: item.kind, community: item.community, author: null, version: item.version });
      if (seen.status !== 'ok') throw new Error(JSON.stringify(seen));
      expect(actionReflected(actions[index % actions.length] as ModerationAction, seen.snapshot)).toBe(true);
    }
  });
});
