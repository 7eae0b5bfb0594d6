// Reddit wire shapes (PLATFORMS.md §2; field sets checked against the PRAW cassettes). Schemas are
// lenient about fields we do not read, strict about the ones we do: a thing missing its fullname
// or timestamp is quarantined rather than stored half-formed. Older payloads (2016) lack the
// approved/removed/spam booleans, so those are optional and state falls back to banned_by/approved_by.
import { z } from 'zod';

/** user_reports: [reason | null, count, ...extra]; mod_reports: [reason, moderator]. */
const reportEntry = z.array(z.unknown());

export const thingDataSchema = z.object({
  name: z.string().regex(/^t[13]_[a-z0-9]+$/, 'a t1_/t3_ fullname'),
  id: z.string().min(1),
  subreddit: z.string().min(1),
  subreddit_id: z.string().optional(),
  author: z.string().min(1),
  author_fullname: z.string().optional(),
  created_utc: z.number().finite(),
  permalink: z.string().optional(),
  num_reports: z.number().int().nullable().optional(),
  user_reports: z.array(reportEntry).nullable().optional(),
  mod_reports: z.array(reportEntry).nullable().optional(),
  approved: z.boolean().nullable().optional(),
  approved_by: z.string().nullable().optional(),
  banned_by: z.union([z.string(), z.boolean()]).nullable().optional(),
  removed: z.boolean().nullable().optional(),
  spam: z.boolean().nullable().optional(),
  ignore_reports: z.boolean().nullable().optional(),
  // t3
  title: z.string().optional(),
  selftext: z.string().optional(),
  url: z.string().optional(),
  is_self: z.boolean().optional(),
  // t1
  body: z.string().optional(),
  link_id: z.string().optional(),
  parent_id: z.string().optional(),
});
export type ThingData = z.infer<typeof thingDataSchema>;

export const thingSchema = z.object({ kind: z.enum(['t1', 't3']), data: thingDataSchema });

/** The envelope only; children are validated one by one so one bad child does not sink the page. */
export const listingSchema = z.object({
  kind: z.literal('Listing'),
  data: z.object({
    after: z.string().nullable().optional(),
    before: z.string().nullable().optional(),
    children: z.array(z.unknown()),
  }),
});

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
  refresh_token: z.string().min(1).optional(),
});

/** Errors hidden in a 200: token endpoint `{"error": "invalid_grant"}`. */
export const tokenErrorSchema = z.object({ error: z.string() });

/** api_type=json replies: `{"json": {"errors": [["CODE", "message", "field"]]}}`. */
export const jsonErrorsSchema = z.object({
  json: z.object({ errors: z.array(z.array(z.unknown())) }),
});

/** /r/{sub}/about/banned children. */
export const bannedUserSchema = z.object({ name: z.string(), id: z.string().optional(), date: z.number().optional(), note: z.string().optional() });

export const bannedListingSchema = z.object({ data: z.object({ children: z.array(z.unknown()) }) });

export const meSchema = z.object({ name: z.string() });
