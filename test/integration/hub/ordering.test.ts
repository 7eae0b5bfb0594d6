// The append lock (0001-initial.ts): sequences are drawn after it and it is held to commit, so a
// later push to the same workspace waits for an earlier one, and a puller's cursor never passes an
// event that is yet to commit. Without the lock this test fails: the second push would not wait.
import { describe, expect, it } from 'vitest';
import type { HubPool } from '../../../src/hub/connect.ts';
import { addMember } from '../../../src/hub/members.ts';
import { pullEvents } from '../../../src/hub/pull.ts';
import { pushEvents } from '../../../src/hub/push.ts';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { event, freshHub } from './support.ts';

async function waitForAdvisoryWaiter(pool: HubPool): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'");
    if (rows[0]?.n === '1') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the second push never waited for the first one’s append lock');
}

describe.runIf(needsPostgres('hub append order'))('hub append order on PostgreSQL', () => {
  const cluster = usePostgres();

  it('makes a second push wait for an open first one, so a pull in between skips nothing', async () => {
    const { pool, owner } = await freshHub(cluster());
    const team = await addModeratorAndViewer(pool, owner.token);
    const held = await pool.connect();
    try {
      const first = event('decision', 'desk-1', { n: 1 });
      await held.query('BEGIN');
      await held.query('SET LOCAL ROLE stoa_hub_member');
      await held.query("SELECT set_config('stoa.member_token', $1, true)", [owner.token]);
      await held.query('INSERT INTO stoa_hub.events (id, workspace_id, kind, actor, device, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        first.id,
        owner.workspaceId,
        first.kind,
        owner.memberId,
        first.device,
        first.payload,
        first.createdAt,
      ]);
      const second = event('decision', 'desk-2', { n: 2 });
      const secondPush = pushEvents(pool, team.moderatorToken, [second]);
      await waitForAdvisoryWaiter(pool);
      const early = await pullEvents(pool, team.viewerToken, 0);
      expect(early).toMatchObject({ ok: true, value: { events: [], cursor: 0 } });
      await held.query('COMMIT');
      const pushed = await secondPush;
      if (!pushed.ok) throw new Error(pushed.error.message);
      const late = await pullEvents(pool, team.viewerToken, 0);
      if (!late.ok) throw new Error(late.error.message);
      expect(late.value.events.map((e) => e.id)).toEqual([first.id, second.id]);
      expect(late.value.events[1]!.seq).toBeGreaterThan(late.value.events[0]!.seq);
    } finally {
      held.release();
      await pool.end();
    }
  });
});

async function addModeratorAndViewer(pool: HubPool, ownerToken: string): Promise<{ moderatorToken: string; viewerToken: string }> {
  const moderator = await addMember(pool, ownerToken, { name: 'Mo', role: 'moderator' });
  const viewer = await addMember(pool, ownerToken, { name: 'Vic', role: 'viewer' });
  if (!moderator.ok || !viewer.ok) throw new Error('members not added');
  return { moderatorToken: moderator.value.token, viewerToken: viewer.value.token };
}
