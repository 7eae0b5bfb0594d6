import { describe, expect, it } from 'vitest';
import { addMember } from '../../../src/hub/members.ts';
import { pullEvents } from '../../../src/hub/pull.ts';
import { pushEvents } from '../../../src/hub/push.ts';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { event, freshHub } from './support.ts';

describe.runIf(needsPostgres('hub roles'))('hub roles, checked by PostgreSQL row-level security', () => {
  const cluster = usePostgres();

  it('refuses a viewer’s decision and stores nothing of its batch; accepts a moderator’s', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const viewer = await addMember(pool, owner.token, { name: 'Vic', role: 'viewer' });
      const moderator = await addMember(pool, owner.token, { name: 'Mo', role: 'moderator' });
      if (!viewer.ok || !moderator.ok) throw new Error('members not added');
      const refused = await pushEvents(pool, viewer.value.token, [event('decision', 'desk-v', { itemId: 'i1', action: 'approve' })]);
      expect(refused).toEqual({ ok: false, error: { code: 'not_permitted', message: 'The hub refused the batch: a viewer may not push decision events; nothing in it was stored.' } });
      const accepted = await pushEvents(pool, moderator.value.token, [event('decision', 'desk-m', { itemId: 'i1', action: 'remove' })]);
      expect(accepted).toMatchObject({ ok: true, value: [{ status: 'stored' }] });
      const seen = await pullEvents(pool, viewer.value.token, 0);
      if (!seen.ok) throw new Error(seen.error.message);
      expect(seen.value.events.map((e) => [e.actorName, e.kind])).toEqual([['Mo', 'decision']]);
    } finally {
      await pool.end();
    }
  });

  it('enforces it in the hub: a hand-written INSERT as a viewer, or as a moderator posing as another member, is refused', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const viewer = await addMember(pool, owner.token, { name: 'Vic', role: 'viewer' });
      const moderator = await addMember(pool, owner.token, { name: 'Mo', role: 'moderator' });
      if (!viewer.ok || !moderator.ok) throw new Error('members not added');
      const client = await pool.connect();
      const insertAs = async (token: string, actor: string) => {
        await client.query('BEGIN');
        try {
          await client.query('SET LOCAL ROLE stoa_hub_member');
          await client.query("SELECT set_config('stoa.member_token', $1, true)", [token]);
          const e = event('decision', 'desk-x');
          await client.query('INSERT INTO stoa_hub.events (id, workspace_id, kind, actor, device, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
            e.id,
            owner.workspaceId,
            e.kind,
            actor,
            e.device,
            e.payload,
            e.createdAt,
          ]);
          await client.query('COMMIT');
          return 'stored';
        } catch (error) {
          await client.query('ROLLBACK');
          return error instanceof Error ? error.message : String(error);
        }
      };
      try {
        expect(await insertAs(viewer.value.token, viewer.value.memberId)).toMatch(/row-level security/);
        expect(await insertAs(moderator.value.token, owner.memberId)).toMatch(/row-level security/);
        expect(await insertAs('stoa_hub_guess', owner.memberId)).toMatch(/row-level security/);
        expect(await insertAs(moderator.value.token, moderator.value.memberId)).toBe('stored');
        // As the member role, token hashes stay unreadable.
        await client.query('BEGIN');
        await client.query('SET LOCAL ROLE stoa_hub_member');
        await expect(client.query('SELECT token_hash FROM stoa_hub.members')).rejects.toThrow(/permission denied/);
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });

  it('lets only an owner add members', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const moderator = await addMember(pool, owner.token, { name: 'Mo', role: 'moderator' });
      if (!moderator.ok) throw new Error(moderator.error.message);
      expect(await addMember(pool, moderator.value.token, { name: 'Eve', role: 'owner' })).toEqual({
        ok: false,
        error: { code: 'not_permitted', message: 'Only an owner of the workspace can add members.' },
      });
      expect(await addMember(pool, 'stoa_hub_nobody', { name: 'Eve', role: 'viewer' })).toMatchObject({ ok: false, error: { code: 'unknown_token' } });
    } finally {
      await pool.end();
    }
  });
});
