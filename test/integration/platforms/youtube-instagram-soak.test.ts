// Random faults (the host's fault rate: drops, commit-then-drop, 5xx, throttles, expired tokens,
// malformed pages) against a minimal replay loop that follows the connectors' outcomes the way the
// sync engine must: wait on retry_after, read before resending after an ambiguous failure. At the
// end every action is applied exactly once and nothing is lost.
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatform } from '../../../src/platforms/index.ts';
import { actionReflected, type ActionRequest, type ActOutcome, type Platform } from '../../../src/platforms/platform.ts';
import { createVirtualClock, startSimulators, type RunningSimulators, type VirtualClock } from '../../../src/platforms/sim/index.ts';
import { SIMULATOR_FACTORIES } from '../../../src/platforms/sim/registry.ts';
import type { Credentials } from '../../../src/platforms/platform.ts';

let sims: RunningSimulators | null = null;
afterEach(async () => {
  await sims?.close();
  sims = null;
});

/** Replays one action to a terminal outcome; returns it and how many sends it took. */
async function replay(platform: Platform, request: ActionRequest, clock: VirtualClock): Promise<ActOutcome> {
  let mustRead = false;
  for (let attempt = 0; attempt < 60; attempt += 1) {
    if (mustRead && !platform.capabilities.idempotentActions.includes(request.action)) {
      const read = await platform.readState(request.target);
      if (read.status === 'ok' && actionReflected(request.action, read.snapshot)) return { status: 'already_done', snapshot: read.snapshot };
      if (read.status === 'retry_after') {
        clock.advance(read.seconds * 1000);
        continue;
      }
    }
    const outcome = await platform.act(request);
    if (outcome.status !== 'retry_after') return outcome;
    mustRead = mustRead || outcome.ambiguous;
    clock.advance(outcome.seconds * 1000);
  }
  throw new Error(`no terminal outcome for ${request.target.remoteId}`);
}

describe('YouTube and Instagram under random faults', () => {
  it('apply every action exactly once at a 30% fault rate', async () => {
    const { youtube, instagram } = SIMULATOR_FACTORIES;
    if (!youtube || !instagram) throw new Error('not registered');
    const clock = createVirtualClock(new Date('2026-11-25T12:00:00Z'));
    sims = await startSimulators({ seed: 42, clock, faultRate: 0.3, simulators: { youtube, instagram } });
    const accounts = sims.accounts();
    const connect = (name: 'youtube' | 'instagram') => {
      const a = accounts[name];
      if (!a) throw new Error(name);
      let credentials: Credentials = a.credentials;
      return createPlatform(name, { baseUrl: a.baseUrl, credentials, options: a.options, credentialStore: { save: async (next) => void (credentials = next) }, userAgent: 'stoa-soak/0.1', fetch: (i, init) => fetch(i, init), clock });
    };
    for (const [name, queue, count] of [
      ['youtube', 'modqueue', 60],
      ['instagram', 'comments', 60],
    ] as const) {
      const platform = connect(name);
      // Pull through the faults until enough items are in hand.
      const items = new Map<string, ActionRequest>();
      let cursor: string | null = null;
      for (let i = 0; i < 500 && items.size < count; i += 1) {
        const page = await platform.pull({ queue, cursor, limit: 20 });
        if (page.status === 'retry_after') {
          clock.advance(page.seconds * 1000);
          continue;
        }
        if (page.status !== 'ok') throw new Error(`${name} pull: ${JSON.stringify(page)}`);
        for (const item of page.page.items) {
          if (item.remoteState === 'open') items.set(item.remoteId, { action: 'remove', target: { remoteId: item.remoteId, kind: item.kind, community: item.community, author: item.author, version: item.version }, idempotencyKey: `${name}-${item.remoteId}` });
        }
        cursor = page.page.nextCursor;
        if (cursor === null) break;
      }
      const requests = [...items.values()].slice(0, count);
      expect(requests).toHaveLength(count);
      for (const request of requests) {
        const outcome = await replay(platform, request, clock);
        expect(['done', 'already_done'], `${name} ${request.target.remoteId}: ${JSON.stringify(outcome)}`).toContain(outcome.status);
      }
      const writes = sims.state().platforms[name]?.writes ?? [];
      for (const request of requests) {
        const applied = writes.filter((w) => w.target === request.target.remoteId && w.applied);
        expect(applied, `${name} ${request.target.remoteId}`).toHaveLength(1);
      }
      expect(writes.some((w) => !w.applied)).toBe(true); // the faults did bite
    }
  });
});
