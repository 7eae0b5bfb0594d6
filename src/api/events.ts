// Events the backend pushes to every open UI (IPC in Electron, SSE in the browser).
import { z } from 'zod';
import { OUTBOX_STATES } from '../core/domain.ts';

export const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('items.changed'), count: z.number().int() }),
  z.object({ type: z.literal('connectivity'), online: z.boolean() }),
  z.object({ type: z.literal('heartbeat'), at: z.string() }),
  z.object({
    type: z.literal('sync.progress'),
    phase: z.enum(['pull', 'push']),
    done: z.number().int(),
    total: z.number().int(),
    accountId: z.string().nullable(),
  }),
  z.object({
    type: z.literal('outbox.changed'),
    entryId: z.string(),
    itemId: z.string().nullable(),
    platform: z.string(),
    state: z.enum(OUTBOX_STATES),
    reason: z.string().nullable(),
  }),
  /** The team hub's claims, members or sync state changed: views showing them read again. */
  z.object({ type: z.literal('hub.changed'), what: z.enum(['claims', 'events', 'status']) }),
  z.object({
    type: z.literal('account.problem'),
    accountId: z.string(),
    status: z.enum(['reauth', 'permanent_failure', 'retry_after']),
    reason: z.string(),
  }),
]);
export type StoaEvent = z.infer<typeof eventSchema>;
export type EventListener = (event: StoaEvent) => void;

/** A tiny synchronous fan-out: listeners that throw are isolated from each other. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: StoaEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken subscriber (a closed socket) must not stop the others.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
