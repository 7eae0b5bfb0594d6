import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { claimItem } from '../../../src/hub/claims.ts';
import { openHubPool, type HubPool } from '../../../src/hub/connect.ts';
import { addMember, createWorkspace } from '../../../src/hub/members.ts';
import { acquireSendRight, releaseSendRight, sendRightHolder, type SendRight, type SendRightRequest } from '../../../src/hub/sendRights.ts';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { freshHub } from './support.ts';

const item = { platform: 'reddit', remoteId: 't1_abc' };

async function member(pool: HubPool, ownerToken: string, name: string, role: 'moderator' | 'viewer' | 'creator' = 'moderator'): Promise<string> {
  const added = await addMember(pool, ownerToken, { name, role });
  if (!added.ok) throw new Error(added.error.message);
  return added.value.token;
}

const request = (over: Partial<SendRightRequest> = {}): SendRightRequest => ({ ...item, decisionId: v7(), action: 'remove', device: 'desk-1', overrides: null, ...over });

async function acquire(pool: HubPool, token: string, req: SendRightRequest): Promise<SendRight> {
  const result = await acquireSendRight(pool, token, req);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe.runIf(needsPostgres('hub send rights'))('hub send rights on PostgreSQL', () => {
  const cluster = usePostgres();

  it('grants exactly one member per item when three race on 20 items', async () => {
    const { pool, url, owner } = await freshHub(cluster());
    const wide = await openHubPool(url, { max: 12 });
    try {
      const tokens = [owner.token, await member(pool, owner.token, 'Mo'), await member(pool, owner.token, 'Kim')];
      const items = Array.from({ length: 20 }, (_, i) => ({ platform: 'reddit', remoteId: `t3_${i}` }));
      const attempts = items.flatMap((key) => tokens.map((token, m) => ({ key, token, req: request({ ...key, device: `desk-${m}`, action: m === 0 ? 'remove' : 'approve' }) })));
      const outcomes = await Promise.all(attempts.map(async (a) => ({ ...a, right: await acquire(wide, a.token, a.req) })));
      for (const key of items) {
        const forItem = outcomes.filter((o) => o.key === key);
        const granted = forItem.filter((o) => o.right.granted);
        expect(granted).toHaveLength(1);
        const winner = granted[0]?.req;
        for (const loser of forItem.filter((o) => !o.right.granted)) {
          expect(loser.right).toMatchObject({ granted: false, reason: 'decided', holder: { decisionId: winner?.decisionId, action: winner?.action, device: winner?.device } });
        }
        const holder = await sendRightHolder(pool, tokens[2] ?? '', key);
        expect(holder.ok && holder.value?.decisionId).toBe(winner?.decisionId);
      }
    } finally {
      await wide.end();
      await pool.end();
    }
  });

  it('grants an idempotent retry of the holding decision again, and refuses another decision naming the holder', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const mo = await member(pool, owner.token, 'Mo');
      const mine = request({ device: 'desk-m' });
      expect(await acquire(pool, mo, mine)).toEqual({ granted: true });
      expect(await acquire(pool, mo, mine)).toEqual({ granted: true });
      const other = await acquire(pool, owner.token, request({ action: 'approve', device: 'desk-a' }));
      expect(other).toMatchObject({ granted: false, reason: 'decided', holder: { memberName: 'Mo', action: 'remove', decisionId: mine.decisionId, device: 'desk-m' } });
      // Mo's second decision on the item is not a retry: it too must override.
      expect(await acquire(pool, mo, request({ action: 'approve' }))).toMatchObject({ granted: false, reason: 'decided' });
      const holder = await sendRightHolder(pool, owner.token, item);
      expect(holder).toMatchObject({ ok: true, value: { memberName: 'Mo', decisionId: mine.decisionId } });
      // Ana retrying Mo's decision id is not Mo's retry.
      expect(await acquire(pool, owner.token, { ...mine, device: 'desk-a' })).toMatchObject({ granted: false, reason: 'decided' });
    } finally {
      await pool.end();
    }
  });

  it('starts a new round when a member overrides the holder by its decision, keeping the old holder in history', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const mo = await member(pool, owner.token, 'Mo');
      const first = request({ device: 'desk-m' });
      expect(await acquire(pool, mo, first)).toEqual({ granted: true });
      const stale = request({ action: 'approve', device: 'desk-a', overrides: v7() });
      expect(await acquire(pool, owner.token, stale)).toMatchObject({ granted: false, reason: 'decided' });
      const keepMine = request({ action: 'approve', device: 'desk-a', overrides: first.decisionId });
      expect(await acquire(pool, owner.token, keepMine)).toEqual({ granted: true });
      expect(await sendRightHolder(pool, mo, item)).toMatchObject({ ok: true, value: { memberName: 'Ana', decisionId: keepMine.decisionId, action: 'approve' } });
      // The overridden decision's retry is refused now; its release frees nothing.
      expect(await acquire(pool, mo, first)).toMatchObject({ granted: false, reason: 'decided', holder: { decisionId: keepMine.decisionId } });
      expect(await releaseSendRight(pool, mo, { decisionId: first.decisionId })).toEqual({ ok: true, value: false });
      const { rows } = await pool.query<{ decision_id: string; ended_how: string | null; overridden_by: string | null }>(
        'SELECT decision_id, ended_how, overridden_by FROM stoa_hub.send_rights ORDER BY id',
      );
      expect(rows).toEqual([
        { decision_id: first.decisionId, ended_how: 'overridden', overridden_by: keepMine.decisionId },
        { decision_id: keepMine.decisionId, ended_how: null, overridden_by: null },
      ]);
    } finally {
      await pool.end();
    }
  });

  it('lets only the holder’s member release it, which frees the item', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const mo = await member(pool, owner.token, 'Mo');
      const mine = request();
      expect(await acquire(pool, mo, mine)).toEqual({ granted: true });
      expect(await releaseSendRight(pool, owner.token, { decisionId: mine.decisionId })).toEqual({ ok: true, value: false });
      expect(await releaseSendRight(pool, mo, { decisionId: mine.decisionId })).toEqual({ ok: true, value: true });
      expect(await releaseSendRight(pool, mo, { decisionId: mine.decisionId })).toEqual({ ok: true, value: false });
      expect(await sendRightHolder(pool, mo, item)).toEqual({ ok: true, value: null });
      expect(await acquire(pool, owner.token, request({ action: 'approve' }))).toEqual({ granted: true });
    } finally {
      await pool.end();
    }
  });

  it('refuses a member without a claim while another member’s claim is unexpired', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const mo = await member(pool, owner.token, 'Mo');
      const claimed = await claimItem(pool, mo, { ...item, device: 'desk-m', leaseMs: 60_000 });
      if (!claimed.ok) throw new Error(claimed.error.message);
      expect(await acquire(pool, owner.token, request({ device: 'desk-a' }))).toEqual({ granted: false, reason: 'claimed', claim: claimed.value.claim });
      expect(await acquire(pool, mo, request({ device: 'desk-m' }))).toEqual({ granted: true });
    } finally {
      await pool.end();
    }
  });

  it('refuses a viewer and a creator, hand-written writes, and bad ids; keeps workspaces apart', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const viewer = await member(pool, owner.token, 'Vic', 'viewer');
      const creator = await member(pool, owner.token, 'Cleo', 'creator');
      expect(await acquireSendRight(pool, viewer, request())).toEqual({
        ok: false,
        error: { code: 'not_permitted', message: 'The hub refused: a viewer may not take the right to send to a platform; only members whose role may decide can.' },
      });
      expect(await acquireSendRight(pool, creator, request())).toMatchObject({ ok: false, error: { code: 'not_permitted' } });
      expect(await acquireSendRight(pool, owner.token, request({ decisionId: 'nope' }))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await acquireSendRight(pool, 'stoa_hub_nobody', request())).toMatchObject({ ok: false, error: { code: 'unknown_token' } });
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL ROLE stoa_hub_member');
        await client.query("SELECT set_config('stoa.member_token', $1, true)", [viewer]);
        await expect(
          client.query("INSERT INTO stoa_hub.send_rights (workspace_id, platform, remote_id, decision_id, member_id, action, device) VALUES ($1, 'reddit', 'x', $2, $3, 'remove', 'd')", [
            owner.workspaceId,
            v7(),
            owner.memberId,
          ]),
        ).rejects.toThrow(/permission denied/);
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }

      const other = await createWorkspace(pool, { workspace: 'Other brand', owner: 'Olga' });
      const ours = request();
      expect(await acquire(pool, owner.token, ours)).toEqual({ granted: true });
      expect(await acquire(pool, other.token, request())).toEqual({ granted: true });
      expect(await sendRightHolder(pool, other.token, item)).toMatchObject({ ok: true, value: { memberName: 'Olga' } });
      expect(await releaseSendRight(pool, other.token, { decisionId: ours.decisionId })).toEqual({ ok: true, value: false });
      expect(await sendRightHolder(pool, viewer, item)).toMatchObject({ ok: true, value: { memberName: 'Ana', decisionId: ours.decisionId } });
    } finally {
      await pool.end();
    }
  });
});
