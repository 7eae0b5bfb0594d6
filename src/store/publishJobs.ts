// Publishing jobs (migration 0012): queueing a publish moves the post to 'publishing' and writes
// its job in one transaction; the publisher claims a due job ('sending'), saves the platform's
// container ids as it makes them, and finishes the job and the post together (published with the
// permalink, or failed with the reason). A job found 'sending' at the start of a run was cut off by
// a crash; it goes back to 'pending' with its progress, which tells the connector what to read first.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { canMovePost, type PostState } from '../core/postValidationStates.ts';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export interface PublishJob {
  readonly id: string;
  readonly postId: string;
  readonly target: string;
  readonly accountId: string | null;
  readonly idempotencyKey: string;
  readonly state: 'pending' | 'sending' | 'done' | 'failed';
  readonly progress: unknown;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly permalink: string | null;
  readonly failure: string | null;
}

interface JobRow {
  id: string;
  post_id: string;
  target: string;
  account_id: string | null;
  idempotency_key: string;
  state: PublishJob['state'];
  progress: string;
  attempts: number;
  next_attempt_at: string | null;
  permalink: string | null;
  failure: string | null;
}

const toJob = (r: JobRow): PublishJob => ({
  id: r.id,
  postId: r.post_id,
  target: r.target,
  accountId: r.account_id,
  idempotencyKey: r.idempotency_key,
  state: r.state,
  progress: JSON.parse(r.progress) as unknown,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  permalink: r.permalink,
  failure: r.failure,
});

export class PublishRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PublishRefusedError';
  }
}

function setPostState(db: Database, postId: string, to: PostState, fields: { permalink?: string | null; failure?: string | null }, clock: Clock): PostState {
  const from = prepared(db, 'SELECT state FROM posts WHERE id = ?').pluck().get(postId) as PostState | undefined;
  if (!from) throw new PublishRefusedError(`There is no post with id ${postId}.`);
  if (!canMovePost(from, to)) throw new PublishRefusedError(`A ${from} post cannot move to ${to}.`);
  prepared(db, 'UPDATE posts SET state = @to, permalink = COALESCE(@permalink, permalink), failure = @failure, updated_at = @at WHERE id = @id').run({
    id: postId,
    to,
    permalink: fields.permalink ?? null,
    failure: fields.failure ?? null,
    at: isoNow(clock),
  });
  return from;
}

/**
 * Moves a valid (or failed, for a retry; scheduled at its time; missed, when a person says publish now) post to 'publishing' and writes one job per target. The
 * key names the post, its revision and the attempt, so a retried post is a distinct publish.
 */
export function queuePublish(db: Database, postId: string, accountFor: (target: string) => string | null, who: Actor, clock: Clock): PublishJob[] {
  return db.transaction(() => {
    const post = prepared(db, 'SELECT state, revision, targets FROM posts WHERE id = ?').get(postId) as { state: PostState; revision: number; targets: string } | undefined;
    if (!post) throw new PublishRefusedError(`There is no post with id ${postId}.`);
    if (post.state !== 'valid' && post.state !== 'failed' && post.state !== 'scheduled' && post.state !== 'missed') throw new PublishRefusedError(`Only a valid post can be published; this one is ${post.state}.`);
    const from = setPostState(db, postId, 'publishing', { failure: null }, clock);
    const attempt = (prepared(db, 'SELECT COUNT(*) FROM publish_jobs WHERE post_id = ?').pluck().get(postId) as number) + 1;
    const at = isoNow(clock);
    const ids: string[] = [];
    for (const target of JSON.parse(post.targets) as string[]) {
      const id = newId();
      const key = createHash('sha256').update(JSON.stringify([postId, post.revision, target, attempt])).digest('hex');
      prepared(db, `INSERT INTO publish_jobs (id, post_id, target, account_id, idempotency_key, state, progress, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', '{}', ?, ?)`).run(id, postId, target, accountFor(target), key, at, at);
      ids.push(id);
    }
    appendAudit(db, { ...who, action: 'post.publish', subject: postId, details: { from, revision: post.revision, jobs: ids } }, clock);
    return ids.map((id) => getPublishJob(db, id) as PublishJob);
  })();
}

export function getPublishJob(db: Database, id: string): PublishJob | null {
  const row = prepared(db, 'SELECT * FROM publish_jobs WHERE id = ?').get(id) as JobRow | undefined;
  return row ? toJob(row) : null;
}

