// The send gate against a fake hub: the sync engine asks before each decision's entry leaves, and
// the answers become outbox states (sent, conflict naming the teammate, waiting for a claim or for
// the hub). "Keep mine" asks again as an override, "Take theirs" withdraws; a send that fails for
// good gives the right back; an entry sent once before a crash is not asked again. Real SQLite,
// the Reddit simulator over HTTP, a virtual clock.
import { afterEach, describe, expect, it } from 'vitest';
import { SyncService } from '../../../src/backend/sync/service.ts';
import { decideAndQueue } from '../../../src/sync/decide.ts';
import { agoText, type SendGate, type SendRightRequest, type SendVerdict } from '../../../src/sync/sendGate.ts';
import { listItems } from '../../../src/store/items.ts';
import { getOutboxEntry, markSending } from '../../../src/store/outbox.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { appliedWrites, startSyncHarness, type SyncHarness } from '../../integration/sync/harness.ts';

const tempDir = useTempDir('stoa-gate-');
let harness: SyncHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

/** A hub stand-in: scripted answers per remote id (granted otherwise), every ask and release kept. */
class FakeGate implements SendGate {
  readonly asked: SendRightRequest[] = [];
  readonly released: string[] = [];
  readonly verdicts = new Map<string, SendVerdict>();

  acquire(request: SendRightRequest): Promise<SendVerdict> {
    this.asked.push(request);
    return Promise.resolve(this.verdicts.get(request.remoteId) ?? { kind: 'granted' });
  }

  release(decisionId: string): Promise<void> {
    this.released.push(decisionId);
    return Promise.resolve();
  }
}

