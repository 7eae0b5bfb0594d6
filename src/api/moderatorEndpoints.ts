// The moderator's own tools: who is deciding (profiles), saved queue views with counts and queue
// age, the what-if tester for score thresholds (its rules are suggestions only), and the audit log
// as a searchable, paged list with CSV export.
import { z } from 'zod';
import { SCORE_MODELS } from '../core/queueSort.ts';
import { itemStateSchema, platformSchema, queueSortSchema } from './schemas.ts';

const id = z.string().min(1).max(100);
const empty = z.object({}).strict().default({});

export const profileSchema = z.object({ id: z.string(), name: z.string(), handle: z.string().nullable(), createdAt: z.string() });

export const viewFilterSchema = z
  .object({
    query: z.string().max(500).default(''),
    platform: platformSchema.optional(),
    state: itemStateSchema.optional(),
    sort: queueSortSchema.default('newest'),
  })
  .strict();

const viewCountSchema = z.object({ count: z.number().int(), oldestOpenAt: z.string().nullable() });

export const savedViewSchema = z.object({
  id: z.string(),
  profileId: z.string().nullable(),
  name: z.string(),
  filter: viewFilterSchema,
  createdAt: z.string(),
  count: z.number().int(),
  oldestOpenAt: z.string().nullable(),
});

const countsSchema = z.object({
  total: z.number().int(),
  flagged: z.number().int(),
  labeled: z.number().int(),
  truePositives: z.number().int(),
  falsePositives: z.number().int(),
  falseNegatives: z.number().int(),
  trueNegatives: z.number().int(),
  precision: z.number().nullable(),
  recall: z.number().nullable(),
});

export const scoreModelSchema = z.enum(SCORE_MODELS);

export const suggestionRuleSchema = z.object({
  id: z.string(),
  model: z.string(),
  threshold: z.number(),
  suggestion: z.enum(['flag', 'hold']),
  createdBy: z.string(),
  createdAt: z.string(),
});

const auditFilterSchema = {
  actor: z.string().max(200).optional(),
  action: z.string().max(200).optional(),
  community: z.string().max(200).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'A date is written YYYY-MM-DD.').max(40).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'A date is written YYYY-MM-DD.').max(40).optional(),
  text: z.string().max(200).optional(),
};

export const auditLogEntrySchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  deviceId: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  platform: z.string().nullable(),
  community: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const moderatorEndpoints = {
  'profiles.list': {
    input: empty,
    output: z.object({ profiles: z.array(profileSchema), activeId: z.string().nullable(), actor: z.string(), deviceId: z.string() }),
  },
  'profiles.create': {
    input: z.object({ name: z.string().trim().min(1).max(80), handle: z.string().trim().max(80).optional() }).strict(),
    output: profileSchema,
  },
  'profiles.setActive': { input: z.object({ id }).strict(), output: profileSchema },
  /** The active profile's saved views, each with its live count and oldest open item. */
  'views.list': { input: empty, output: z.array(savedViewSchema) },
  'views.save': { input: z.object({ name: z.string().trim().min(1).max(80), filter: viewFilterSchema }).strict(), output: savedViewSchema },
  'views.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.literal(true) }) },
  /** Count and queue age of any filter (the queue's current one). */
  'views.count': { input: z.object({ filter: viewFilterSchema }).strict(), output: viewCountSchema },
  'whatIf.run': {
    input: z
      .object({
        model: scoreModelSchema,
        threshold: z.number().min(0).max(1),
        platform: platformSchema.optional(),
        bins: z.number().int().min(2).max(50).default(10),
      })
      .strict(),
    output: countsSchema.extend({
      model: z.string(),
      threshold: z.number(),
      communities: z.array(countsSchema.extend({ platform: z.string(), community: z.string().nullable() })),
      histogram: z.array(z.object({ from: z.number(), to: z.number(), positive: z.number().int(), negative: z.number().int(), undecided: z.number().int() })),
    }),
  },
  'whatIf.rules.list': { input: empty, output: z.array(suggestionRuleSchema) },
  'whatIf.rules.save': {
    input: z.object({ model: scoreModelSchema, threshold: z.number().min(0).max(1), suggestion: z.enum(['flag', 'hold']) }).strict(),
    output: suggestionRuleSchema,
  },
  'whatIf.rules.remove': { input: z.object({ id }).strict(), output: z.object({ removed: z.literal(true) }) },
  'auditLog.list': {
    input: z
      .object({ ...auditFilterSchema, limit: z.number().int().min(1).max(500).default(100), beforeSeq: z.number().int().min(1).nullable().default(null) })
      .strict(),
    output: z.object({ entries: z.array(auditLogEntrySchema), nextBeforeSeq: z.number().int().nullable(), total: z.number().int() }),
  },
  'auditLog.facets': { input: empty, output: z.object({ actors: z.array(z.string()), actions: z.array(z.string()), communities: z.array(z.string()) }) },
  /** Every matching entry as CSV (oldest first), with the chain verification stated in the reply. */
  'auditLog.exportCsv': { input: z.object(auditFilterSchema).strict(), output: z.object({ csv: z.string(), rows: z.number().int() }) },
} as const;
