// A post's schedule (posts.scheduled_at and the 'scheduled' / 'missed' states from migration 0013):
// set, cleared and settled here, each change audited in its own transaction. Every move checks the
// post's current state and, where it matters, the time it was scheduled for, so a scheduler that
// acted on an old reading (another process rescheduled it meanwhile) changes nothing.
import type { Database } from 'better-sqlite3';
import { canMovePost, type PostState } from '../core/postValidationStates.ts';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { prepared } from './statements.ts';

export class ScheduleRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleRefusedError';
  }
}

export interface ScheduledPostRow {
  readonly id: string;
  readonly scheduledAt: string;
}

function currentOf(db: Database, id: string): { state: PostState; scheduledAt: string | null } {
  const row = prepared(db, 'SELECT state, scheduled_at AS scheduledAt FROM posts WHERE id = ?').get(id) as { state: PostState; scheduledAt: string | null } | undefined;
  if (!row) throw new ScheduleRefusedError(`There is no post with id ${id}.`);
  return row;
}

function move(db: Database, id: string, from: PostState, to: PostState, scheduledAt: string | null, failure: string | null, clock: Clock): void {
  if (!canMovePost(from, to)) throw new ScheduleRefusedError(`A ${from} post cannot become ${to}.`);
  prepared(db, 'UPDATE posts SET state = @to, scheduled_at = @scheduledAt, failure = @failure, updated_at = @at WHERE id = @id').run({ id, to, scheduledAt, failure, at: isoNow(clock) });
}

/** Schedules (or reschedules) a valid, scheduled, failed or missed post at `at` (ISO, UTC). */
export function setPostSchedule(db: Database, id: string, at: string, who: Actor, clock: Clock): void {
  db.transaction(() => {
    const current = currentOf(db, id);
    move(db, id, current.state, 'scheduled', at, null, clock);
    appendAudit(db, { ...who, action: 'post.schedule', subject: id, details: { from: current.state, at, previous: current.scheduledAt } }, clock);
  })();
}

/** Takes a scheduled or missed post off the schedule: back to `to` (valid when it passes its checks, else draft). */
export function clearPostSchedule(db: Database, id: string, to: 'valid' | 'draft', who: Actor, clock: Clock): void {
  db.transaction(() => {
    const current = currentOf(db, id);
    if (current.state !== 'scheduled' && current.state !== 'missed') throw new ScheduleRefusedError(`Post ${id} is ${current.state}, not scheduled.`);
    move(db, id, current.state, to, null, null, clock);
    appendAudit(db, { ...who, action: 'post.unschedule', subject: id, details: { from: current.state, to, at: current.scheduledAt } }, clock);
  })();
}

/**
 * A scheduled post whose time was not met while the app ran: it waits for a person. Returns false
 * (and changes nothing) when the post is no longer scheduled for `at`.
 */
export function markScheduleMissed(db: Database, id: string, at: string, who: Actor, clock: Clock): boolean {
  return db.transaction(() => {
    const current = currentOf(db, id);
    if (current.state !== 'scheduled' || current.scheduledAt !== at) return false;
    move(db, id, 'scheduled', 'missed', at, null, clock);
    appendAudit(db, { ...who, action: 'post.missed', subject: id, details: { at, noticedAt: isoNow(clock) } }, clock);
    return true;
  })();
}

/** A scheduled post that no longer passes its checks at its time: failed, with the reason. */
export function failScheduledPost(db: Database, id: string, at: string, reason: string, who: Actor, clock: Clock): boolean {
  return db.transaction(() => {
    const current = currentOf(db, id);
    if (current.state !== 'scheduled' || current.scheduledAt !== at) return false;
    move(db, id, 'scheduled', 'failed', at, reason, clock);
    appendAudit(db, { ...who, action: 'post.failed', subject: id, details: { at, reason, scheduled: true } }, clock);
    return true;
  })();
}

/** Whether the post is still scheduled for exactly `at` (read inside the queueing transaction). */
export const isScheduledFor = (db: Database, id: string, at: string): boolean => {
  const current = prepared(db, 'SELECT state, scheduled_at AS scheduledAt FROM posts WHERE id = ?').get(id) as { state: PostState; scheduledAt: string | null } | undefined;
  return current?.state === 'scheduled' && current.scheduledAt === at;
};

/** Scheduled posts due at or before `untilIso`, earliest first. */
export function dueScheduledPosts(db: Database, untilIso: string): ScheduledPostRow[] {
  return prepared(db, "SELECT id, scheduled_at AS scheduledAt FROM posts WHERE state = 'scheduled' AND scheduled_at IS NOT NULL AND scheduled_at <= ? ORDER BY scheduled_at, id").all(untilIso) as ScheduledPostRow[];
}

/** The earliest scheduled time still ahead of the scheduler (null when nothing is scheduled). */
export const nextScheduledAt = (db: Database): string | null =>
  (prepared(db, "SELECT MIN(scheduled_at) FROM posts WHERE state = 'scheduled' AND scheduled_at IS NOT NULL").pluck().get() as string | null | undefined) ?? null;