export function listPublishJobs(db: Database, postId: string): PublishJob[] {
  return (prepared(db, 'SELECT * FROM publish_jobs WHERE post_id = ? ORDER BY created_at, id').all(postId) as JobRow[]).map(toJob);
}

/** Jobs a crash left in 'sending' go back to 'pending' (their progress says what to read first). */
export function recoverInterruptedPublishes(db: Database): number {
  return prepared(db, "UPDATE publish_jobs SET state = 'pending' WHERE state = 'sending'").run().changes;
}

export function duePublishJobs(db: Database, clock: Clock): PublishJob[] {
  const rows = prepared(db, "SELECT * FROM publish_jobs WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY created_at, id").all(isoNow(clock)) as JobRow[];
  return rows.map(toJob);
}

export const openPublishJobCount = (db: Database): number => prepared(db, "SELECT COUNT(*) FROM publish_jobs WHERE state IN ('pending', 'sending')").pluck().get() as number;

export function claimPublishJob(db: Database, id: string, clock: Clock): boolean {
  return prepared(db, "UPDATE publish_jobs SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'pending'").run(isoNow(clock), id).changes === 1;
}

export function savePublishProgress(db: Database, id: string, progress: unknown, clock: Clock): void {
  prepared(db, 'UPDATE publish_jobs SET progress = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(progress), isoNow(clock), id);
}

/** Back to pending until `at` (a throttle, a dropped connection, images still processing). */
export function deferPublishJob(db: Database, id: string, at: string, reason: string, clock: Clock): void {
  prepared(db, "UPDATE publish_jobs SET state = 'pending', next_attempt_at = ?, failure = ?, updated_at = ? WHERE id = ?").run(at, reason, isoNow(clock), id);
}

/** The job and the post end together: published with the permalink, or failed with the reason. */
export function finishPublishJob(db: Database, job: PublishJob, result: { ok: true; remoteId: string; permalink: string | null } | { ok: false; reason: string }, who: Actor, clock: Clock): void {
  db.transaction(() => {
    const at = isoNow(clock);
    if (result.ok) {
      prepared(db, "UPDATE publish_jobs SET state = 'done', remote_id = ?, permalink = ?, failure = NULL, updated_at = ? WHERE id = ?").run(result.remoteId, result.permalink, at, job.id);
    } else {
      prepared(db, "UPDATE publish_jobs SET state = 'failed', failure = ?, updated_at = ? WHERE id = ?").run(result.reason, at, job.id);
    }
    const open = prepared(db, "SELECT COUNT(*) FROM publish_jobs WHERE post_id = ? AND state IN ('pending', 'sending')").pluck().get(job.postId) as number;
    // The jobs queued together (one per target) decide the post's state when the last one ends.
    const failed = prepared(db, "SELECT failure FROM publish_jobs WHERE post_id = ? AND state = 'failed' AND created_at = (SELECT created_at FROM publish_jobs WHERE id = ?) ORDER BY updated_at DESC LIMIT 1").pluck().get(job.postId, job.id) as string | undefined;
    if (open === 0) {
      const to: PostState = failed === undefined ? 'published' : 'failed';
      setPostState(db, job.postId, to, to === 'published' ? { permalink: result.ok ? result.permalink : null } : { failure: failed ?? null }, clock);
      appendAudit(db, { ...who, action: `post.${to}`, subject: job.postId, details: { job: job.id, target: job.target, ...(result.ok ? { remoteId: result.remoteId, permalink: result.permalink } : { reason: result.reason }) } }, clock);
    }
  })();
}

export function cachedProductId(db: Database, accountId: string, retailerId: string): string | null {
  return (prepared(db, "SELECT product_id FROM platform_product_ids WHERE account_id = ? AND retailer_id = ? AND review_status = 'approved'").pluck().get(accountId, retailerId) as string | undefined) ?? null;
}

export function cacheProductIds(db: Database, accountId: string, products: readonly { retailerId: string; productId: string; reviewStatus: string | null }[], clock: Clock): void {
  const at = isoNow(clock);
  const upsert = prepared(db, 'INSERT INTO platform_product_ids (account_id, retailer_id, product_id, review_status, fetched_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, retailer_id) DO UPDATE SET product_id = excluded.product_id, review_status = excluded.review_status, fetched_at = excluded.fetched_at');
  db.transaction(() => products.forEach((p) => upsert.run(accountId, p.retailerId, p.productId, p.reviewStatus, at)))();
}
