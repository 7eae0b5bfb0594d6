// Pull: the events of the member's workspace after a cursor (a sequence number), oldest first, at
// most `limit`. Sequences become visible in order (see the append lock in 0001-initial.ts), so the
// last sequence returned is a safe next cursor: nothing below it can still appear.
import { err, ok, type Result } from '../core/result.ts';
import type { HubPool } from './connect.ts';
import type { HubProblem } from './errors.ts';
import type { HubEventKind } from './eventKinds.ts';
import { unknownToken } from './members.ts';
import { asMember } from './session.ts';

export interface HubEvent {
  readonly seq: number;
  readonly id: string;
  readonly kind: HubEventKind;
  /** The member who pushed it, as the hub verified by token. */
  readonly actor: string;
  readonly actorName: string;
  readonly device: string;
  readonly payload: Record<string, unknown>;
  readonly createdAt: string;
  readonly receivedAt: string;
}

export interface PullPage {
  readonly events: HubEvent[];
  /** Pass as `after` next time. */
  readonly cursor: number;
  /** True when the page was full, so more may follow now. */
  readonly more: boolean;
}

interface EventRow {
  seq: string;
  id: string;
  kind: HubEventKind;
  actor: string;
  actor_name: string;
  device: string;
  payload: Record<string, unknown>;
  created_at: Date;
  received_at: Date;
}

export async function pullEvents(pool: HubPool, token: string, after: number, limit = 500): Promise<Result<PullPage, HubProblem>> {
  if (!Number.isSafeInteger(after) || after < 0) return err({ code: 'bad_events', message: `A pull cursor is a whole number from 0 (got ${after}).` });
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000) return err({ code: 'bad_events', message: `A pull limit is from 1 to 5000 (got ${limit}).` });
  return asMember(pool, token, async (client, me) => {
    if (me === null) return err(unknownToken());
    const { rows } = await client.query<EventRow>(
      `SELECT e.seq, e.id, e.kind, e.actor, m.name AS actor_name, e.device, e.payload, e.created_at, e.received_at
       FROM stoa_hub.events e JOIN stoa_hub.members m ON m.id = e.actor
       WHERE e.workspace_id = $1 AND e.seq > $2
       ORDER BY e.seq LIMIT $3`,
      [me.workspaceId, after, limit],
    );
    const events = rows.map((row) => ({
      seq: Number(row.seq),
      id: row.id,
      kind: row.kind,
      actor: row.actor,
      actorName: row.actor_name,
      device: row.device,
      payload: row.payload,
      createdAt: row.created_at.toISOString(),
      receivedAt: row.received_at.toISOString(),
    }));
    return ok({ events, cursor: events.at(-1)?.seq ?? after, more: events.length === limit });
  });
}
