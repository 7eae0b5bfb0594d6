// The Discourse simulator's data: categories, users, topics and posts seeded from real forum text
// (tweets standing in for forum posts), and the review queue built on them: flagged posts with
// user and system flags, and queued posts awaiting approval. Transitions follow
// reviewable_flagged_post.rb / reviewable_queued_post.rb; every transition bumps the version.
import type { Rng } from '../sim/rng.ts';
import type { SeedRow } from '../sim/seed.ts';
import { REVIEWABLE_STATUS, SYSTEM_USER_ID, type ReviewableStatusName } from './wire.ts';

export const SIM_ADMIN = { id: 1, username: 'stoa_sim_admin' } as const;
export const CATEGORIES = [
  { id: 1, name: 'General', slug: 'general' },
  { id: 2, name: 'Product Help', slug: 'product-help' },
  { id: 3, name: 'Marketplace', slug: 'marketplace' },
] as const;

export interface SimUser { readonly id: number; readonly username: string; suspendedTill: string | null; suspendReason: string | null }
export interface SimTopic { readonly id: number; readonly title: string; readonly slug: string; readonly categoryId: number }
export interface SimPost { readonly id: number; readonly topicId: number; readonly postNumber: number; readonly userId: number; readonly raw: string; readonly createdAt: string; hidden: boolean; deletedAt: string | null }
export interface SimScore { readonly id: number; readonly type: number; status: number; readonly userId: number; readonly reason: string | null; readonly createdAt: string }
export interface SimReviewable {
  readonly id: number;
  readonly type: 'ReviewableFlaggedPost' | 'ReviewableQueuedPost';
  status: number;
  version: number;
  readonly topicId: number | null;
  readonly categoryId: number;
  readonly postId: number | null;
  readonly createdById: number;
  readonly createdAt: string;
  readonly scoreIds: number[];
  readonly payload: { raw: string; title?: string } | null;
}

/** Flag types users pick (PostActionType ids), weighted toward the common ones. */
const FLAG_TYPES = [8, 8, 4, 4, 4, 3, 7] as const;
/** Per type: action id → resulting status, and what it does to the post. */
export const TRANSITIONS: Readonly<Record<SimReviewable['type'], Readonly<Record<string, { status: ReviewableStatusName; post?: 'hide' | 'delete' | 'restore' }>>>> = {
  ReviewableFlaggedPost: {
    agree_and_hide: { status: 'approved', post: 'hide' },
    agree_and_keep: { status: 'approved' },
    delete_and_agree: { status: 'approved', post: 'delete' },
    disagree: { status: 'rejected', post: 'restore' },
    disagree_and_restore: { status: 'rejected', post: 'restore' },
    ignore: { status: 'ignored' },
    ignore_and_do_nothing: { status: 'ignored' },
    delete_and_ignore: { status: 'ignored', post: 'delete' },
  },
  ReviewableQueuedPost: {
    approve_post: { status: 'approved' },
    reject_post: { status: 'rejected' },
    delete_user: { status: 'deleted' },
  },
};

export class DiscourseWorld {
  readonly users = new Map<number, SimUser>([[SIM_ADMIN.id, { ...SIM_ADMIN, suspendedTill: null, suspendReason: null }]]);
  readonly topics = new Map<number, SimTopic>();
  readonly posts = new Map<number, SimPost>();
  readonly scores = new Map<number, SimScore>();
  /** Oldest first (created_at, id), the order of sort_order=created_at_asc. */
  readonly reviewables: SimReviewable[] = [];
  readonly #rng: Rng;
  readonly #rows: readonly SeedRow[];
  readonly #byName = new Map<string, number>();
  readonly #byId = new Map<number, SimReviewable>();
  readonly #topicsByCategory = new Map<number, SimTopic[]>();
  readonly #postsInTopic = new Map<number, number>();
  #row = 0;
  #ids = { user: 100, topic: 500, post: 2000, reviewable: 40, score: 900 };

  constructor(rng: Rng, rows: readonly SeedRow[], count: number, nowMs: number) {
    this.#rng = rng;
    this.#rows = rows;
    const start = nowMs - 14 * 86_400_000;
    for (let i = 0; i < count; i += 1) this.#add(new Date(start + Math.floor((i * 14 * 86_400_000) / Math.max(1, count))).toISOString(), true);
  }

