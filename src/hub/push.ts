// Push: a batch of a desktop's local events into its workspace's stream. Idempotent by event id: an
// event pushed again (a retry after a lost reply) keeps the sequence it got the first time. The
// batch is one statement, so it is stored whole or not at all; row-level security refuses a batch
// holding a kind the member's role may not append, and the refusal names those kinds.
import { z } from 'zod';
import { err, ok, type Result } from '../core/result.ts';
import type { HubPool } from './connect.ts';
import { sqlState, type HubProblem } from './errors.ts';
import { HUB_EVENT_KINDS, type HubEventKind } from './eventKinds.ts';
import { unknownToken } from './members.ts';
import { asMember } from './session.ts';

export const hubEventInput = z.object({
  id: z.uuid({ version: 'v7' }),
  kind: z.enum(HUB_EVENT_KINDS),
  device: z.string().min(1).max(200),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime({ offset: true }),
});
export type HubEventInput = z.infer<typeof hubEventInput>;

const MAX_BATCH = 1000;

export interface PushedEvent {
  readonly id: string;
  readonly seq: number;
  /** `stored` now, or `already_stored` by an earlier push of the same id. */
  readonly status: 'stored' | 'already_stored';
}

export async function pushEvents(pool: HubPool, token: string, events: readonly HubEventInput[]): Promise<Result<PushedEvent[], HubProblem>> {
  const parsed = z.array(hubEventInput).max(MAX_BATCH).safeParse(events);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err({ code: 'bad_events', message: `The hub refused the batch: ${issue ? `${issue.path.join('.') || 'batch'}: ${issue.message}` : 'invalid events'}.` });
  }
  const batch = parsed.data;
  if (batch.length === 0) return ok([]);
  try {
    return await asMember(pool, token, async (client, me) => {
      if (me === null) return err(unknownToken());
      const inserted = await client.query<{ id: string; seq: string }>(
        `INSERT INTO stoa_hub.events (id, workspace_id, kind, actor, device, payload, created_at)
         SELECT e.id, $1, e.kind, $2, e.device, e.payload, e.created_at
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::jsonb[], $7::timestamptz[]) WITH ORDINALITY AS e(id, kind, device, payload, created_at, ord)
         ORDER BY e.ord
         ON CONFLICT (id) DO NOTHING
         RETURNING id, seq`,
        [
          me.workspaceId,
          me.memberId,
          batch.map((e) => e.id),
          batch.map((e) => e.kind),
          batch.map((e) => e.device),
          batch.map((e) => JSON.stringify(e.payload)),
          batch.map((e) => e.createdAt),
        ],
      );
      const fresh = new Set(inserted.rows.map((row) => row.id));
      // Row-level security shows only this workspace's rows: an id another workspace holds stays unseen.
      const stored = await client.query<{ id: string; seq: string }>('SELECT id, seq FROM stoa_hub.events WHERE id = ANY($1::uuid[])', [batch.map((e) => e.id)]);
      const seqs = new Map(stored.rows.map((row) => [row.id, Number(row.seq)]));
      const results: PushedEvent[] = [];
      for (const event of batch) {
        const seq = seqs.get(event.id);
        if (seq === undefined) {
          return err({ code: 'bad_events', message: `The hub refused the batch: event id ${event.id} is already used by another workspace on this hub.` });
        }
        results.push({ id: event.id, seq, status: fresh.has(event.id) ? 'stored' : 'already_stored' });
      }
      return ok(results);
    });
  } catch (error) {
    if (sqlState(error) === '42501') return err(await refusal(pool, token, batch.map((e) => e.kind)));
    throw error;
  }
}

/** Names what the member may not append, read back from the hub's own table of permissions. */
async function refusal(pool: HubPool, token: string, kinds: readonly HubEventKind[]): Promise<HubProblem> {
  const allowed = await asMember(pool, token, async (client, me) => {
    if (me === null) return null;
    const { rows } = await client.query<{ kind: string }>('SELECT kind FROM stoa_hub.role_event_kinds WHERE role = $1', [me.role]);
    return { role: me.role, kinds: new Set(rows.map((row) => row.kind)) };
  });
  if (allowed === null) return unknownToken();
  const refused = [...new Set(kinds.filter((kind) => !allowed.kinds.has(kind)))];
  const what = refused.length > 0 ? `${refused.join(', ')} events` : 'these events';
  return { code: 'not_permitted', message: `The hub refused the batch: a ${allowed.role} may not push ${what}; nothing in it was stored.` };
}
