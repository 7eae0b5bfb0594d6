// Exactly one desktop sends each platform action: three desks (real workspaces, three members of
// one real PostgreSQL hub) sync the same Reddit items from ONE simulator, all decide the same ten
// items (with different actions) and sync at once. The simulator's write log shows one write per
// item; each other desk's entry is a conflict naming the desk that won. "Keep mine" on one sends
// exactly one more write; "Take theirs" on another sends nothing and withdraws the decision.
import { afterEach, describe, expect, it } from 'vitest';
import type { ModerationAction } from '../../../src/core/domain.ts';
import { initDemoAccounts } from '../../../src/backend/sync/demo.ts';
import { startSimulators, type RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { SIMULATOR_FACTORIES } from '../../../src/platforms/sim/registry.ts';
import { listItems } from '../../../src/store/items.ts';
import { getOutboxEntry, outboxEntryForDecision, type OutboxEntry } from '../../../src/store/outbox.ts';
import { prepared } from '../../../src/store/statements.ts';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { joinUrl, newMemberToken, openDesk, removeDir, value, type Desk } from './deskSupport.ts';
import { freshHub } from './support.ts';

const NAMES = ['Ana', 'Ben', 'Cleo'] as const;
/** Who does what to item j: Ana removes, Ben approves, Cleo marks every other one as spam. */
const actionOf = (desk: number, item: number): ModerationAction => (desk === 0 ? 'remove' : desk === 1 ? 'approve' : item % 2 === 0 ? 'spam' : 'remove');

interface SimWrite {
  readonly target: string;
  readonly action: string;
  readonly applied: boolean;
}

async function simWrites(sim: RunningSimulators): Promise<SimWrite[]> {
  const body = (await (await fetch(`${sim.url}/__sim/state`)).json()) as { platforms: { reddit?: { writes?: SimWrite[] } } };
  return body.platforms.reddit?.writes ?? [];
}

describe.runIf(needsPostgres('three desks, one sender'))('three desks, one simulator: one sender per action', () => {
  const cluster = usePostgres();
  const opened: Desk[] = [];
  let sim: RunningSimulators | null = null;
  afterEach(async () => {
    for (const desk of opened.splice(0)) {
      await desk.close();
      removeDir(desk.dataDir);
    }
    await sim?.close();
    sim = null;
  });

  it('sends each decided item once, names the winner on the others, keeps or withdraws on request', async () => {
    const hub = await freshHub(cluster());
    sim = await startSimulators({ seed: 12, faultRate: 0, simulators: { reddit: SIMULATOR_FACTORIES['reddit'] ?? (() => { throw new Error('no reddit simulator'); }) } });
    const running = sim;
    const tokens = [hub.owner.token, await newMemberToken(hub.pool, hub.owner.token, 'Ben', 'moderator'), await newMemberToken(hub.pool, hub.owner.token, 'Cleo', 'moderator')];
    const desks = NAMES.map((name) => openDesk(name));
    opened.push(...desks);
    for (const [i, desk] of desks.entries()) {
      const added = await initDemoAccounts(desk.backend.context, running.url);
      if (!added.ok) throw new Error(added.error.message);
      await value(desk.client.call('hub.join', { url: joinUrl(hub.url, tokens[i] ?? '') }));
    }

    // All three pull the same queues from the one simulator.
    await Promise.all(desks.map((desk) => desk.backend.sync.syncNow()));
    const first = desks[0];
    if (!first) throw new Error('no desk');
    const remoteIds = listItems(first.backend.context.db, { platform: 'reddit', state: 'open', sort: 'oldest', limit: 10, cursor: null }).items.map((item) => item.remoteId);
    expect(remoteIds).toHaveLength(10);
    const localId = (desk: Desk, remoteId: string) => prepared(desk.backend.context.db, "SELECT id FROM items WHERE platform = 'reddit' AND remote_id = ?").pluck().get(remoteId) as string | undefined;

    // Every desk decides every one of the ten items, then all sync at the same time.
    const decisions = await Promise.all(
      desks.map(async (desk, d) => {
        const ids: string[] = [];
        for (const [j, remoteId] of remoteIds.entries()) {
          const itemId = localId(desk, remoteId);
          if (!itemId) throw new Error(`${NAMES[d]} did not sync ${remoteId}`);
          ids.push((await value(desk.client.call('queue.decide', { itemId, action: actionOf(d, j) }))).decisionId);
        }
        return ids;
      }),
    );
    const before = (await simWrites(running)).length;
    expect(before).toBe(0);
    await Promise.all(desks.map((desk) => desk.backend.sync.syncNow()));

    const entryOf = (d: number, j: number): OutboxEntry => {
      const entry = outboxEntryForDecision(desks[d]?.backend.context.db ?? first.backend.context.db, decisions[d]?.[j] ?? '');
      if (!entry) throw new Error(`no outbox entry for ${NAMES[d]}'s decision on item ${j}`);
      return entry;
    };
    const writes = await simWrites(running);
    const winners: number[] = [];
    for (const [j, remoteId] of remoteIds.entries()) {
      const onItem = writes.filter((write) => write.target === remoteId);
      // Exactly one request reached Reddit for the item, from the one desk whose entry is done.
      expect(onItem, remoteId).toHaveLength(1);
      const done = [0, 1, 2].filter((d) => entryOf(d, j).state === 'done');
      expect(done, remoteId).toHaveLength(1);
      const winner = done[0] ?? -1;
      winners.push(winner);
      expect(onItem[0]?.action).toBe(actionOf(winner, j));
      for (const loser of [0, 1, 2].filter((d) => d !== winner)) {
        const entry = entryOf(loser, j);
        expect(entry.state, `${NAMES[loser]} on ${remoteId}`).toBe('conflict');
        expect(entry.attempts).toBe(0);
        expect(entry.lastError).toMatch(new RegExp(`^decided by ${NAMES[winner]} (just now|\\d+ min ago) \\(${actionOf(winner, j)}\\)$`));
        expect(entry.remoteSnapshot).toMatchObject({ source: 'hub', memberName: NAMES[winner], action: actionOf(winner, j), decisionId: decisions[winner]?.[j] });
      }
    }
    console.warn(`three desks: winners per item ${winners.map((w) => NAMES[w]).join(', ')}`);

    // Keep mine: a loser whose action differs from the winner's sends it, as one more write.
    const keepItem = remoteIds.findIndex((_, j) => actionOf(winners[j] ?? 0, j) !== actionOf(((winners[j] ?? 0) + 1) % 3, j));
    expect(keepItem).toBeGreaterThanOrEqual(0);
    const keeper = ((winners[keepItem] ?? 0) + 1) % 3;
    const keeperDesk = desks[keeper];
    if (!keeperDesk) throw new Error('no keeper desk');
    const kept = await value(keeperDesk.client.call('outbox.resolve', { id: entryOf(keeper, keepItem).id, choice: 'retry' }));
    expect(kept.state).toBe('pending');
    await keeperDesk.backend.sync.syncNow();
    expect(entryOf(keeper, keepItem).state).toBe('done');
    const afterKeep = await simWrites(running);
    expect(afterKeep.length).toBe(writes.length + 1);
    expect(afterKeep.at(-1)).toMatchObject({ target: remoteIds[keepItem], action: actionOf(keeper, keepItem) });

    // Take theirs: another loser, on another item, withdraws; nothing is sent.
    const takeItem = keepItem === 0 ? 1 : 0;
    const taker = ((winners[takeItem] ?? 0) + 2) % 3;
    const takerDesk = desks[taker];
    if (!takerDesk) throw new Error('no taker desk');
    const taken = await value(takerDesk.client.call('outbox.resolve', { id: entryOf(taker, takeItem).id, choice: 'accept_remote' }));
    expect(taken.state).toBe('failed');
    await Promise.all(desks.map((desk) => desk.backend.sync.syncNow()));
    expect((await simWrites(running)).length).toBe(afterKeep.length);
    const withdrawn = getOutboxEntry(takerDesk.backend.context.db, entryOf(taker, takeItem).id);
    expect(['undone', 'superseded']).toContain(withdrawn?.errorClass);
    // Every other conflict is still waiting for its person: nothing more went out on its own.
    const open = [0, 1, 2].flatMap((d) => remoteIds.map((_, j) => entryOf(d, j))).filter((entry) => entry.state === 'conflict');
    expect(open).toHaveLength(20 - 2);
    await hub.pool.end();
  });
});
