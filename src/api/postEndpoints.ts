// posts.* endpoints: the studio composer's drafts. A post is saved whole or in part (autosave sends
// what changed, with the revision it was based on), answers with the post and its check — limit
// violations per target and disclosure findings per jurisdiction — and keeps every revision so undo
// survives a restart. Publishing is not here.
import { z } from 'zod';
import { JURISDICTION_IDS } from '../core/jurisdictionProfiles.ts';
import { POST_TARGETS } from '../core/postLimits.ts';
import { POST_STATES } from '../core/postValidationStates.ts';
import { RENDITION_TARGETS } from '../core/renditionTargets.ts';

const id = z.string().min(1).max(100);
const unit = z.number().min(0).max(1);
export const postTargetSchema = z.enum(POST_TARGETS);
export const postStateSchema = z.enum(POST_STATES);

// Text caps here only keep requests bounded; the platform limits are reported as violations, so a
// caption over 2,200 characters is saved and shown as too long rather than refused.
const contentFields = {
  targets: z.array(postTargetSchema).min(1).max(POST_TARGETS.length).refine((t) => new Set(t).size === t.length, { message: 'Each target once.' }),
  caption: z.string().max(20_000),
  title: z.string().max(2_000).nullable(),
  link: z.string().max(10_000).nullable(),
  paidPartnership: z.boolean(),
  brandPartner: z.string().trim().max(200).nullable(),
  scheduledAt: z.string().datetime({ offset: true }).nullable(),
  media: z.array(z.object({ assetId: id, altText: z.string().max(5_000).default(''), crop: z.enum(RENDITION_TARGETS).nullable().default(null) }).strict()).max(50),
  /** productId: a catalog product id or SKU (stored as the product's id). */
  productTags: z.array(z.object({ mediaIndex: z.number().int().min(0).max(49), productId: z.string().min(1).max(200), x: unit, y: unit }).strict()).max(200),
};

export const postContentInputSchema = z
  .object({
    ...contentFields,
    caption: contentFields.caption.default(''),
    title: contentFields.title.default(null),
    link: contentFields.link.default(null),
    paidPartnership: contentFields.paidPartnership.default(false),
    brandPartner: contentFields.brandPartner.default(null),
    scheduledAt: contentFields.scheduledAt.default(null),
    media: contentFields.media.default([]),
    productTags: contentFields.productTags.default([]),
  })
  .strict();
const contentPatchSchema = z.object(contentFields).partial().strict();

export const postSchema = z.object({
  id: z.string(),
  state: postStateSchema,
  revision: z.number().int(),
  targets: z.array(postTargetSchema),
  caption: z.string(),
  title: z.string().nullable(),
  link: z.string().nullable(),
  paidPartnership: z.boolean(),
  brandPartner: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  media: z.array(z.object({ assetId: z.string(), altText: z.string(), crop: z.string().nullable() })),
  productTags: z.array(z.object({ mediaIndex: z.number().int(), productId: z.string(), sku: z.string().nullable(), title: z.string().nullable(), x: z.number(), y: z.number() })),
  permalink: z.string().nullable(),
  failure: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const violationSchema = z.object({
  rule: z.string(),
  target: postTargetSchema,
  message: z.string(),
  limit: z.union([z.number(), z.string()]),
  actual: z.union([z.number(), z.string()]),
  profile: z.string(),
  profileDate: z.string(),
  source: z.string(),
  verify: z.boolean(),
  mediaIndex: z.number().int().nullable(),
});

const captionEditSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });
export const lintFindingSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning']),
  jurisdiction: z.string(),
  profileVersion: z.string(),
  message: z.string(),
  rule: z.object({ id: z.string(), says: z.string(), source: z.string(), date: z.string() }),
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  signals: z.array(z.object({ kind: z.string(), strength: z.enum(['strong', 'weak']), text: z.string(), start: z.number().int().nullable(), end: z.number().int().nullable() })),
  fixes: z.array(z.discriminatedUnion('kind', [z.object({ kind: z.literal('edit'), label: z.string(), edits: z.array(captionEditSchema) }), z.object({ kind: z.literal('set_paid_partnership'), label: z.string(), value: z.literal(true) })])),
});

