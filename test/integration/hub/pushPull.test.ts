import { describe, expect, it } from 'vitest';
import type { HubPool } from '../../../src/hub/connect.ts';
import { addMember } from '../../../src/hub/members.ts';
import { pullEvents, type HubEvent } from '../../../src/hub/pull.ts';
import { pushEvents, type HubEventInput } from '../../../src/hub/push.ts';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { event, freshHub } from './support.ts';

async function pullAll(pool: HubPool, token: string, after: number, limit: number): Promise<{ events: HubEvent[]; cursor: number }> {
  const events: HubEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await pullEvents(pool, token, cursor, limit);
    if (!page.ok) throw new Error(page.error.message);
    events.push(...page.value.events);
    cursor = page.value.cursor;
    if (!page.value.more) return { events, cursor };
  }
}

describe.runIf(needsPostgres('hub push and pull'))('hub push and pull on PostgreSQL', () => {
  const cluster = usePostgres();

  it('stores an event pushed twice once, and gives the retry the first sequence', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const batch = [event('decision', 'desk-1', { itemId: 'i1', action: 'remove' }), event('item_note', 'desk-1', { text: 'spam ring' })];
      const first = await pushEvents(pool, owner.token, batch);
      const again = await pushEvents(pool, owner.token, [...batch, event('saved_view', 'desk-1', { name: 'mine' })]);
      if (!first.ok || !again.ok) throw new Error('push refused');
      expect(first.value.map((r) => r.status)).toEqual(['stored', 'stored']);
      expect(first.value[1]!.seq).toBeGreaterThan(first.value[0]!.seq);
      expect(again.value.map((r) => r.status)).toEqual(['already_stored', 'already_stored', 'stored']);
      expect(again.value.slice(0, 2)).toEqual(first.value.map((r) => ({ ...r, status: 'already_stored' })));
      const pulled = await pullAll(pool, owner.token, 0, 10);
      expect(pulled.events.map((e) => e.id)).toEqual([...batch.map((e) => e.id), again.value[2]!.id]);
      expect(pulled.events[0]).toMatchObject({ kind: 'decision', actor: owner.memberId, actorName: 'Ana', device: 'desk-1', payload: { itemId: 'i1', action: 'remove' } });
      expect(pulled.cursor).toBe(again.value[2]!.seq);
    } finally {
      await pool.end();
    }
  });

  it('lets three desktops push interleaved, and each pulls every other one’s events exactly once, in sequence order', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const tokens = [owner.token];
      for (const name of ['Ben', 'Chloé']) {
        const added = await addMember(pool, owner.token, { name, role: 'moderator' });
        if (!added.ok) throw new Error(added.error.message);
        tokens.push(added.value.token);
      }
      const desks = tokens.map((token, i) => ({ token, device: `desk-${i + 1}`, cursor: 0, seen: [] as HubEvent[], pushed: [] as HubEventInput[] }));
      // Rounds: each desk pushes a small batch (two of them concurrently), then pulls a page of 3.
      for (let round = 0; round < 6; round++) {
        const batches = desks.map((desk, i) => Array.from({ length: 1 + ((round + i) % 3) }, (_, n) => event(n % 2 ? 'item_note' : 'decision', desk.device, { round, n })));
        const results = await Promise.all(desks.map((desk, i) => pushEvents(pool, desk.token, batches[i]!)));
        results.forEach((result, i) => {
          if (!result.ok) throw new Error(result.error.message);
          desks[i]!.pushed.push(...batches[i]!);
        });
        for (const desk of desks) {
          const page = await pullEvents(pool, desk.token, desk.cursor, 3);
          if (!page.ok) throw new Error(page.error.message);
          desk.seen.push(...page.value.events);
          desk.cursor = page.value.cursor;
        }
      }
      for (const desk of desks) {
        const rest = await pullAll(pool, desk.token, desk.cursor, 4);
        desk.seen.push(...rest.events);
        const seqs = desk.seen.map((e) => e.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect(new Set(seqs).size).toBe(seqs.length);
        const others = desk.seen.filter((e) => e.device !== desk.device).map((e) => e.id);
        const expected = desks.filter((d) => d !== desk).flatMap((d) => d.pushed.map((e) => e.id));
        expect(others.sort()).toEqual(expected.sort());
      }
    } finally {
      await pool.end();
    }
  });

  it('keeps workspaces apart: a member of one pulls nothing of another', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const { createWorkspace } = await import('../../../src/hub/members.ts');
      const other = await createWorkspace(pool, { workspace: 'Other brand', owner: 'Olu' });
      const mine = event('decision', 'desk-1');
      expect((await pushEvents(pool, owner.token, [mine])).ok).toBe(true);
      const theirs = await pullAll(pool, other.token, 0, 10);
      expect(theirs.events).toEqual([]);
      // Reusing an id another workspace holds is refused, not silently taken as "already stored".
      const reuse = await pushEvents(pool, other.token, [{ ...mine, device: 'desk-9' }]);
      expect(reuse).toMatchObject({ ok: false, error: { code: 'bad_events', message: expect.stringMatching(/another workspace/) } });
    } finally {
      await pool.end();
    }
  });

  it('refuses an unknown token and bad input with a sentence', async () => {
    const { pool } = await freshHub(cluster());
    try {
      expect(await pushEvents(pool, 'stoa_hub_wrong', [event('decision', 'desk-1')])).toMatchObject({ ok: false, error: { code: 'unknown_token' } });
      expect(await pullEvents(pool, 'stoa_hub_wrong', 0)).toMatchObject({ ok: false, error: { code: 'unknown_token' } });
      const badKind = { ...event('decision', 'desk-1'), kind: 'launch_missiles' } as unknown as HubEventInput;
      expect(await pushEvents(pool, 'stoa_hub_wrong', [badKind])).toMatchObject({ ok: false, error: { code: 'bad_events', message: expect.stringMatching(/^The hub refused the batch: 0\.kind/) } });
    } finally {
      await pool.end();
    }
  });
});
