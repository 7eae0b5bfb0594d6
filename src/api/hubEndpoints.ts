// Settings → Team hub, and the queue's team signals: which hub this workspace is joined to, its
// members, the state of hub sync, and claims (a short lease that says "Ana is looking"). The join
// URL carries the member's database password and token: it goes in and is never returned.
import { z } from 'zod';
import { HUB_ROLES } from '../core/hubRoles.ts';
import { platformSchema } from './schemas.ts';

const empty = z.object({}).strict().default({});
const itemId = z.string().min(1).max(100);

export const hubRoleSchema = z.enum(HUB_ROLES);

export const hubMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: hubRoleSchema,
  revoked: z.boolean(),
});

export const hubSyncStateSchema = z.object({
  /** idle: nothing waiting; syncing: a push or pull is running; unreachable: the hub cannot be reached (work goes on locally); refused: the hub refused the token or a batch. */
  state: z.enum(['idle', 'syncing', 'unreachable', 'refused']),
  /** Local events not yet stored by the hub. */
  pendingPush: z.number().int(),
  /** Pulled events waiting for something this desk has not synced yet (an item or author). */
  parked: z.number().int(),
  /** The last hub sequence applied here. */
  cursor: z.number().int(),
  lastPushAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const hubSyncRunSchema = z.object({ pushed: z.number().int(), pulled: z.number().int(), applied: z.number().int() });

export const hubLinkSchema = z.object({
  /** The hub's address with the password and token removed. */
  url: z.string(),
  workspace: z.string(),
  member: z.object({ id: z.string(), name: z.string(), role: hubRoleSchema }),
  device: z.string(),
  joinedAt: z.string(),
});

export const hubStatusSchema = z.object({
  link: hubLinkSchema.nullable(),
  members: z.array(hubMemberSchema),
  sync: hubSyncStateSchema.nullable(),
});

export const hubClaimSchema = z.object({
  /** This desk's item id for the claimed item, when it has the item. */
  itemId: z.string().nullable(),
  platform: platformSchema,
  remoteId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  /** True when this member holds it (from this or another desk of theirs). */
  mine: z.boolean(),
  claimedAt: z.string(),
  expiresAt: z.string(),
});

/** Another member's decision on an item, as the hub has it. */
export const hubDecidedBySchema = z.object({
  memberName: z.string(),
  action: z.string(),
  decidedAt: z.string(),
});

export const hubEndpoints = {
  'hub.status': { input: empty, output: hubStatusSchema },
  /**
   * url: postgres://user:password@host:5432/db?stoa_token=… as `stoa hub add-member` prints it.
   * wait: answer after the first sync (with what it moved) instead of as soon as the link is stored.
   */
  'hub.join': {
    input: z.object({ url: z.string().min(1).max(4000), wait: z.boolean().optional() }).strict(),
    output: hubStatusSchema.extend({ firstSync: hubSyncRunSchema.optional() }),
  },
  'hub.leave': { input: empty, output: z.object({ left: z.boolean() }) },
  'hub.sync': {
    input: empty,
    output: hubSyncRunSchema.extend({ sync: hubSyncStateSchema }),
  },
  /** Claims (or renews) the item for this member; `granted` false means another member holds it. No hub: claim null. */
  'hub.claim': { input: z.object({ itemId }).strict(), output: z.object({ granted: z.boolean(), claim: hubClaimSchema.nullable() }) },
  'hub.release': { input: z.object({ itemId }).strict(), output: z.object({ released: z.boolean() }) },
  /** The workspace's unexpired claims. No hub: an empty list. */
  'hub.claims': { input: empty, output: z.object({ claims: z.array(hubClaimSchema) }) },
  /** The team's view of one item: who is looking, and another member's decision if one reached the hub. */
  'hub.item': { input: z.object({ itemId }).strict(), output: z.object({ claim: hubClaimSchema.nullable(), decidedBy: hubDecidedBySchema.nullable() }) },
} as const;
