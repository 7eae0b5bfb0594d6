// The sync engine's send gate wired to the team hub: with no hub joined every entry is free to go;
// joined, the hub's send right decides (hub/sendRights.ts). A hub that cannot be reached, or that
// refuses this member, gives no right, so the entry waits: never sent without it. This desk's own
// earlier decision on the item (decided again here, e.g. approve then remove) is overridden as a
// matter of course; a teammate's, or this member's on another desk, is a conflict for a person.
import { acquireSendRight, releaseSendRight } from '../../hub/sendRights.ts';
import { WAITING_FOR_HUB, type SendGate, type SendRightRequest, type SendVerdict } from '../../sync/sendGate.ts';
import type { BackendContext } from '../context.ts';
import { currentHub, type HubConnection } from './hubConnection.ts';

type Joined = { readonly hub: HubConnection } | { readonly verdict: SendVerdict };

async function joined(ctx: BackendContext): Promise<Joined> {
  try {
    const hub = await currentHub(ctx);
    return hub ? { hub } : { verdict: { kind: 'free' } };
  } catch {
    return { verdict: { kind: 'wait', reason: WAITING_FOR_HUB } };
  }
}

async function ask(hub: HubConnection, request: SendRightRequest): Promise<SendVerdict> {
  let answer: Awaited<ReturnType<typeof acquireSendRight>>;
  try {
    answer = await acquireSendRight(hub.pool, hub.token, { ...request, device: hub.device });
  } catch {
    // A dropped connection or a hub gone mid-question: no answer, so no right.
    return { kind: 'wait', reason: WAITING_FOR_HUB };
  }
  if (!answer.ok) return { kind: 'wait', reason: `${WAITING_FOR_HUB}: ${answer.error.message}` };
  const right = answer.value;
  if (right.granted) return { kind: 'granted' };
  if (right.reason === 'claimed') return { kind: 'claimed', memberName: right.claim.memberName, expiresAt: right.claim.expiresAt };
  const { holder } = right;
  if (holder.memberId === hub.member.id && holder.device === hub.device && request.overrides !== holder.decisionId) {
    return ask(hub, { ...request, overrides: holder.decisionId });
  }
  return { kind: 'decided', holder: { memberName: holder.memberName, action: holder.action, decisionId: holder.decisionId, decidedAt: holder.decidedAt } };
}

export function hubSendGate(ctx: BackendContext): SendGate {
  return {
    async acquire(request) {
      const link = await joined(ctx);
      return 'hub' in link ? ask(link.hub, request) : link.verdict;
    },
    async release(decisionId) {
      const link = await joined(ctx);
      if (!('hub' in link)) return;
      // Best effort: an unreleased right keeps naming this desk, and a teammate can Keep mine over it.
      await releaseSendRight(link.hub.pool, link.hub.token, { decisionId }).catch(() => undefined);
    },
  };
}
