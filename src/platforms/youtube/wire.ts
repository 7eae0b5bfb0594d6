// Wire shapes of the YouTube Data API v3 responses the connector reads (PLATFORMS.md §5, discovery
// rev 20180511). Schemas are lenient about extra fields (Google adds them) and strict about the ones
// we act on, so a drifted payload is quarantined item by item instead of failing a whole page.
import { z } from 'zod';

export const MODERATION_STATUSES = ['heldForReview', 'likelySpam', 'published', 'rejected'] as const;
export type YtModerationStatus = (typeof MODERATION_STATUSES)[number];

/** The statuses `comments.setModerationStatus` accepts (likelySpam is YouTube's verdict, not ours). */
export const SETTABLE_STATUSES = ['heldForReview', 'published', 'rejected'] as const;
export type YtSettableStatus = (typeof SETTABLE_STATUSES)[number];

/** The two queues a channel owner can list (`commentThreads.list?moderationStatus=`). */
export const QUEUE_STATUSES = ['heldForReview', 'likelySpam'] as const;
export type YtQueueStatus = (typeof QUEUE_STATUSES)[number];

export const commentSnippetSchema = z.object({
  authorDisplayName: z.string(),
  authorProfileImageUrl: z.string().optional(),
  authorChannelUrl: z.string().optional(),
  authorChannelId: z.object({ value: z.string() }).optional(),
  channelId: z.string().optional(),
  videoId: z.string().optional(),
  textDisplay: z.string(),
  textOriginal: z.string().optional(),
  parentId: z.string().optional(),
  canRate: z.boolean().optional(),
  viewerRating: z.string().optional(),
  likeCount: z.number().int().nonnegative().optional(),
  // Absent when fetched by id (discovery doc); present on moderation listings.
  moderationStatus: z.enum(MODERATION_STATUSES).optional(),
  publishedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
});
export type WireCommentSnippet = z.infer<typeof commentSnippetSchema>;

export const commentSchema = z.object({
  kind: z.literal('youtube#comment'),
  etag: z.string().optional(),
  id: z.string().min(1),
  snippet: commentSnippetSchema,
});
export type WireComment = z.infer<typeof commentSchema>;

export const commentThreadSchema = z.object({
  kind: z.literal('youtube#commentThread'),
  etag: z.string().optional(),
  id: z.string().min(1),
  snippet: z.object({
    channelId: z.string().optional(),
    videoId: z.string().optional(),
    canReply: z.boolean().optional(),
    totalReplyCount: z.number().int().nonnegative().optional(),
    isPublic: z.boolean().optional(),
    topLevelComment: commentSchema,
  }),
  replies: z.object({ comments: z.array(commentSchema) }).optional(),
});
export type WireCommentThread = z.infer<typeof commentThreadSchema>;

/**
 * The page envelope. `items` stays `unknown[]` here on purpose: each thread is parsed on its own,
 * so one malformed thread is quarantined while its siblings still arrive.
 */
export const threadPageSchema = z.object({
  kind: z.literal('youtube#commentThreadListResponse'),
  etag: z.string().optional(),
  nextPageToken: z.string().optional(),
  pageInfo: z.object({ totalResults: z.number().int(), resultsPerPage: z.number().int() }).optional(),
  items: z.array(z.unknown()),
});
export type WireThreadPage = z.infer<typeof threadPageSchema>;

export const commentPageSchema = z.object({
  kind: z.literal('youtube#commentListResponse'),
  nextPageToken: z.string().optional(),
  items: z.array(z.unknown()),
});

/** Google's error envelope; `errors[].reason` is what the classification keys on. */
export const googleErrorSchema = z.object({
  error: z.object({
    code: z.number().int(),
    message: z.string(),
    status: z.string().optional(),
    errors: z
      .array(
        z.object({
          reason: z.string(),
          domain: z.string().optional(),
          message: z.string().optional(),
          location: z.string().optional(),
          locationType: z.string().optional(),
        }),
      )
      .optional(),
  }),
});
export type GoogleError = z.infer<typeof googleErrorSchema>;

/** oauth2.googleapis.com/token success (refresh grant; Google does not rotate refresh tokens). */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  token_type: z.string(),
  scope: z.string().optional(),
  refresh_token: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** oauth2.googleapis.com/token failure: `{error:"invalid_grant", error_description}`. */
export const tokenErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});
