// Repository for what reviewers do with posts under audit: immutable snapshots of a post's content
// (what a report cites), verdicts with a reason, and remediation requests with their status. Every
// snapshot, verdict and status change is in the hash-chained audit log with who and when, and a
// snapshot's hash is written there too, so a snapshot changed behind the triggers' back shows up
// in verifySnapshots() even when its own hash column was rewritten to match.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { ComplianceNotFoundError, getCreator } from './complianceAudits.ts';
import { auditOfPost, latestVersion, sha256Of } from './compliancePosts.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export interface Snapshot {
  readonly id: string;
  readonly postId: string;
  readonly contentSha256: string;
  readonly content: string;
  readonly capturedAt: string;
  readonly capturedBy: string;
  readonly sha256: string;
  readonly hasThumbnail: boolean;
  /** The media thumbnail (small JPEG) captured with the snapshot, and its SHA-256 (part of `sha256`). */
  readonly thumbnail: Buffer | null;
  readonly thumbnailSha256: string | null;
}

/** SHA-256 of a thumbnail's bytes as stored. */
export const thumbnailSha256Of = (thumbnail: Buffer): string => createHash('sha256').update(thumbnail).digest('hex');

const snapshotHash = (contentSha256: string, thumbnail: Buffer | null, capturedAt: string): string =>
  sha256Of(JSON.stringify([contentSha256, thumbnail === null ? null : thumbnailSha256Of(thumbnail), capturedAt]));

const SNAPSHOT_COLUMNS = 'id, post_id AS postId, content_sha256 AS contentSha256, content, captured_at AS capturedAt, captured_by AS capturedBy, sha256, thumbnail IS NOT NULL AS hasThumbnail, thumbnail';

interface SnapshotRow extends Omit<Snapshot, 'hasThumbnail' | 'thumbnailSha256'> {
  hasThumbnail: number;
}
const toSnapshot = (r: SnapshotRow): Snapshot => ({ ...r, hasThumbnail: r.hasThumbnail === 1, thumbnailSha256: r.thumbnail === null ? null : thumbnailSha256Of(r.thumbnail) });

