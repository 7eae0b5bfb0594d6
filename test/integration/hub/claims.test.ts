import { describe, expect, it } from 'vitest';
import { activeClaims, claimItem, releaseClaim } from '../../../src/hub/claims.ts';
import { openHubPool, type HubPool } from '../../../src/hub/connect.ts';
import { addMember, createWorkspace } from '../../../src/hub/members.ts';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { freshHub } from './support.ts';

const item = { platform: 'reddit', remoteId: 't1_abc' };

async function member(pool: HubPool, ownerToken: string, name: string, role: 'moderator' | 'viewer' | 'creator' | 'compliance' = 'moderator'): Promise<string> {
  const added = await addMember(pool, ownerToken, { name, role });
  if (!added.ok) throw new Error(added.error.message);
  return added.value.token;
}

describe.runIf(needsPostgres('hub claims'))('hub claims on PostgreSQL', () => {
  const cluster = usePostgres();

  it('grants exactly one of three members claiming the same item at once; the others see the winner', async () => {
    const { pool, url, owner } = await freshHub(cluster());
    const wide = await openHubPool(url, { max: 6 });
    try {
      const tokens = [owner.token, await member(pool, owner.token, 'Mo'), await member(pool, owner.token, 'Kim')];
      for (let round = 0; round < 5; round++) {
        const key = { platform: 'reddit', remoteId: `t3_race${round}` };
        const results = await Promise.all(tokens.map((token, i) => claimItem(wide, token, { ...key, device: `desk-${i}`, leaseMs: 60_000 })));
        const values = results.map((r) => {
          if (!r.ok) throw new Error(r.error.message);
          return r.value;
        });
        expect(values.filter((v) => v.granted)).toHaveLength(1);
        const winner = values.find((v) => v.granted)?.claim;
        for (const v of values) expect(v.claim).toEqual(winner);
      }
      const claims = await activeClaims(pool, tokens[1] ?? '');
      expect(claims.ok && claims.value.map((c) => c.remoteId).sort()).toEqual(['t3_race0', 't3_race1', 't3_race2', 't3_race3', 't3_race4']);
    } finally {
      await wide.end();
      await pool.end();
    }
  });

  it('renews a member’s own claim from another desk, keeping when it was first claimed', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const mo = await member(pool, owner.token, 'Mo');
      const first = await claimItem(pool, mo, { ...item, device: 'desk-a', leaseMs: 30_000 });
      const renewed = await claimItem(pool, mo, { ...item, device: 'desk-b', leaseMs: 120_000 });
      if (!first.ok || !renewed.ok) throw new Error('claim refused');
      expect(first.value).toMatchObject({ granted: true, claim: { ...item, memberName: 'Mo', device: 'desk-a' } });
      expect(renewed.value).toMatchObject({ granted: true, claim: { ...item, memberName: 'Mo', device: 'desk-b', claimedAt: first.value.claim.claimedAt } });
      expect(Date.parse(renewed.value.claim.expiresAt)).toBeGreaterThan(Date.parse(first.value.claim.expiresAt));
      const byAna = await claimItem(pool, owner.token, { ...item, device: 'desk-ana', leaseMs: 30_000 });
      expect(byAna).toEqual({ ok: true, value: { granted: false, claim: renewed.value.claim } });
    } finally {
      await pool.end();
    }
  });

  it('lets a lease expire by itself, after which another member takes the item over', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const mo = await member(pool, owner.token, 'Mo');
      const short = await claimItem(pool, mo, { ...item, device: 'desk-m', leaseMs: 1000 });
      expect(short.ok && short.value.granted).toBe(true);
      const refused = await claimItem(pool, owner.token, { ...item, device: 'desk-a', leaseMs: 60_000 });
      expect(refused.ok && refused.value).toMatchObject({ granted: false, claim: { memberName: 'Mo' } });
      // Poll the hub (its clock judges) until the lease has run out; no job removes it.
      for (let polls = 0; ; polls++) {
        const claims = await activeClaims(pool, owner.token);
        if (!claims.ok) throw new Error(claims.error.message);
        if (claims.value.length === 0) break;
        if (polls > 200) throw new Error('the 1 s lease never expired');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const taken = await claimItem(pool, owner.token, { ...item, device: 'desk-a', leaseMs: 60_000 });
      expect(taken.ok && taken.value).toMatchObject({ granted: true, claim: { memberName: 'Ana', device: 'desk-a' } });
      // Mo's old desk cannot release what is Ana's now.
      expect(await releaseClaim(pool, mo, { ...item, device: 'desk-m' })).toEqual({ ok: true, value: false });
    } finally {
      await pool.end();
    }
  });

  it('releases only the desk’s own claim, freeing the item', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const mo = await member(pool, owner.token, 'Mo');
      expect((await claimItem(pool, mo, { ...item, device: 'desk-m', leaseMs: 60_000 })).ok).toBe(true);
      expect(await releaseClaim(pool, owner.token, { ...item, device: 'desk-m' })).toEqual({ ok: true, value: false });
      expect(await releaseClaim(pool, mo, { ...item, device: 'desk-other' })).toEqual({ ok: true, value: false });
      expect(await releaseClaim(pool, mo, { ...item, device: 'desk-m' })).toEqual({ ok: true, value: true });
      expect(await activeClaims(pool, mo)).toEqual({ ok: true, value: [] });
      const ana = await claimItem(pool, owner.token, { ...item, device: 'desk-a', leaseMs: 60_000 });
      expect(ana.ok && ana.value.granted).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it('refuses a viewer and a creator, also a hand-written INSERT, and refuses bad input', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const viewer = await member(pool, owner.token, 'Vic', 'viewer');
      const creator = await member(pool, owner.token, 'Cleo', 'creator');
      expect(await claimItem(pool, viewer, { ...item, device: 'desk-v', leaseMs: 60_000 })).toEqual({
        ok: false,
        error: { code: 'not_permitted', message: 'The hub refused: a viewer may not claim items; only members whose role may decide can.' },
      });
      expect(await claimItem(pool, creator, { ...item, device: 'desk-c', leaseMs: 60_000 })).toMatchObject({ ok: false, error: { code: 'not_permitted' } });
      expect(await claimItem(pool, 'stoa_hub_nobody', { ...item, device: 'desk-x', leaseMs: 60_000 })).toMatchObject({ ok: false, error: { code: 'unknown_token' } });
      expect(await claimItem(pool, owner.token, { ...item, device: 'desk-a', leaseMs: 999 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await claimItem(pool, owner.token, { ...item, device: 'desk-a', leaseMs: 600_001 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await claimItem(pool, owner.token, { ...item, remoteId: '', device: 'desk-a', leaseMs: 60_000 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });

      const client = await pool.connect();
      try {
        const asViewer = async (sql: string, params: unknown[]) => {
          await client.query('BEGIN');
          try {
            await client.query('SET LOCAL ROLE stoa_hub_member');
            await client.query("SELECT set_config('stoa.member_token', $1, true)", [viewer]);
            await client.query(sql, params);
            return 'done';
          } catch (error) {
            return error instanceof Error ? error.message : String(error);
          } finally {
            await client.query('ROLLBACK');
          }
        };
        expect(
          await asViewer("INSERT INTO stoa_hub.claims VALUES ($1, 'reddit', 'x', $2, 'd', now(), now() + interval '1 hour')", [owner.workspaceId, owner.memberId]),
        ).toMatch(/permission denied/);
        expect(await asViewer("SELECT stoa_hub.claim_item('reddit', 'x', 'd', 60000)", [])).toMatch(/a viewer may not claim/);
        expect(await asViewer('DELETE FROM stoa_hub.claims', [])).toMatch(/permission denied/);
      } finally {
        client.release();
      }
      expect(await activeClaims(pool, viewer)).toEqual({ ok: true, value: [] });
    } finally {
      await pool.end();
    }
  });

  it('keeps workspaces apart: the same item is claimed in each, and each sees only its own', async () => {
    const { pool, owner } = await freshHub(cluster());
    try {
      const other = await createWorkspace(pool, { workspace: 'Other brand', owner: 'Olga' });
      const here = await claimItem(pool, owner.token, { ...item, device: 'desk-a', leaseMs: 60_000 });
      const there = await claimItem(pool, other.token, { ...item, device: 'desk-o', leaseMs: 60_000 });
      expect(here.ok && here.value.granted).toBe(true);
      expect(there.ok && there.value.granted).toBe(true);
      const seen = await activeClaims(pool, other.token);
      expect(seen.ok && seen.value.map((c) => c.memberName)).toEqual(['Olga']);
      expect(await releaseClaim(pool, other.token, { ...item, device: 'desk-a' })).toEqual({ ok: true, value: false });
    } finally {
      await pool.end();
    }
  });
});
