// Wire shapes of the Instagram Graph API comment endpoints (PLATFORMS.md §4.2, §4.6; Meta codegen
// specs IGComment.json / IGMedia.json). Pages keep `data` as unknown[] so that one malformed
// comment is quarantined without losing its siblings.
import { z } from 'zod';

/** Graph cursor paging: `paging.cursors.{before,after}` and a `next` URL only when more exists. */
export const pagingSchema = z.object({
  cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
  next: z.string().optional(),
  previous: z.string().optional(),
});

export const pageSchema = z.object({
  data: z.array(z.unknown()),
  paging: pagingSchema.optional(),
});
export type WirePage = z.infer<typeof pageSchema>;

export const commentSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  // Graph datetimes look like 2026-11-25T13:00:00+0000 (no colon in the offset).
  timestamp: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/),
  username: z.string().optional(),
  like_count: z.number().int().nonnegative().optional(),
  hidden: z.boolean().optional(),
  parent_id: z.string().optional(),
  from: z.object({ id: z.string(), username: z.string().optional() }).optional(),
  media: z.object({ id: z.string() }).optional(),
  /** Field expansion `replies{...}`: the first page of replies, parsed one by one by map.ts. */
  replies: z.object({ data: z.array(z.unknown()), paging: pagingSchema.optional() }).optional(),
});
export type WireComment = z.infer<typeof commentSchema>;

export const mediaSchema = z.object({
  id: z.string().min(1),
  caption: z.string().optional(),
  comments_count: z.number().int().nonnegative().optional(),
  timestamp: z.string().optional(),
  permalink: z.string().optional(),
  media_type: z.string().optional(),
});
export type WireMedia = z.infer<typeof mediaSchema>;

export const successSchema = z.object({ success: z.boolean() });

/** Graph error envelope (PLATFORMS.md §4.6). */
export const graphErrorSchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    is_transient: z.boolean().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphError = z.infer<typeof graphErrorSchema>['error'];

/** `X-App-Usage`: percentages of the app's hourly budget. */
export const appUsageSchema = z.object({
  call_count: z.number(),
  total_cputime: z.number(),
  total_time: z.number(),
});
export type AppUsage = z.infer<typeof appUsageSchema>;

/** `X-Business-Use-Case-Usage`: per business id, one entry per use-case type. */
export const bucUsageSchema = z.record(
  z.string(),
  z.array(
    z.object({
      type: z.string(),
      call_count: z.number(),
      total_cputime: z.number(),
      total_time: z.number(),
      estimated_time_to_regain_access: z.number().optional(),
    }),
  ),
);
export type BucUsage = z.infer<typeof bucUsageSchema>;

/** graph.instagram.com/refresh_access_token response. */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().int().positive(),
});
