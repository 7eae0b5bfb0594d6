// The desk side of claims: hub.claim / hub.release / hub.claims / hub.item. The hub knows items by
// (platform, remote id), the only name every desk shares; this desk's item ids are mapped to and
// from it here. A workspace that joined no hub answers plainly (nothing claimed, nothing to show); a
// hub that cannot be reached answers 'unavailable' with its sentence, and the queue goes on without
// team signals. Each claim or release here is announced as hub.changed so this desk's other views
// read the claims again at once (teammates' desks see it on their next poll).
import { fail } from '../../api/errors.ts';
import { activeClaims, claimItem, releaseClaim, type HubClaim } from '../../hub/claims.ts';
import { connectionProblem, redactUrl } from '../../hub/connect.ts';
import { HubError, type HubProblem } from '../../hub/errors.ts';
import { sendRightHolder } from '../../hub/sendRights.ts';
import type { Result } from '../../core/result.ts';
import { PLATFORMS, type PlatformName } from '../../core/domain.ts';
import { getHubLink } from '../../store/hubLink.ts';
import { prepared } from '../../store/statements.ts';
import type { BackendContext } from '../context.ts';
import { currentHub, type HubConnection } from './hubConnection.ts';

/** Long enough to outlast the UI's renewal (every 30 s) with room for a slow call. */
export const CLAIM_LEASE_MS = 75_000;

interface ItemKey {
  readonly platform: string;
  readonly remoteId: string;
}

export interface DeskClaim {
  readonly itemId: string | null;
  readonly platform: PlatformName;
  readonly remoteId: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly mine: boolean;
  readonly claimedAt: string;
  readonly expiresAt: string;
}

function itemKey(ctx: BackendContext, itemId: string): ItemKey {
  const row = prepared(ctx.db, 'SELECT platform, remote_id AS remoteId FROM items WHERE id = ?').get(itemId) as ItemKey | undefined;
  return row ?? fail('not_found', `No item ${itemId} in this workspace.`);
}

function localItemId(ctx: BackendContext, key: ItemKey): string | null {
  return (prepared(ctx.db, 'SELECT id FROM items WHERE platform = ? AND remote_id = ?').pluck().get(key.platform, key.remoteId) as string | undefined) ?? null;
}

/** The joined hub, or null; a hub that cannot be reached now is the caller's 'unavailable'. */
async function joinedHub(ctx: BackendContext): Promise<HubConnection | null> {
  try {
    return await currentHub(ctx);
  } catch (error) {
    return unreachable(ctx, error);
  }
}

function unreachable(ctx: BackendContext, error: unknown): never {
  if (error instanceof HubError) return fail('unavailable', error.message);
  const link = getHubLink(ctx.db);
  return fail('unavailable', connectionProblem(redactUrl(link?.url ?? 'the hub'), error).message);
}

/** A hub call: its refusal becomes the reply's error, a dropped connection 'unavailable'. */
async function hubAnswer<T>(ctx: BackendContext, call: () => Promise<Result<T, HubProblem>>): Promise<T> {
  let answer: Result<T, HubProblem>;
  try {
    answer = await call();
  } catch (error) {
    return unreachable(ctx, error);
  }
  if (answer.ok) return answer.value;
  return fail(answer.error.code === 'not_permitted' ? 'forbidden' : answer.error.code === 'unknown_token' ? 'unauthorized' : 'unavailable', answer.error.message);
}

const asPlatform = (name: string): PlatformName | null => PLATFORMS.find((known) => known === name) ?? null;

function deskClaim(ctx: BackendContext, hub: HubConnection, claim: HubClaim): DeskClaim | null {
  // A platform this version does not know cannot be one of this desk's items.
  const platform = asPlatform(claim.platform);
  if (!platform) return null;
  return {
    itemId: localItemId(ctx, claim),
    platform,
    remoteId: claim.remoteId,
    memberId: claim.memberId,
    memberName: claim.memberName,
    mine: claim.memberId === hub.member.id,
    claimedAt: claim.claimedAt,
    expiresAt: claim.expiresAt,
  };
}

export async function claimOnHub(ctx: BackendContext, itemId: string): Promise<{ granted: boolean; claim: DeskClaim | null }> {
  const key = itemKey(ctx, itemId);
  const hub = await joinedHub(ctx);
  if (!hub) return { granted: true, claim: null };
  const answer = await hubAnswer(ctx, () => claimItem(hub.pool, hub.token, { ...key, device: hub.device, leaseMs: CLAIM_LEASE_MS }));
  ctx.events.emit({ type: 'hub.changed', what: 'claims' });
  return { granted: answer.granted, claim: deskClaim(ctx, hub, answer.claim) };
}

export async function releaseOnHub(ctx: BackendContext, itemId: string): Promise<{ released: boolean }> {
  const key = itemKey(ctx, itemId);
  const hub = await joinedHub(ctx);
  if (!hub) return { released: false };
  const released = await hubAnswer(ctx, () => releaseClaim(hub.pool, hub.token, { ...key, device: hub.device }));
  if (released) ctx.events.emit({ type: 'hub.changed', what: 'claims' });
  return { released };
}

export async function claimsOnHub(ctx: BackendContext): Promise<{ claims: DeskClaim[] }> {
  const hub = await joinedHub(ctx);
  if (!hub) return { claims: [] };
  const claims = await hubAnswer(ctx, () => activeClaims(hub.pool, hub.token));
  return { claims: claims.flatMap((claim) => deskClaim(ctx, hub, claim) ?? []) };
}

/** Who is looking at the item, and another member's decision on it that reached the hub first. */
export async function itemOnHub(ctx: BackendContext, itemId: string): Promise<{ claim: DeskClaim | null; decidedBy: { memberName: string; action: string; decidedAt: string } | null }> {
  const key = itemKey(ctx, itemId);
  const hub = await joinedHub(ctx);
  if (!hub) return { claim: null, decidedBy: null };
  const [claims, holder] = await Promise.all([hubAnswer(ctx, () => activeClaims(hub.pool, hub.token)), hubAnswer(ctx, () => sendRightHolder(hub.pool, hub.token, key))]);
  const held = claims.find((claim) => claim.platform === key.platform && claim.remoteId === key.remoteId);
  return {
    claim: held ? deskClaim(ctx, hub, held) : null,
    decidedBy: holder && holder.memberId !== hub.member.id ? { memberName: holder.memberName, action: holder.action, decidedAt: holder.decidedAt } : null,
  };
}
