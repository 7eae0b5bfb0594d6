// How the Discourse simulator renders the review queue: REST-serializer style, reviewables with
// side-loaded users, topics, categories and scores (PLATFORMS.md §3.2).
import { CATEGORIES, type DiscourseWorld, type SimReviewable } from './simState.ts';
import { SCORE_TYPES } from './wire.ts';

const STATUS_TEXT = ['pending', 'approved', 'rejected', 'ignored', 'deleted'] as const;

export function reviewableJson(world: DiscourseWorld, reviewable: SimReviewable): Record<string, unknown> {
  const post = reviewable.postId === null ? undefined : world.posts.get(reviewable.postId);
  const topic = reviewable.topicId === null ? undefined : world.topics.get(reviewable.topicId);
  const base: Record<string, unknown> = {
    id: reviewable.id,
    type: reviewable.type,
    type_source: 'core',
    status: reviewable.status,
    version: reviewable.version,
    created_at: reviewable.createdAt,
    topic_id: reviewable.topicId,
    topic_url: topic ? `/t/${topic.slug}/${topic.id}` : null,
    category_id: reviewable.categoryId,
    can_edit: false,
    score: reviewable.scoreIds.length * 3,
    created_by_id: reviewable.createdById,
    reviewable_score_ids: reviewable.scoreIds,
    bundled_action_ids: reviewable.type === 'ReviewableFlaggedPost' ? ['agree', 'disagree', 'ignore'] : ['approve_post', 'reject_post'],
  };
  if (post && topic) {
    return {
      ...base,
      target_type: 'Post',
      target_id: post.id,
      target_url: `/t/${topic.slug}/${topic.id}/${post.postNumber}`,
      target_created_at: post.createdAt,
      target_deleted_at: post.deletedAt,
      target_created_by_id: post.userId,
      post_number: post.postNumber,
      raw: post.raw,
      cooked: `<p>${post.raw.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
      hidden: post.hidden,
    };
  }
  return { ...base, target_type: null, target_id: null, target_url: null, target_created_by_id: null, payload: reviewable.payload };
}

/** The side-loads for a set of reviewables. */
export function sideLoadJson(world: DiscourseWorld, reviewables: readonly SimReviewable[]) {
  const userIds = new Set<number>();
  const topicIds = new Set<number>();
  const scores: Record<string, unknown>[] = [];
  for (const reviewable of reviewables) {
    userIds.add(reviewable.createdById);
    const post = reviewable.postId === null ? undefined : world.posts.get(reviewable.postId);
    if (post) userIds.add(post.userId);
    if (reviewable.topicId !== null) topicIds.add(reviewable.topicId);
    for (const id of reviewable.scoreIds) {
      const score = world.scores.get(id);
      if (!score) continue;
      userIds.add(score.userId);
      scores.push({ id: score.id, score: 3, agree_stats: {}, reviewable_score_type: score.type, type_title: SCORE_TYPES[score.type] ?? 'flag', status: score.status, reason: score.reason, created_at: score.createdAt, user_id: score.userId });
    }
  }
  const users = [...userIds].map((id) => world.users.get(id) ?? (id === -1 ? { id: -1, username: 'system' } : undefined)).filter((user) => user !== undefined);
  return {
    users: users.map((user) => ({ id: user.id, username: user.username, name: null, avatar_template: `/letter_avatar_proxy/v4/letter/${user.username.slice(0, 1).toLowerCase()}/{size}.png`, trust_level: 1 })),
    topics: [...topicIds].map((id) => world.topics.get(id)).filter((topic) => topic !== undefined).map((topic) => ({ id: topic.id, title: topic.title, slug: topic.slug, fancy_title: topic.title })),
    categories: CATEGORIES.map((category) => ({ ...category })),
    reviewable_scores: scores,
  };
}

export const statusText = (status: number): string => STATUS_TEXT[status] ?? 'unknown';