/** The latest snapshot of the post's current content, capturing one when there is none (`created`). */
export function ensureSnapshot(db: Database, postId: string, who: Actor, clock: Clock, thumbnail: Buffer | null = null, thumbnailProblem: string | null = null): { snapshot: Snapshot; created: boolean } {
  return db.transaction(() => {
    const version = latestVersion(db, postId);
    if (!version) throw new ComplianceNotFoundError(`There is no post under audit with id ${postId}.`);
    const existing = prepared(db, `SELECT ${SNAPSHOT_COLUMNS} FROM compliance_snapshots WHERE post_id = ? AND content_sha256 = ? ORDER BY captured_at DESC, id DESC LIMIT 1`).get(postId, version.sha256) as SnapshotRow | undefined;
    if (existing) return { snapshot: toSnapshot(existing), created: false };
    const capturedAt = isoNow(clock);
    const snapshot: Snapshot = { id: newId(), postId, contentSha256: version.sha256, content: version.content, capturedAt, capturedBy: who.actor, sha256: snapshotHash(version.sha256, thumbnail, capturedAt), hasThumbnail: thumbnail !== null, thumbnail, thumbnailSha256: thumbnail === null ? null : thumbnailSha256Of(thumbnail) };
    prepared(db, 'INSERT INTO compliance_snapshots (id, post_id, content_sha256, content, thumbnail, captured_at, captured_by, device_id, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(snapshot.id, postId, snapshot.contentSha256, snapshot.content, thumbnail, capturedAt, who.actor, who.deviceId, snapshot.sha256);
    appendAudit(db, { ...who, action: 'compliance.snapshot', subject: postId, details: { snapshotId: snapshot.id, sha256: snapshot.sha256, contentSha256: snapshot.contentSha256, thumbnailSha256: snapshot.thumbnailSha256, ...(thumbnail === null && thumbnailProblem !== null ? { thumbnailProblem } : {}) } }, clock);
    return { snapshot, created: true };
  })();
}

export function snapshotsOfPost(db: Database, postId: string): Snapshot[] {
  return (prepared(db, `SELECT ${SNAPSHOT_COLUMNS} FROM compliance_snapshots WHERE post_id = ? ORDER BY captured_at, id`).all(postId) as SnapshotRow[]).map(toSnapshot);
}

export interface SnapshotProblem {
  readonly snapshotId: string;
  readonly postId: string;
  readonly problem: string;
}

/** Recomputes every snapshot's hashes and compares them with the row and with the audit log entry. */
export function verifySnapshots(db: Database, auditId?: string): { checked: number; problems: SnapshotProblem[] } {
  const rows = prepared(
    db,
    `SELECT s.id, s.post_id AS postId, s.content_sha256 AS contentSha256, s.content, s.thumbnail, s.captured_at AS capturedAt, s.sha256,
            (SELECT json_extract(a.details, '$.sha256') FROM audit_log a WHERE a.action = 'compliance.snapshot' AND json_extract(a.details, '$.snapshotId') = s.id) AS loggedSha256
     FROM compliance_snapshots s JOIN compliance_posts p ON p.id = s.post_id JOIN compliance_creators c ON c.id = p.creator_id
     WHERE @auditId IS NULL OR c.audit_id = @auditId ORDER BY s.captured_at, s.id`,
  ).all({ auditId: auditId ?? null }) as { id: string; postId: string; contentSha256: string; content: string; thumbnail: Buffer | null; capturedAt: string; sha256: string; loggedSha256: string | null }[];
  const problems: SnapshotProblem[] = [];
  for (const r of rows) {
    const bad = (problem: string) => problems.push({ snapshotId: r.id, postId: r.postId, problem });
    if (sha256Of(r.content) !== r.contentSha256) bad(`snapshot ${r.id}: its content does not match its content hash ${r.contentSha256.slice(0, 12)}… (changed after capture)`);
    else if (snapshotHash(r.contentSha256, r.thumbnail, r.capturedAt) !== r.sha256) bad(`snapshot ${r.id}: its hash does not match its content, thumbnail and capture time (changed after capture)`);
    if (r.loggedSha256 === null) bad(`snapshot ${r.id}: the audit log has no entry for it`);
    else if (r.loggedSha256 !== r.sha256) bad(`snapshot ${r.id}: its hash differs from the one the audit log recorded at capture (${r.loggedSha256.slice(0, 12)}…)`);
  }
  return { checked: rows.length, problems };
}

export type VerdictValue = 'compliant' | 'needs_review' | 'non_compliant';

export interface ReviewerVerdict {
  readonly id: string;
  readonly postId: string;
  readonly scanId: string | null;
  readonly snapshotId: string;
  readonly snapshotSha256: string;
  readonly verdict: VerdictValue;
  readonly reason: string;
  readonly actor: string;
  readonly createdAt: string;
}

/** A reviewer's verdict: snapshots the post as it stands, then records the verdict against it. */
export function recordVerdict(db: Database, input: { postId: string; verdict: VerdictValue; reason: string }, who: Actor, clock: Clock, thumbnail: { jpeg: Buffer | null; problem: string | null } | null = null): ReviewerVerdict {
  return db.transaction(() => {
    const { snapshot } = ensureSnapshot(db, input.postId, who, clock, thumbnail?.jpeg ?? null, thumbnail?.problem ?? null);
    const scanId = (prepared(db, 'SELECT id FROM compliance_scans WHERE post_id = ? AND sha256 = ? ORDER BY scanned_at DESC, id DESC LIMIT 1').pluck().get(input.postId, snapshot.contentSha256) as string | undefined) ?? null;
    const verdict: ReviewerVerdict = { id: newId(), postId: input.postId, scanId, snapshotId: snapshot.id, snapshotSha256: snapshot.sha256, verdict: input.verdict, reason: input.reason, actor: who.actor, createdAt: isoNow(clock) };
    prepared(db, 'INSERT INTO compliance_verdicts (id, post_id, scan_id, snapshot_id, verdict, reason, actor, device_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(verdict.id, verdict.postId, scanId, snapshot.id, verdict.verdict, verdict.reason, who.actor, who.deviceId, verdict.createdAt);
    appendAudit(db, { ...who, action: 'compliance.verdict', subject: input.postId, details: { verdictId: verdict.id, verdict: verdict.verdict, reason: verdict.reason, snapshotId: snapshot.id, snapshotSha256: snapshot.sha256 } }, clock);
    return verdict;
  })();
}

export function latestVerdict(db: Database, postId: string): ReviewerVerdict | null {
  return (
    (prepared(
      db,
      `SELECT v.id, v.post_id AS postId, v.scan_id AS scanId, v.snapshot_id AS snapshotId, s.sha256 AS snapshotSha256, v.verdict, v.reason, v.actor, v.created_at AS createdAt
       FROM compliance_verdicts v JOIN compliance_snapshots s ON s.id = v.snapshot_id WHERE v.post_id = ? ORDER BY v.created_at DESC, v.id DESC LIMIT 1`,
    ).get(postId) as ReviewerVerdict | undefined) ?? null
  );
}

export const REMEDIATION_STATUSES = ['open', 'sent', 'fixed', 'disputed', 'overdue', 'closed'] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];

export interface Remediation {
  readonly id: string;
  readonly auditId: string;
  readonly creatorId: string;
  readonly postId: string | null;
  readonly what: string;
  readonly dueBy: string;
  readonly status: RemediationStatus;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
}

const REMEDIATION_COLUMNS = 'id, audit_id AS auditId, creator_id AS creatorId, post_id AS postId, what, due_by AS dueBy, status, created_at AS createdAt, created_by AS createdBy, updated_at AS updatedAt';

export function requestRemediation(db: Database, input: { creatorId: string; postId?: string | null; what: string; dueBy: string }, who: Actor, clock: Clock): Remediation {
  return db.transaction(() => {
    const creator = getCreator(db, input.creatorId);
    if (input.postId && auditOfPost(db, input.postId) !== creator.auditId) throw new ComplianceNotFoundError(`Post ${input.postId} is not under the audit of @${creator.handle}.`);
    const now = isoNow(clock);
    const r: Remediation = { id: newId(), auditId: creator.auditId, creatorId: creator.id, postId: input.postId ?? null, what: input.what, dueBy: input.dueBy, status: 'open', createdAt: now, createdBy: who.actor, updatedAt: now };
    prepared(db, 'INSERT INTO compliance_remediations (id, audit_id, creator_id, post_id, what, due_by, status, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(r.id, r.auditId, r.creatorId, r.postId, r.what, r.dueBy, r.status, now, who.actor, now);
    appendAudit(db, { ...who, action: 'compliance.remediation.request', subject: r.id, details: { creatorId: r.creatorId, postId: r.postId, what: r.what, dueBy: r.dueBy } }, clock);
    return r;
  })();
}

export function setRemediationStatus(db: Database, id: string, status: RemediationStatus, note: string | null, who: Actor, clock: Clock): Remediation {
  return db.transaction(() => {
    const before = prepared(db, `SELECT ${REMEDIATION_COLUMNS} FROM compliance_remediations WHERE id = ?`).get(id) as Remediation | undefined;
    if (!before) throw new ComplianceNotFoundError(`There is no remediation request with id ${id}.`);
    const now = isoNow(clock);
    prepared(db, 'UPDATE compliance_remediations SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
    appendAudit(db, { ...who, action: 'compliance.remediation.status', subject: id, details: { from: before.status, to: status, note } }, clock);
    return { ...before, status, updatedAt: now };
  })();
}

export function remediationsOfAudit(db: Database, auditId: string): Remediation[] {
  return prepared(db, `SELECT ${REMEDIATION_COLUMNS} FROM compliance_remediations WHERE audit_id = ? ORDER BY created_at, id`).all(auditId) as Remediation[];
}

/** Whether a snapshot of this exact content version exists (a new one would need a thumbnail first). */
export function hasSnapshotOf(db: Database, postId: string, contentSha256: string): boolean {
  return prepared(db, 'SELECT 1 FROM compliance_snapshots WHERE post_id = ? AND content_sha256 = ? LIMIT 1').get(postId, contentSha256) !== undefined;
}
