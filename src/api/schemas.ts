// Wire shapes shared by several endpoints. Dates are ISO-8601 strings; ids are UUIDv7 strings.
import { z } from 'zod';
import { ITEM_KINDS, ITEM_STATES, PLATFORMS, MODERATION_ACTIONS } from '../core/domain.ts';
import { QUEUE_SORTS } from '../core/queueSort.ts';

export const platformSchema = z.enum(PLATFORMS);
export const itemKindSchema = z.enum(ITEM_KINDS);
export const itemStateSchema = z.enum(ITEM_STATES);
export const queueSortSchema = z.enum(QUEUE_SORTS);
export const moderationActionSchema = z.enum(MODERATION_ACTIONS);

export const evidenceSchema = z.object({
  task: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  weight: z.number(),
  /** Set when a rule (affiliate link, discount code, disclosure wording…) rather than a learned weight matched. */
  rule: z.string().optional(),
});

export const scoreSchema = z.object({
  model: z.string(),
  modelVersion: z.string(),
  /** null when the model declined to score the item (its language, say); unscoredReason says why. */
  score: z.number().nullable(),
  unscoredReason: z.string().nullable(),
  evidence: z.array(evidenceSchema),
  scoredAt: z.string(),
});

export const itemSummarySchema = z.object({
  id: z.string(),
  platform: platformSchema,
  remoteId: z.string(),
  kind: itemKindSchema,
  community: z.string().nullable(),
  author: z.string().nullable(),
  title: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  state: itemStateSchema,
  reportCount: z.number().int(),
  scores: z.record(z.string(), z.number()),
  /** Items with the same normalized text, this one included (1: no copies). */
  copies: z.number().int().min(1).default(1),
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export const reportSchema = z.object({ reason: z.string(), count: z.number().int(), source: z.string() });

export const decisionSchema = z.object({
  id: z.string(),
  action: moderationActionSchema,
  reason: z.string().nullable(),
  actor: z.string(),
  createdAt: z.string(),
});

export const noteSchema = z.object({ id: z.string(), body: z.string(), actor: z.string(), createdAt: z.string() });

export const itemDetailSchema = itemSummarySchema.extend({
  url: z.string().nullable(),
  parentRemoteId: z.string().nullable(),
  fetchedAt: z.string(),
  reports: z.array(reportSchema),
  scoreDetails: z.array(scoreSchema),
  decisions: z.array(decisionSchema),
  notes: z.array(noteSchema),
  raw: z.unknown(),
  /** What the item's platform can do (from its connector's capabilities): the queue offers only these. */
  capabilities: z.object({
    actions: z.array(moderationActionSchema),
    /** Null when the platform cannot ban; maxDays null: no temporary bans. */
    ban: z.object({ maxDays: z.number().int().nullable(), permanent: z.boolean(), reasonMaxLength: z.number().int().nullable(), messageMaxLength: z.number().int().nullable() }).nullable(),
  }),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const pageInput = {
  limit: z.number().int().min(1).max(500).default(100),
  cursor: z.string().max(1000).nullable().default(null),
};