async function start(): Promise<{ h: SyncHarness; gate: FakeGate; sync: SyncService }> {
  harness = await startSyncHarness(tempDir(), { platforms: ['reddit'] });
  const h = harness;
  await h.sync.pullAll();
  const gate = new FakeGate();
  const sync = new SyncService(h.backend.context, {
    sendGate: gate,
    random: () => 0.5,
    sleep: async (ms) => {
      h.clock.advance(ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  });
  return { h, gate, sync };
}

function decide(sync: SyncService, itemId: string, action: 'approve' | 'remove' | 'spam') {
  const decided = sync.decide({ itemId, action });
  if (!decided.ok || !decided.value.outbox) throw new Error(decided.ok ? 'no outbox entry' : decided.error.message);
  return { decisionId: decided.value.decision.id, entryId: decided.value.outbox.id };
}

const openItems = (h: SyncHarness, limit: number) => listItems(h.backend.context.db, { platform: 'reddit', state: 'open', sort: 'oldest', limit, cursor: null }).items;

const entry = (h: SyncHarness, id: string) => {
  const found = getOutboxEntry(h.backend.context.db, id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
};

describe('send gate', () => {
  it('sends with the right, turns a teammate’s decision into a conflict, waits for a claim or a silent hub', async () => {
    const { h, gate, sync } = await start();
    const [granted, free, decided, claimed, silent] = openItems(h, 5);
    if (!granted || !free || !decided || !claimed || !silent) throw new Error('need five open items');
    const now = h.clock.nowMs();
    const claimEnds = new Date(now + 90_000).toISOString();
    gate.verdicts.set(free.remoteId, { kind: 'free' });
    gate.verdicts.set(decided.remoteId, { kind: 'decided', holder: { memberName: 'Ana', action: 'remove', decisionId: 'ana-decision', decidedAt: new Date(now - 150_000).toISOString() } });
    gate.verdicts.set(claimed.remoteId, { kind: 'claimed', memberName: 'Ana', expiresAt: claimEnds });
    gate.verdicts.set(silent.remoteId, { kind: 'wait', reason: 'waiting for the team hub' });
    const mine = [granted, free, decided, claimed, silent].map((item) => decide(sync, item.id, 'approve'));

    const first = await sync.pushOutbox();
    expect(first).toMatchObject({ acted: 2, conflicts: 1, remaining: 2 });
    expect(gate.asked.map((ask) => [ask.remoteId, ask.decisionId, ask.action, ask.overrides])).toEqual(
      [granted, free, decided, claimed, silent].map((item, index) => [item.remoteId, mine[index]?.decisionId, 'approve', null]),
    );
    const writes = appliedWrites(h.sim, 'reddit');
    expect([...writes.keys()].sort()).toEqual([granted.remoteId, free.remoteId].sort());

    const conflict = entry(h, mine[2]?.entryId ?? '');
    expect(conflict).toMatchObject({ state: 'conflict', attempts: 0, lastError: 'decided by Ana 2 min ago (remove)' });
    expect(conflict.remoteSnapshot).toMatchObject({ source: 'hub', memberName: 'Ana', action: 'remove', decisionId: 'ana-decision' });
    expect(entry(h, mine[3]?.entryId ?? '')).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: claimEnds, lastError: 'Ana is looking; sends when their claim ends' });
    expect(entry(h, mine[4]?.entryId ?? '')).toMatchObject({ state: 'pending', attempts: 0, lastError: 'waiting for the team hub' });

    // The claim ends and the hub answers again: both go, the claimed one not before its claim ended.
    gate.verdicts.delete(claimed.remoteId);
    gate.verdicts.delete(silent.remoteId);
    const second = await sync.pushOutbox({ maxWaitMs: 120_000 });
    expect(second).toMatchObject({ acted: 2, remaining: 0 });
    expect(h.clock.nowMs()).toBeGreaterThanOrEqual(Date.parse(claimEnds));
    expect(appliedWrites(h.sim, 'reddit').get(claimed.remoteId)).toEqual(['approve']);
    expect(appliedWrites(h.sim, 'reddit').get(decided.remoteId)).toBeUndefined();
  });

  it('asks again as an override on Keep mine, and withdraws the decision on Take theirs', async () => {
    const { h, gate, sync } = await start();
    const [kept, withdrawn] = openItems(h, 2);
    if (!kept || !withdrawn) throw new Error('need two open items');
    const holder = (decisionId: string) => ({ kind: 'decided', holder: { memberName: 'Ben', action: 'remove', decisionId, decidedAt: new Date(h.clock.nowMs()).toISOString() } }) as const;
    gate.verdicts.set(kept.remoteId, holder('ben-1'));
    gate.verdicts.set(withdrawn.remoteId, holder('ben-2'));
    const keep = decide(sync, kept.id, 'approve');
    const take = decide(sync, withdrawn.id, 'spam');
    expect(await sync.pushOutbox()).toMatchObject({ acted: 0, conflicts: 2 });
    expect(entry(h, keep.entryId).lastError).toBe('decided by Ben just now (remove)');

    expect(sync.resolveConflict(keep.entryId, 'retry')).toMatchObject({ ok: true, value: { state: 'pending' } });
    gate.verdicts.delete(kept.remoteId);
    expect(sync.resolveConflict(take.entryId, 'accept_remote')).toMatchObject({ ok: true, value: { state: 'failed' } });
    gate.asked.length = 0;
    expect(await sync.pushOutbox()).toMatchObject({ acted: 1, remaining: 0 });
    expect(gate.asked.map((ask) => [ask.decisionId, ask.overrides])).toEqual([[keep.decisionId, 'ben-1']]);
    expect(appliedWrites(h.sim, 'reddit').get(kept.remoteId)).toEqual(['approve']);
    // Taken back like an undo: nothing sent, the entry closed as undone, the item open again.
    expect(appliedWrites(h.sim, 'reddit').get(withdrawn.remoteId)).toBeUndefined();
    expect(entry(h, take.entryId)).toMatchObject({ state: 'failed', errorClass: 'undone', attempts: 0 });
    const db = h.backend.context.db;
    expect(db.prepare('SELECT state FROM items WHERE id = ?').pluck().get(withdrawn.id)).toBe('open');
    expect(db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'decision.undo' AND subject = ?").pluck().get(withdrawn.id)).toBe(1);
    // A conflict that is no longer one cannot be resolved twice.
    expect(sync.resolveConflict(take.entryId, 'accept_remote')).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('gives the right back when a send fails for good, and does not ask again for an entry sent before a crash', async () => {
    const { h, gate, sync } = await start();
    const [banned, crashed] = openItems(h, 2);
    if (!banned || !crashed) throw new Error('need two open items');
    const { db, who, clock } = h.backend.context;
    // Reddit refuses a ban reason over 100 characters (the service would refuse it up front).
    const ban = decideAndQueue(db, { itemId: banned.id, action: 'ban', params: { reason: 'x'.repeat(101) } }, who, clock);
    const sent = decide(sync, crashed.id, 'remove');
    markSending(db, entry(h, sent.entryId).seq, clock);
    gate.verdicts.set(crashed.remoteId, { kind: 'decided', holder: { memberName: 'Ana', action: 'approve', decisionId: 'ana', decidedAt: new Date(clock.now().getTime()).toISOString() } });
    const summary = await sync.pushOutbox();
    expect(summary).toMatchObject({ acted: 1, failed: 1, conflicts: 0, remaining: 0 });
    expect(gate.asked.map((ask) => ask.decisionId)).toEqual([ban.decision.id]);
    expect(gate.released).toEqual([ban.decision.id]);
    expect(entry(h, sent.entryId).state).toBe('done');
    expect(appliedWrites(h.sim, 'reddit').get(crashed.remoteId)).toEqual(['remove']);
  });

  it('says how long ago a teammate decided, reading a clock skew as just now', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(agoText('2026-12-04T10:00:30Z', now)).toBe('just now');
    expect(agoText('2026-12-04T09:59:30Z', now)).toBe('just now');
    expect(agoText('2026-12-04T09:58:00Z', now)).toBe('2 min ago');
    expect(agoText('2026-12-04T07:00:00Z', now)).toBe('3 h ago');
    expect(agoText('2026-12-01T10:00:00Z', now)).toBe('3 d ago');
    expect(agoText('not a time', now)).toBe('just now');
  });
});
