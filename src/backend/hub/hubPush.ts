// Push: this desk's pending hub events in batches. The hub stores a batch whole or not at all and
// answers an event it already has with its first sequence (already_stored), so a crash between the
// hub's commit and the local mark only re-pushes. A batch the hub refuses (a kind this member's role
// may not push, an event it cannot take) is split until the refused events are found; those keep
// the hub's sentence and the rest go on.
import { pushEvents, type HubEventInput } from '../../hub/push.ts';
import type { HubProblem } from '../../hub/errors.ts';
import { HUB_EVENT_KINDS } from '../../core/hubRoles.ts';
import { markHubPushed, markHubRefused, pendingHubEvents, type HubOutboxEvent } from '../../store/hubOutbox.ts';
import type { Database } from 'better-sqlite3';
import type { HubConnection } from './hubConnection.ts';

/** The hub refused the member token itself: nothing can sync until the member joins again. */
export class HubTokenRefused extends Error {
  constructor(readonly problem: HubProblem) {
    super(problem.message);
    this.name = 'HubTokenRefused';
  }
}

export interface PushSummary {
  readonly pushed: number;
  readonly refused: number;
  readonly refusal: string | null;
}

const isKind = (kind: string): kind is HubEventInput['kind'] => (HUB_EVENT_KINDS as readonly string[]).includes(kind);

export async function pushPendingHubEvents(db: Database, hub: HubConnection, batchSize: number): Promise<PushSummary> {
  let pushed = 0;
  let refused = 0;
  let refusal: string | null = null;
  const send = async (events: readonly HubOutboxEvent[]): Promise<void> => {
    const unknown = events.filter((e) => !isKind(e.kind));
    if (unknown.length > 0) {
      markHubRefused(db, unknown.map((e) => e.id), `This hub does not take ${unknown[0]?.kind ?? 'these'} events.`);
      refused += unknown.length;
    }
    const batch = events.filter((e) => isKind(e.kind));
    if (batch.length === 0) return;
    const result = await pushEvents(
      hub.pool,
      hub.token,
      batch.map((e) => ({ id: e.id, kind: e.kind as HubEventInput['kind'], device: hub.device, payload: e.payload, createdAt: e.createdAt })),
    );
    if (result.ok) {
      markHubPushed(db, result.value);
      pushed += result.value.length;
      return;
    }
    if (result.error.code === 'unknown_token') throw new HubTokenRefused(result.error);
    if (result.error.code !== 'not_permitted' && result.error.code !== 'bad_events') throw new Error(result.error.message);
    if (batch.length === 1) {
      markHubRefused(db, batch.map((e) => e.id), result.error.message);
      refused += 1;
      refusal = result.error.message;
      return;
    }
    // Refusals are by kind (the member's role), so split by kind first, then in halves.
    const kinds = [...new Set(batch.map((e) => e.kind))];
    const parts = kinds.length > 1 ? kinds.map((k) => batch.filter((e) => e.kind === k)) : [batch.slice(0, batch.length >> 1), batch.slice(batch.length >> 1)];
    for (const part of parts) await send(part);
  };
  for (;;) {
    const events = pendingHubEvents(db, batchSize);
    if (events.length === 0) break;
    await send(events);
  }
  return { pushed, refused, refusal };
}
