// Claims: opening an item claims it for a short lease, shown to the team as "Ana is looking", so two
// members do not work the same item. Leases are judged by the hub's clock and expire by themselves;
// a member renews their own claim from any of their desks, and an expired claim is taken over. The
// hub does the judging (stoa_hub.claim_item in 0002-claims-send-rights.ts), atomically.
import { err, ok, type Result } from '../core/result.ts';
import type { HubPool } from './connect.ts';
import type { HubProblem } from './errors.ts';
import { decisionRefusal, itemKeyProblem } from './deciders.ts';
import { unknownToken } from './members.ts';
import { asMember } from './session.ts';

export interface HubItemKey {
  readonly platform: string;
  readonly remoteId: string;
}

export interface HubClaim extends HubItemKey {
  readonly memberId: string;
  readonly memberName: string;
  readonly device: string;
  readonly claimedAt: string;
  readonly expiresAt: string;
}

export const MIN_LEASE_MS = 1000;
export const MAX_LEASE_MS = 600_000;

interface ClaimRow {
  platform: string;
  remote_id: string;
  member_id: string;
  member_name: string;
  device: string;
  claimed_at: Date;
  expires_at: Date;
}

export const toClaim = (row: ClaimRow): HubClaim => ({
  platform: row.platform,
  remoteId: row.remote_id,
  memberId: row.member_id,
  memberName: row.member_name,
  device: row.device,
  claimedAt: row.claimed_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
});

/** Claims or renews (same member) a lease; granted false: another member's unexpired claim, returned. */
export async function claimItem(
  pool: HubPool,
  token: string,
  input: HubItemKey & { readonly device: string; readonly leaseMs: number },
): Promise<Result<{ granted: boolean; claim: HubClaim }, HubProblem>> {
  const bad = itemKeyProblem(input);
  if (bad) return err(bad);
  if (!Number.isInteger(input.leaseMs) || input.leaseMs < MIN_LEASE_MS || input.leaseMs > MAX_LEASE_MS) {
    return err({ code: 'bad_request', message: `A claim's lease is 1 s to 10 min in whole milliseconds (got ${input.leaseMs}).` });
  }
  try {
    return await asMember(pool, token, async (client, me) => {
      if (me === null) return err(unknownToken());
      const { rows } = await client.query<ClaimRow & { granted: boolean }>(
        'SELECT granted, $1::text AS platform, $2::text AS remote_id, member_id, member_name, device, claimed_at, expires_at FROM stoa_hub.claim_item($1, $2, $3, $4)',
        [input.platform, input.remoteId, input.device, input.leaseMs],
      );
      const row = rows[0];
      if (!row) throw new Error('stoa_hub.claim_item returned no row');
      return ok({ granted: row.granted, claim: toClaim(row) });
    });
  } catch (error) {
    const refused = decisionRefusal(error, 'claim items');
    if (refused) return err(refused);
    throw error;
  }
}

/** Releases this desk's claim; false when it holds none (expired, never claimed, or renewed by another desk since). */
export async function releaseClaim(pool: HubPool, token: string, input: HubItemKey & { readonly device: string }): Promise<Result<boolean, HubProblem>> {
  const bad = itemKeyProblem(input);
  if (bad) return err(bad);
  try {
    return await asMember(pool, token, async (client, me) => {
      if (me === null) return err(unknownToken());
      const { rows } = await client.query<{ released: boolean }>('SELECT stoa_hub.release_claim($1, $2, $3) AS released', [input.platform, input.remoteId, input.device]);
      return ok(rows[0]?.released === true);
    });
  } catch (error) {
    const refused = decisionRefusal(error, 'claim items');
    if (refused) return err(refused);
    throw error;
  }
}

/** The workspace's unexpired claims, oldest first (any member may see who is looking). */
export async function activeClaims(pool: HubPool, token: string): Promise<Result<HubClaim[], HubProblem>> {
  return asMember(pool, token, async (client, me) => {
    if (me === null) return err(unknownToken());
    const { rows } = await client.query<ClaimRow>(
      `SELECT c.platform, c.remote_id, c.member_id, m.name AS member_name, c.device, c.claimed_at, c.expires_at
       FROM stoa_hub.claims c JOIN stoa_hub.members m ON m.id = c.member_id
       WHERE c.expires_at > now()
       ORDER BY c.claimed_at, c.platform, c.remote_id`,
    );
    return ok(rows.map(toClaim));
  });
}
