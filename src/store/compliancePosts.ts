// Repository for posts under audit and their scans. Every version of a post's content is kept,
// keyed by its SHA-256 (computed here from the canonical JSON the caller passes, so the store never
// trusts a hash it did not make); a scan names the version it saw, and a scan that sees a different
// version from the previous scan records the hash it changed from, so an edited or deleted-and-
// reposted caption keeps both versions as evidence.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { getCreator } from './complianceAudits.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export const sha256Of = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface PostVersionInput {
  readonly creatorId: string;
  readonly platform: string;
  readonly remoteId: string;
  readonly permalink: string | null;
  readonly postedAt: string | null;
  /** The post's canonical content JSON, exactly as it was read. */
  readonly contentJson: string;
  readonly seenAt: string;
}

export interface StoredVersion {
  readonly postId: string;
  readonly sha256: string;
  readonly newPost: boolean;
  /** False when this exact content was seen before. */
  readonly newVersion: boolean;
}

/** Stores a post's content as read (the post when new, the version when unseen); call inside a transaction. */
export function upsertPostVersion(db: Database, input: PostVersionInput): StoredVersion {
  getCreator(db, input.creatorId);
  const sha256 = sha256Of(input.contentJson);
  const existing = prepared(db, 'SELECT id FROM compliance_posts WHERE creator_id = ? AND remote_id = ?').pluck().get(input.creatorId, input.remoteId) as string | undefined;
  const postId = existing ?? newId();
  if (existing === undefined) {
    prepared(db, 'INSERT INTO compliance_posts (id, creator_id, platform, remote_id, permalink, posted_at, first_seen_at, latest_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(postId, input.creatorId, input.platform, input.remoteId, input.permalink, input.postedAt, input.seenAt, sha256);
  } else {
    prepared(db, 'UPDATE compliance_posts SET latest_sha256 = ?, permalink = coalesce(?, permalink), posted_at = coalesce(?, posted_at) WHERE id = ?').run(sha256, input.permalink, input.postedAt, postId);
  }
  const inserted = prepared(db, 'INSERT OR IGNORE INTO compliance_post_versions (post_id, sha256, content, first_seen_at) VALUES (?, ?, ?, ?)').run(postId, sha256, input.contentJson, input.seenAt);
  return { postId, sha256, newPost: existing === undefined, newVersion: inserted.changes === 1 };
}

export interface ScanRecordInput {
  readonly postId: string;
  /** The content version the scan judged (it must have been stored with upsertPostVersion). */
  readonly sha256: string;
  readonly scannedAt: string;
  readonly jurisdiction: string;
  readonly profileVersion: string;
  readonly verdict: 'compliant' | 'needs_review' | 'non_compliant';
  readonly ruleId: string;
  readonly disclosurePresent: boolean;
  readonly disclosureAdequate: boolean;
  readonly evidence: unknown;
}

export interface RecordedScan {
  readonly scanId: string;
  /** The hash the previous scan saw when the content changed since; null otherwise. */
  readonly changedFrom: string | null;
}

/** Records one scan of a stored content version; call inside a transaction. */
export function recordScan(db: Database, input: ScanRecordInput): RecordedScan {
  const previous = prepared(db, 'SELECT sha256 FROM compliance_scans WHERE post_id = ? ORDER BY scanned_at DESC, id DESC LIMIT 1').pluck().get(input.postId) as string | undefined;
  const changedFrom = previous !== undefined && previous !== input.sha256 ? previous : null;
  const scanId = newId();
  prepared(
    db,
    `INSERT INTO compliance_scans (id, post_id, sha256, scanned_at, jurisdiction, profile_version, verdict, rule_id, disclosure_present, disclosure_adequate, evidence, changed_from_sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(scanId, input.postId, input.sha256, input.scannedAt, input.jurisdiction, input.profileVersion, input.verdict, input.ruleId, input.disclosurePresent ? 1 : 0, input.disclosureAdequate ? 1 : 0, JSON.stringify(input.evidence), changedFrom);
  return { scanId, changedFrom };
}

export interface PostToScan {
  readonly postId: string;
  readonly creatorId: string;
  readonly sha256: string;
  readonly content: string;
}

/** The latest content version of every post of an audit. */
export function latestVersionsOfAudit(db: Database, auditId: string): PostToScan[] {
  return prepared(
    db,
    `SELECT p.id AS postId, p.creator_id AS creatorId, v.sha256, v.content FROM compliance_posts p
     JOIN compliance_creators c ON c.id = p.creator_id JOIN compliance_post_versions v ON v.post_id = p.id AND v.sha256 = p.latest_sha256
     WHERE c.audit_id = ? ORDER BY c.handle, p.posted_at, p.id`,
  ).all(auditId) as PostToScan[];
}

export interface PostVersion {
  readonly sha256: string;
  readonly content: string;
  readonly firstSeenAt: string;
}

export function postVersions(db: Database, postId: string): PostVersion[] {
  return prepared(db, 'SELECT sha256, content, first_seen_at AS firstSeenAt FROM compliance_post_versions WHERE post_id = ? ORDER BY first_seen_at, sha256').all(postId) as PostVersion[];
}

export function latestVersion(db: Database, postId: string): PostVersion | null {
  return (prepared(db, 'SELECT v.sha256, v.content, v.first_seen_at AS firstSeenAt FROM compliance_posts p JOIN compliance_post_versions v ON v.post_id = p.id AND v.sha256 = p.latest_sha256 WHERE p.id = ?').get(postId) as PostVersion | undefined) ?? null;
}

export interface PostSummary {
  readonly postId: string;
  readonly creatorId: string;
  readonly handle: string;
  readonly platform: string;
  readonly remoteId: string;
  readonly permalink: string | null;
  readonly postedAt: string | null;
  readonly latestSha256: string;
  readonly scanId: string | null;
  readonly scannedAt: string | null;
  readonly scanVerdict: string | null;
  readonly ruleId: string | null;
  readonly disclosurePresent: boolean | null;
  readonly disclosureAdequate: boolean | null;
  readonly evidence: unknown;
  readonly changedFrom: string | null;
  readonly versions: number;
}

interface PostSummaryRow extends Omit<PostSummary, 'disclosurePresent' | 'disclosureAdequate' | 'evidence'> {
  disclosurePresent: number | null;
  disclosureAdequate: number | null;
  evidence: string | null;
}

/** Every post of an audit posted in [from, to] (ISO dates, inclusive by day), with its latest scan. */
export function postsOfAudit(db: Database, auditId: string, range: { from?: string | null; to?: string | null } = {}): PostSummary[] {
  const rows = prepared(
    db,
    `SELECT p.id AS postId, c.id AS creatorId, c.handle, p.platform, p.remote_id AS remoteId, p.permalink, p.posted_at AS postedAt, p.latest_sha256 AS latestSha256,
            s.id AS scanId, s.scanned_at AS scannedAt, s.verdict AS scanVerdict, s.rule_id AS ruleId, s.disclosure_present AS disclosurePresent,
            s.disclosure_adequate AS disclosureAdequate, s.evidence, s.changed_from_sha256 AS changedFrom,
            (SELECT count(*) FROM compliance_post_versions v WHERE v.post_id = p.id) AS versions
     FROM compliance_posts p
     JOIN compliance_creators c ON c.id = p.creator_id
     LEFT JOIN compliance_scans s ON s.id = (SELECT id FROM compliance_scans WHERE post_id = p.id ORDER BY scanned_at DESC, id DESC LIMIT 1)
     WHERE c.audit_id = @auditId
       AND (@from IS NULL OR p.posted_at IS NULL OR substr(p.posted_at, 1, 10) >= @from)
       AND (@to IS NULL OR p.posted_at IS NULL OR substr(p.posted_at, 1, 10) <= @to)
     ORDER BY c.handle, p.posted_at, p.id`,
  ).all({ auditId, from: range.from ?? null, to: range.to ?? null }) as PostSummaryRow[];
  return rows.map((r) => ({
    ...r,
    disclosurePresent: r.disclosurePresent === null ? null : r.disclosurePresent === 1,
    disclosureAdequate: r.disclosureAdequate === null ? null : r.disclosureAdequate === 1,
    evidence: r.evidence === null ? null : (JSON.parse(r.evidence) as unknown),
  }));
}

export function auditOfPost(db: Database, postId: string): string | null {
  return (prepared(db, 'SELECT c.audit_id FROM compliance_posts p JOIN compliance_creators c ON c.id = p.creator_id WHERE p.id = ?').pluck().get(postId) as string | undefined) ?? null;
}

/** The content hash the latest scan of a post saw, null before its first scan. */
export function lastScannedSha(db: Database, postId: string): string | null {
  return (prepared(db, 'SELECT sha256 FROM compliance_scans WHERE post_id = ? ORDER BY scanned_at DESC, id DESC LIMIT 1').pluck().get(postId) as string | undefined) ?? null;
}
