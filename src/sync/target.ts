// The action target stored on an outbox entry: built from the item row when a person decides, and
// read back (validated, since it crossed a database) when the entry is replayed.
import { z } from 'zod';
import { ITEM_KINDS } from '../core/domain.ts';
import type { ActionParams, ActionTarget } from '../platforms/index.ts';
import type { ItemTargetRow } from '../store/itemRemote.ts';

const refSchema = z.object({ remoteId: z.string(), name: z.string() });
const targetSchema = z.object({
  remoteId: z.string().min(1),
  kind: z.enum(ITEM_KINDS),
  community: refSchema,
  author: refSchema.nullable(),
  version: z.string().nullable(),
});
const paramsSchema = z.object({
  durationDays: z.number().int().nullable().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  note: z.string().optional(),
  reasonId: z.string().optional(),
});

export function targetFromRow(row: ItemTargetRow): ActionTarget {
  return {
    remoteId: row.remoteId,
    kind: row.kind,
    community: { remoteId: row.communityRemoteId ?? '', name: row.communityName ?? '' },
    author: row.authorRemoteId === null ? null : { remoteId: row.authorRemoteId, name: row.authorName ?? row.authorRemoteId },
    version: row.version,
  };
}

export function parseTarget(stored: unknown): ActionTarget | null {
  const parsed = targetSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** Only the fields a connector understands; anything else in the stored params is ignored. */
export function parseParams(stored: Readonly<Record<string, unknown>>): ActionParams {
  const parsed = paramsSchema.safeParse(stored);
  if (!parsed.success) return {};
  const { durationDays, reason, message, note, reasonId } = parsed.data;
  return {
    ...(durationDays === undefined ? {} : { durationDays }),
    ...(reason === undefined ? {} : { reason }),
    ...(message === undefined ? {} : { message }),
    ...(note === undefined ? {} : { note }),
    ...(reasonId === undefined ? {} : { reasonId }),
  };
}