export const captionCountsSchema = z.object({
  target: postTargetSchema,
  profile: z.string(),
  characters: z.number().int(),
  unit: z.enum(['utf16', 'codepoint', 'grapheme']),
  captionMax: z.number().int(),
  hashtags: z.number().int(),
  hashtagsMax: z.number().int(),
  mentions: z.number().int(),
  mentionsMax: z.number().int(),
  foldAt: z.number().int(),
});

/** ok: no violation and no error finding (warnings ask a person to look but do not block). */
export const postCheckSchema = z.object({ ok: z.boolean(), violations: z.array(violationSchema), findings: z.array(lintFindingSchema), counts: z.array(captionCountsSchema) });

/** Which limit profile per target and which jurisdictions to lint for (defaults: the current profiles, all jurisdictions). */
const checkOptions = {
  profiles: z.object({ instagram: z.string().max(100).optional(), pinterest: z.string().max(100).optional() }).strict().default({}),
  jurisdictions: z.array(z.enum(JURISDICTION_IDS)).min(1).default([...JURISDICTION_IDS]),
};

const savedSchema = z.object({ post: postSchema, check: postCheckSchema });

export const postEndpoints = {
  'posts.create': { input: z.object({ content: postContentInputSchema, ...checkOptions }).strict(), output: savedSchema },
  /** Saves the fields given; with baseRevision, refused (conflict) when the post was saved since. */
  'posts.update': { input: z.object({ id, baseRevision: z.number().int().min(1).optional(), content: contentPatchSchema, ...checkOptions }).strict(), output: savedSchema },
  'posts.get': { input: z.object({ id }).strict(), output: postSchema },
  'posts.list': {
    input: z.object({ state: postStateSchema.optional(), limit: z.number().int().min(1).max(200).default(50), cursor: z.string().max(20).nullable().default(null) }).strict(),
    output: z.object({ posts: z.array(postSchema), nextCursor: z.string().nullable(), total: z.number().int() }),
  },
  /** Checks a saved post (id) or unsaved content (draft, e.g. on every keystroke) without saving. */
  'posts.validate': {
    input: z
      .object({ id: id.optional(), draft: postContentInputSchema.optional(), /** With draft: the saved post it edits, so rules on the post itself (its rights request) apply. */ postId: id.optional(), ...checkOptions })
      .strict()
      .refine((i) => (i.id === undefined) !== (i.draft === undefined), { message: 'Give either id or draft.' }),
    output: postCheckSchema,
  },
  /** Queues a valid (or failed) post for publishing: it becomes 'publishing'; a sync sends it. */
  'posts.publish': { input: z.object({ id }).strict(), output: postSchema },
  /** Saved versions, newest first: undo restores one with posts.update. */
  'posts.revisions': {
    input: z.object({ id, limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.object({ revisions: z.array(z.object({ revision: z.number().int(), at: z.string(), actor: z.string(), content: postContentInputSchema })) }),
  },
  /** Schedules a valid (or failed, or missed) post at a future time; the app queues its publish then. Also reschedules. */
  'posts.schedule': { input: z.object({ id, at: z.string().datetime({ offset: true }) }).strict(), output: postSchema },
  /** Takes a scheduled (or missed) post off the schedule: valid again when it passes its checks, else draft. */
  'posts.unschedule': { input: z.object({ id }).strict(), output: postSchema },
  /** A missed post's answer: publish now, a new time (at), or back to editing. */
  'posts.resolveMissed': {
    input: z
      .object({ id, choice: z.enum(['publish_now', 'reschedule', 'back_to_draft']), at: z.string().datetime({ offset: true }).optional() })
      .strict()
      .refine((i) => (i.choice === 'reschedule') === (i.at !== undefined), { message: 'Give at (the new time) with reschedule, and only then.' }),
    output: postSchema,
  },
} as const;