  insert(count: number, nowMs: number): string[] {
    return Array.from({ length: count }, () => String(this.#add(new Date(nowMs).toISOString(), false).id));
  }

  #user(name: string): number {
    const known = this.#byName.get(name.toLowerCase());
    if (known !== undefined) return known;
    this.#ids.user += 1;
    this.users.set(this.#ids.user, { id: this.#ids.user, username: name, suspendedTill: null, suspendReason: null });
    this.#byName.set(name.toLowerCase(), this.#ids.user);
    return this.#ids.user;
  }

  #nextRow(): SeedRow {
    const row = this.#rows[(this.#row * 104_729 + 17) % this.#rows.length];
    this.#row += 1;
    if (!row) throw new Error('the Discourse simulator needs seed rows (forum set)');
    return row;
  }

  #add(createdAt: string, randomStatus: boolean): SimReviewable {
    const rng = this.#rng;
    const row = this.#nextRow();
    const authorId = this.#user(row.author);
    const category = rng.pick(CATEGORIES);
    const topics = (this.#topicsByCategory.get(category.id) ?? []).slice(-30);
    const newTopic = topics.length === 0 || rng.chance(0.3);
    const title = (row.text.split(/(?<=[.!?])\s/)[0] ?? row.text).slice(0, 120);
    this.#ids.reviewable += 1;
    const id = this.#ids.reviewable;
    const scoreIds: number[] = [];
    const score = (type: number, userId: number, reason: string | null) => {
      this.#ids.score += 1;
      this.scores.set(this.#ids.score, { id: this.#ids.score, type, status: 0, userId, reason, createdAt });
      scoreIds.push(this.#ids.score);
    };
    let reviewable: SimReviewable;
    if (rng.chance(0.3)) {
      // A post held for approval: it has no post yet, only its payload.
      score(9, SYSTEM_USER_ID, 'new user posting');
      reviewable = { id, type: 'ReviewableQueuedPost', status: 0, version: 0, topicId: newTopic ? null : rng.pick(topics).id, categoryId: category.id, postId: null, createdById: authorId, createdAt, scoreIds, payload: newTopic ? { raw: row.text, title } : { raw: row.text } };
    } else {
      let topic = newTopic ? undefined : rng.pick(topics);
      if (!topic) {
        this.#ids.topic += 1;
        topic = { id: this.#ids.topic, title, slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'topic', categoryId: category.id };
        this.topics.set(topic.id, topic);
        this.#topicsByCategory.set(category.id, [...(this.#topicsByCategory.get(category.id) ?? []).slice(-30), topic]);
      }
      const postNumber = (this.#postsInTopic.get(topic.id) ?? 0) + 1;
      this.#postsInTopic.set(topic.id, postNumber);
      this.#ids.post += 1;
      this.posts.set(this.#ids.post, { id: this.#ids.post, topicId: topic.id, postNumber, userId: authorId, raw: row.text, createdAt, hidden: false, deletedAt: null });
      if (rng.chance(0.15)) score(8, SYSTEM_USER_ID, 'spam filter');
      const flags = rng.int(1, 3);
      for (let i = 0; i < flags; i += 1) score(rng.pick(FLAG_TYPES), this.#user(`member_${rng.int(1000, 9999)}`), null);
      reviewable = { id, type: 'ReviewableFlaggedPost', status: 0, version: 0, topicId: topic.id, categoryId: category.id, postId: this.#ids.post, createdById: scoreIds.length > 0 ? (this.scores.get(scoreIds[0] ?? 0)?.userId ?? SYSTEM_USER_ID) : SYSTEM_USER_ID, createdAt, scoreIds, payload: null };
    }
    if (randomStatus && rng.chance(0.2)) {
      const actions = Object.keys(TRANSITIONS[reviewable.type]);
      this.perform(reviewable, rng.pick(actions), createdAt);
    }
    this.reviewables.push(reviewable);
    this.#byId.set(reviewable.id, reviewable);
    return reviewable;
  }

  find(id: number): SimReviewable | undefined {
    return this.#byId.get(id);
  }

  /** Applies a transition; false when the action is not on offer (type or status). */
  perform(reviewable: SimReviewable, actionId: string, at: string): boolean {
    const transition = TRANSITIONS[reviewable.type][actionId];
    if (!transition || reviewable.status !== REVIEWABLE_STATUS.pending) return false;
    reviewable.status = REVIEWABLE_STATUS[transition.status];
    reviewable.version += 1;
    const scoreStatus = transition.status === 'approved' ? 1 : transition.status === 'rejected' ? 2 : 3;
    for (const id of reviewable.scoreIds) {
      const score = this.scores.get(id);
      if (score) score.status = scoreStatus;
    }
    const post = reviewable.postId === null ? undefined : this.posts.get(reviewable.postId);
    if (post && transition.post === 'hide') post.hidden = true;
    if (post && transition.post === 'restore') post.hidden = false;
    if (post && transition.post === 'delete') post.deletedAt = at;
    return true;
  }

  count(status: ReviewableStatusName): number {
    return this.reviewables.filter((reviewable) => reviewable.status === REVIEWABLE_STATUS[status]).length;
  }
}
