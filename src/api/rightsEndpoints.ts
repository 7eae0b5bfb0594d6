// studio.useItem and rights.* endpoints: a community item (a customer's photo post or review) turned
// into a draft post that credits its author, and the rights request that must be granted before the
// post can be published. The request's message is a template with {author}, {community}, {brand}
// and {link}; each view carries it rendered (or the reason it cannot be yet).
import { z } from 'zod';
import { PLATFORMS } from '../core/domain.ts';
import { RIGHTS_STATUSES } from '../core/rightsTemplate.ts';
import { postTargetSchema } from './postEndpoints.ts';

const id = z.string().min(1).max(100);
const template = z.string().trim().min(1).max(2_000);
const brand = z.string().trim().min(1).max(200);
export const rightsStatusSchema = z.enum(RIGHTS_STATUSES);

export const rightsRequestSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  postId: z.string(),
  author: z.string(),
  platform: z.enum(PLATFORMS),
  community: z.string().nullable(),
  link: z.string().nullable(),
  brand: z.string(),
  template: z.string(),
  /** The template filled in now, or why it cannot be sent yet (an unknown placeholder, no brand). */
  message: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), text: z.string() }), z.object({ ok: z.literal(false), message: z.string() })]),
  messageSent: z.string().nullable(),
  sentVia: z.enum(['manual', 'outbox']).nullable(),
  sentAt: z.string().nullable(),
  status: rightsStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  actor: z.string(),
  deviceId: z.string(),
  /** Whether the platform can carry the message (a reply or direct message through the outbox); when not, why. */
  outbox: z.object({ available: z.boolean(), reason: z.string() }),
});

export const rightsEndpoints = {
  /** Starts a draft from a queue item: credit line (and the review quoted), the item's image imported when it has one, and a rights request. */
  'studio.useItem': {
    input: z.object({ itemId: id, target: postTargetSchema.default('instagram'), brand: brand.optional(), template: template.optional() }).strict(),
    output: z.object({
      postId: z.string(),
      rightsRequestId: z.string(),
      /** The imported image, when the item had one that could be fetched and imported. */
      assetId: z.string().nullable(),
      /** Why the item's image was not imported (fetch failed, not an image…); null when there was none or it was. */
      imageRefused: z.string().nullable(),
    }),
  },
  /** By request id, or by the post it belongs to. */
  'rights.get': {
    input: z
      .object({ id: id.optional(), postId: id.optional() })
      .strict()
      .refine((i) => (i.id === undefined) !== (i.postId === undefined), { message: 'Give either id or postId.' }),
    output: rightsRequestSchema.nullable(),
  },
  'rights.list': {
    /** itemId: only the requests for posts made from this queue item. */
    input: z.object({ status: rightsStatusSchema.optional(), itemId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ requests: z.array(rightsRequestSchema) }),
  },
  /** Edits the message (before it is sent) or records the author's answer; the post is checked again. */
  'rights.update': {
    input: z
      .object({ id, status: rightsStatusSchema.optional(), template: template.optional(), brand: brand.optional() })
      .strict()
      .refine((i) => i.status !== undefined || i.template !== undefined || i.brand !== undefined, { message: 'Give a status, a template or a brand.' }),
    output: z.object({ request: rightsRequestSchema, postState: z.string() }),
  },
  /** Records the rendered message as sent by hand (copied to the author outside Stoa). */
  'rights.markSent': { input: z.object({ id }).strict(), output: rightsRequestSchema },
} as const;
