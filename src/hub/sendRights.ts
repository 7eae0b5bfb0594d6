// Send rights: exactly one desktop sends each platform action, so a team never double-acts on
// Reddit. Before sending, a desk takes the item's send right for its decision; the hub grants it to
// one decision at a time (stoa_hub.acquire_send_right in 0002-claims-send-rights.ts, under a
// per-item lock). A retry of the holding decision is granted again; a member who chose "Keep mine"
// overrides the holder by naming its decision, which stays in the hub's history.
import { z } from 'zod';
import { err, ok, type Result } from '../core/result.ts';
import type { HubClaim, HubItemKey } from './claims.ts';
import type { HubPool } from './connect.ts';
import type { HubProblem } from './errors.ts';
import { decisionRefusal, itemKeyProblem } from './deciders.ts';
import { unknownToken } from './members.ts';
import { asMember } from './session.ts';

export interface SendRightRequest extends HubItemKey {
  readonly decisionId: string;
  readonly action: string;
  readonly device: string;
  /** The holder's decisionId the member explicitly chose to override ("Keep mine"), else null. */
  readonly overrides: string | null;
}

export interface SendRightHolder {
  readonly memberId: string;
  readonly memberName: string;
  readonly action: string;
  readonly decisionId: string;
  readonly device: string;
  readonly decidedAt: string;
}

export type SendRight =
  | { readonly granted: true }
  | { readonly granted: false; readonly reason: 'decided'; readonly holder: SendRightHolder }
  | { readonly granted: false; readonly reason: 'claimed'; readonly claim: HubClaim };

const uuid = z.uuid();

interface OutcomeRow {
  outcome: 'granted' | 'claimed' | 'decided';
  member_id: string;
  member_name: string;
  action: string | null;
  decision_id: string | null;
  device: string;
  at: Date;
  expires_at: Date | null;
}

function requestProblem(request: SendRightRequest): HubProblem | null {
  const bad = itemKeyProblem(request);
  if (bad) return bad;
  if (!uuid.safeParse(request.decisionId).success) return { code: 'bad_request', message: `A send right needs the decision's id as a UUID (got "${request.decisionId}").` };
  if (request.overrides !== null && !uuid.safeParse(request.overrides).success) {
    return { code: 'bad_request', message: `The decision to override must be named by its UUID (got "${request.overrides}").` };
  }
  if (typeof request.action !== 'string' || request.action.length === 0 || request.action.length > 100) {
    return { code: 'bad_request', message: 'A send right needs the action as 1 to 100 characters.' };
  }
  return null;
}

function toSendRight(request: SendRightRequest, row: OutcomeRow): SendRight {
  if (row.outcome === 'granted') return { granted: true };
  if (row.outcome === 'claimed') {
    if (row.expires_at === null) throw new Error('stoa_hub.acquire_send_right returned a claim without its expiry');
    return {
      granted: false,
      reason: 'claimed',
      claim: {
        platform: request.platform,
        remoteId: request.remoteId,
        memberId: row.member_id,
        memberName: row.member_name,
        device: row.device,
        claimedAt: row.at.toISOString(),
        expiresAt: row.expires_at.toISOString(),
      },
    };
  }
  if (row.action === null || row.decision_id === null) throw new Error('stoa_hub.acquire_send_right returned a holder without its decision');
  return {
    granted: false,
    reason: 'decided',
    holder: { memberId: row.member_id, memberName: row.member_name, action: row.action, decisionId: row.decision_id, device: row.device, decidedAt: row.at.toISOString() },
  };
}

export async function acquireSendRight(pool: HubPool, token: string, request: SendRightRequest): Promise<Result<SendRight, HubProblem>> {
  const bad = requestProblem(request);
  if (bad) return err(bad);
  try {
    return await asMember(pool, token, async (client, me) => {
      if (me === null) return err(unknownToken());
      const { rows } = await client.query<OutcomeRow>('SELECT * FROM stoa_hub.acquire_send_right($1, $2, $3, $4, $5, $6)', [
        request.platform,
        request.remoteId,
        request.decisionId,
        request.action,
        request.device,
        request.overrides,
      ]);
      const row = rows[0];
      if (!row) throw new Error('stoa_hub.acquire_send_right returned no row');
      return ok(toSendRight(request, row));
    });
  } catch (error) {
    const refused = decisionRefusal(error, 'take the right to send to a platform');
    if (refused) return err(refused);
    throw error;
  }
}

/** The send failed for good or was withdrawn: the item is free for another member's decision. */
export async function releaseSendRight(pool: HubPool, token: string, input: { readonly decisionId: string }): Promise<Result<boolean, HubProblem>> {
  if (!uuid.safeParse(input.decisionId).success) return err({ code: 'bad_request', message: `A send right is released by its decision's UUID (got "${input.decisionId}").` });
  try {
    return await asMember(pool, token, async (client, me) => {
      if (me === null) return err(unknownToken());
      const { rows } = await client.query<{ released: boolean }>('SELECT stoa_hub.release_send_right($1) AS released', [input.decisionId]);
      return ok(rows[0]?.released === true);
    });
  } catch (error) {
    const refused = decisionRefusal(error, 'take the right to send to a platform');
    if (refused) return err(refused);
    throw error;
  }
}

/** Who holds the send right for an item now (for "decided by Ana 2 min ago"), or null. */
export async function sendRightHolder(pool: HubPool, token: string, key: HubItemKey): Promise<Result<SendRightHolder | null, HubProblem>> {
  const bad = itemKeyProblem({ ...key, device: '-' });
  if (bad) return err(bad);
  return asMember(pool, token, async (client, me) => {
    if (me === null) return err(unknownToken());
    const { rows } = await client.query<{ member_id: string; member_name: string; action: string; decision_id: string; device: string; decided_at: Date }>(
      `SELECT s.member_id, m.name AS member_name, s.action, s.decision_id, s.device, s.decided_at
       FROM stoa_hub.send_rights s JOIN stoa_hub.members m ON m.id = s.member_id
       WHERE s.platform = $1 AND s.remote_id = $2 AND s.ended_at IS NULL`,
      [key.platform, key.remoteId],
    );
    const row = rows[0];
    return ok(
      row
        ? { memberId: row.member_id, memberName: row.member_name, action: row.action, decisionId: row.decision_id, device: row.device, decidedAt: row.decided_at.toISOString() }
        : null,
    );
  });
}
