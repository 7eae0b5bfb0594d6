// Removal reasons and macros per community (core/removalTemplates.ts), a macro applied to one
// item, and bulk decisions over a selection or "everything by this author" with one reason for
// all, answered per item (queued, or refused with the reason) so one failure never stops the rest.
import { z } from 'zod';
import { moderationActionSchema } from './schemas.ts';

const id = z.string().min(1).max(100);

export const removalTemplateSchema = z.object({
  id: z.string(),
  communityId: z.string().nullable(),
  title: z.string(),
  rule: z.string(),
  reason: z.string(),
  message: z.string().nullable(),
  note: z.string().nullable(),
  banDays: z.number().int().nullable(),
  remoteReasonId: z.string().nullable(),
  position: z.number().int(),
});
export type RemovalTemplateDto = z.infer<typeof removalTemplateSchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null).transform((text) => (text === '' ? null : text));

export const templateInputSchema = z
  .object({
    id: id.optional(),
    communityId: id.nullable().default(null),
    title: z.string().trim().min(1, 'Give the reason a title.').max(100),
    rule: z.string().trim().max(200).default(''),
    reason: z.string().trim().min(1, 'Write the removal reason.').max(1000),
    message: optionalText(5000),
    note: optionalText(1000),
    /** A macro that also bans: days, 0 = permanent; null = no ban. */
    banDays: z.number().int().min(0).max(999).nullable().default(null),
    remoteReasonId: optionalText(100),
  })
  .strict();

const stepSchema = z.object({ action: moderationActionSchema, decisionId: z.string(), queued: z.boolean() });

export const bulkResultSchema = z.object({
  itemId: z.string(),
  /** queued: decided (and in the outbox when the item has an account); refused: nothing written. */
  status: z.enum(['queued', 'refused']),
  reason: z.string().nullable(),
  /** Who and what, for the per-item result list ("ana: Great serum…"); null for an unknown id. */
  label: z.string().nullable(),
  steps: z.array(stepSchema),
});

export const reasonEndpoints = {
  /** Templates offered for an item (its community's first, then those for every community), or all. */
  'reasons.list': {
    input: z.object({ itemId: id.optional() }).strict().default({}),
    output: z.array(removalTemplateSchema),
  },
  'reasons.save': { input: templateInputSchema, output: removalTemplateSchema },
  'reasons.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** Communities a template can be scoped to. */
  'reasons.communities': {
    input: z.object({}).strict().default({}),
    output: z.array(z.object({ id: z.string(), platform: z.string(), name: z.string() })),
  },
  /** Remove with the template's reason, message and note (and ban when it says so), in one step. */
  'queue.applyTemplate': {
    input: z.object({ itemId: id, templateId: id, requestId: id.optional() }).strict(),
    output: bulkResultSchema,
  },
  /**
   * One action (or one template) for many items: the ids given, or every open item by the author
   * of `authorOf`. Each item is answered on its own; a refusal does not stop the others.
   */
  'queue.bulk': {
    input: z
      .object({
        itemIds: z.array(id).max(5000).default([]),
        authorOf: id.optional(),
        action: moderationActionSchema.default('remove'),
        templateId: id.optional(),
        reason: z.string().trim().max(500).optional(),
        requestId: id.optional(),
        /** false: a batch of a longer run, whose last batch sends the one items.changed for all of it. */
        announce: z.boolean().default(true),
      })
      .strict(),
    output: z.object({ results: z.array(bulkResultSchema) }),
  },
} as const;
