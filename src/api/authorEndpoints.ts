// The person behind an item and the context around it: the author panel (their items everywhere
// they are linked, decisions, reports, notes about the person), the thread parent of a comment,
// and where each decision's action stands on its way to the platform.
import { z } from 'zod';
import { DECISION_STATUS_KINDS } from '../core/decisionStatus.ts';
import { MODERATION_ACTIONS, OUTBOX_STATES } from '../core/domain.ts';
import { PERSON_NOTE_LABELS } from '../core/personNotes.ts';
import { itemSummarySchema, moderationActionSchema, pageInput, platformSchema } from './schemas.ts';

const id = z.string().min(1).max(100);

export const authorSchema = z.object({ id: z.string(), platform: platformSchema, remoteId: z.string(), name: z.string() });

export const authorProfileSchema = z.object({
  author: authorSchema,
  linked: z.array(authorSchema),
  itemCount: z.number().int(),
  reportedItems: z.number().int(),
  reportCount: z.number().int(),
  decisions: z.partialRecord(z.enum(MODERATION_ACTIONS), z.number().int()),
});

export const authorItemSchema = itemSummarySchema.extend({
  authorId: z.string(),
  lastDecision: z.object({ action: moderationActionSchema, actor: z.string(), createdAt: z.string() }).nullable(),
});

export const personNoteSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  label: z.enum(PERSON_NOTE_LABELS),
  body: z.string(),
  itemId: z.string().nullable(),
  actor: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  removedAt: z.string().nullable(),
  removedBy: z.string().nullable(),
  active: z.boolean(),
});

export const decisionStatusSchema = z.object({
  decisionId: z.string(),
  action: moderationActionSchema,
  actor: z.string(),
  createdAt: z.string(),
  status: z.object({
    kind: z.enum(DECISION_STATUS_KINDS),
    label: z.string(),
    reason: z.string().nullable(),
    actionable: z.boolean(),
  }),
  entry: z
    .object({ id: z.string(), state: z.enum(OUTBOX_STATES), attempts: z.number().int(), remoteSnapshot: z.unknown(), updatedAt: z.string() })
    .nullable(),
});

export const authorEndpoints = {
  /** The author of an item (by itemId) or an author by id; null author: the item has none (deleted account). */
  'authors.get': {
    input: z.union([z.object({ itemId: id }).strict(), z.object({ authorId: id }).strict()]),
    output: authorProfileSchema.nullable(),
  },
  /** Every item by this person (all linked accounts), newest first, paged without a cap. */
  'authors.items': {
    input: z.object({ authorId: id, ...pageInput }).strict(),
    output: z.object({ items: z.array(authorItemSchema), nextCursor: z.string().nullable() }),
  },
  /** Authors on a platform with exactly this name (case-insensitive): candidates a moderator may link. */
  'authors.find': {
    input: z.object({ platform: platformSchema, name: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.array(authorSchema),
  },
  /** A moderator says two authors are the same person (across platforms). Never guessed. Audited. */
  'authors.link': {
    input: z.object({ authorId: id, otherAuthorId: id }).strict(),
    output: authorProfileSchema,
  },
  /** Undoes a moderator's link between two accounts (they are two people after all). Audited. */
  'authors.unlink': {
    input: z.object({ authorId: id, otherAuthorId: id }).strict(),
    output: authorProfileSchema,
  },
  'personNotes.add': {
    input: z
      .object({
        authorId: id,
        label: z.enum(PERSON_NOTE_LABELS),
        body: z.string().max(2000).default(''),
        /** ISO time after which the note no longer counts; null or absent: never expires. */
        expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
        itemId: id.optional(),
      })
      .strict(),
    output: personNoteSchema,
  },
  'personNotes.list': {
    input: z.object({ authorId: id, includeRemoved: z.boolean().default(false), ...pageInput }).strict(),
    output: z.object({ notes: z.array(personNoteSchema), nextCursor: z.string().nullable() }),
  },
  'personNotes.remove': {
    input: z.object({ id }).strict(),
    output: personNoteSchema,
  },
  /** A comment's thread parent from the stored items (null parent: not synced; the ids say what it is). */
  'items.parent': {
    input: z.object({ id }).strict(),
    output: z.object({
      parentRemoteId: z.string().nullable(),
      parent: itemSummarySchema.extend({ url: z.string().nullable() }).nullable(),
      itemUrl: z.string().nullable(),
    }),
  },
  /** Other items with the same text, or the same words apart from numbers, links and @names (paged). */
  'items.similar': {
    input: z.object({ id, ...pageInput }).strict(),
    output: z.object({
      identical: z.number().int(),
      near: z.number().int(),
      items: z.array(itemSummarySchema.extend({ identical: z.boolean() })),
      nextCursor: z.string().nullable(),
    }),
  },
  /** Each decision on an item with its outbox state (queued, sent, failed with reason, conflict with the remote state). */
  'items.decisionStatus': {
    input: z.object({ id }).strict(),
    output: z.array(decisionStatusSchema),
  },
} as const;
