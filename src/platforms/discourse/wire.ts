// Discourse wire shapes for the review queue (PLATFORMS.md §3.2; from reviewables_controller.rb and
// ReviewableSerializer, REST-serializer style with side-loaded users/topics/scores) and the admin
// user endpoints of the saved OpenAPI. The side-load keys are [K] in the notes, so the mapper is
// lenient about them (a missing user gives a null author, not a rejected item) and strict about
// what identifies and versions a reviewable.
import { z } from 'zod';

/** Reviewable.statuses: pending 0, approved 1, rejected 2, ignored 3, deleted 4. */
export const REVIEWABLE_STATUS = { pending: 0, approved: 1, rejected: 2, ignored: 3, deleted: 4 } as const;
export type ReviewableStatusName = keyof typeof REVIEWABLE_STATUS;
export const STATUS_NAMES = Object.keys(REVIEWABLE_STATUS) as ReviewableStatusName[];

/** PostActionType / ReviewableScore types. */
export const SCORE_TYPES: Readonly<Record<number, string>> = { 3: 'off_topic', 4: 'inappropriate', 6: 'notify_user', 7: 'notify_moderators', 8: 'spam', 9: 'needs_approval', 10: 'illegal' };
export const SYSTEM_USER_ID = -1;

export const reviewableSchema = z.object({
  id: z.number().int(),
  type: z.string().min(1),
  status: z.number().int().min(0).max(4),
  version: z.number().int().min(0),
  created_at: z.string().min(1),
  topic_id: z.number().int().nullable().optional(),
  category_id: z.number().int().nullable().optional(),
  target_type: z.string().nullable().optional(),
  target_id: z.number().int().nullable().optional(),
  target_url: z.string().nullable().optional(),
  target_created_at: z.string().nullable().optional(),
  target_deleted_at: z.string().nullable().optional(),
  created_by_id: z.number().int().nullable().optional(),
  target_created_by_id: z.number().int().nullable().optional(),
  reviewable_score_ids: z.array(z.number().int()).optional(),
  post_number: z.number().int().optional(),
  raw: z.string().optional(),
  payload: z.object({ raw: z.string().optional(), title: z.string().optional() }).loose().nullable().optional(),
});
export type Reviewable = z.infer<typeof reviewableSchema>;

export const userSchema = z.object({ id: z.number().int(), username: z.string() }).loose();
export const topicSchema = z.object({ id: z.number().int(), title: z.string() }).loose();
export const categorySchema = z.object({ id: z.number().int(), name: z.string() }).loose();
export const scoreSchema = z
  .object({ id: z.number().int(), reviewable_score_type: z.number().int(), status: z.number().int(), user_id: z.number().int().nullable().optional(), reason: z.string().nullable().optional() })
  .loose();

/** Side-loads are validated entry by entry; a bad entry is dropped, not fatal. */
export const listSchema = z.object({
  reviewables: z.array(z.unknown()),
  users: z.array(z.unknown()).optional(),
  topics: z.array(z.unknown()).optional(),
  categories: z.array(z.unknown()).optional(),
  reviewable_scores: z.array(z.unknown()).optional(),
  meta: z.object({ total_rows_reviewables: z.number().int().optional(), load_more_reviewables: z.string().optional() }).loose().optional(),
});
export type ReviewList = z.infer<typeof listSchema>;

/** GET /review/{id}.json: the same side-loads around a single `reviewable`. */
export const showSchema = listSchema.omit({ reviewables: true, meta: true }).extend({ reviewable: z.unknown() });

export const performResultSchema = z.object({
  reviewable_perform_result: z.object({ success: z.boolean(), version: z.number().int().optional(), transition_to: z.string().optional() }).loose(),
});

/** Error bodies: {"errors": [...], "error_type": "invalid_access", "extras": {"wait_seconds": N}}. */
export const errorSchema = z.object({
  errors: z.array(z.string()).optional(),
  error_type: z.string().optional(),
  extras: z.object({ wait_seconds: z.number().optional() }).loose().nullable().optional(),
});

/** GET /admin/users/{id}.json (OpenAPI): only the suspension fields matter here. */
export const adminUserSchema = z.object({ id: z.number().int(), username: z.string(), suspended_till: z.string().nullable().optional() }).loose();
