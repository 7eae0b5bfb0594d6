// The compliance audit: audits (name, jurisdiction profile, period), the creators and brands under
// audit, the creators' posts — kept apart from moderation items: a post under audit is evidence,
// not a queue item — every version of a post's content as scanned, the scans, immutable snapshots,
// reviewers' verdicts and remediation requests. Content versions, scans, snapshots and verdicts are
// append-only (triggers refuse UPDATE and DELETE, as for decisions); a remediation's status moves,
// and every move is in the audit log.
import type { Migration } from './types.ts';

const appendOnly = (table: string, what: string): string => `
      CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${what} are immutable'); END;
      CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${what} are immutable'); END;`;

export const compliance: Migration = {
  version: 8,
  name: 'compliance',
  up(db) {
    db.exec(`
      CREATE TABLE compliance_audits (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        jurisdiction TEXT NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK (period_from <= period_to)
      ) STRICT;

      CREATE TABLE compliance_creators (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES compliance_audits(id),
        platform TEXT NOT NULL,
        handle TEXT NOT NULL,
        -- The connected account the creator's posts are read through, when there is one.
        account_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
        remote_user_id TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (audit_id, platform, handle)
      ) STRICT;

      CREATE TABLE compliance_brands (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES compliance_audits(id),
        name TEXT NOT NULL,
        handles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(handles)),
        discount_codes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(discount_codes)),
        affiliate_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(affiliate_ids)),
        created_at TEXT NOT NULL,
        UNIQUE (audit_id, name)
      ) STRICT;

      CREATE TABLE compliance_posts (
        id TEXT PRIMARY KEY,
        creator_id TEXT NOT NULL REFERENCES compliance_creators(id),
        platform TEXT NOT NULL,
        remote_id TEXT NOT NULL,
        permalink TEXT,
        posted_at TEXT,
        first_seen_at TEXT NOT NULL,
        -- The content hash of the latest version seen (a pointer; every version stays below).
        latest_sha256 TEXT NOT NULL CHECK (length(latest_sha256) = 64),
        UNIQUE (creator_id, remote_id)
      ) STRICT;
      CREATE INDEX compliance_posts_posted ON compliance_posts (posted_at);

      CREATE TABLE compliance_post_versions (
        post_id TEXT NOT NULL REFERENCES compliance_posts(id),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        content TEXT NOT NULL CHECK (json_valid(content)),
        first_seen_at TEXT NOT NULL,
        PRIMARY KEY (post_id, sha256)
      ) STRICT;
      ${appendOnly('compliance_post_versions', 'post versions')}

      CREATE TABLE compliance_scans (
        id TEXT PRIMARY KEY,
        post_id TEXT NOT NULL REFERENCES compliance_posts(id),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        scanned_at TEXT NOT NULL,
        jurisdiction TEXT NOT NULL,
        profile_version TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('compliant', 'needs_review', 'non_compliant')),
        rule_id TEXT NOT NULL,
        disclosure_present INTEGER NOT NULL CHECK (disclosure_present IN (0, 1)),
        disclosure_adequate INTEGER NOT NULL CHECK (disclosure_adequate IN (0, 1)),
        evidence TEXT NOT NULL CHECK (json_valid(evidence)),
        -- The content hash the previous scan saw, when it differs from this one (the post changed).
        changed_from_sha256 TEXT,
        FOREIGN KEY (post_id, sha256) REFERENCES compliance_post_versions(post_id, sha256)
      ) STRICT;
      CREATE INDEX compliance_scans_post ON compliance_scans (post_id, scanned_at);
      ${appendOnly('compliance_scans', 'scans')}

      CREATE TABLE compliance_snapshots (
        id TEXT PRIMARY KEY,
        post_id TEXT NOT NULL REFERENCES compliance_posts(id),
        content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
        -- Caption, metadata, media URLs and permalink as captured (the post version's canonical JSON).
        content TEXT NOT NULL CHECK (json_valid(content)),
        thumbnail BLOB,
        captured_at TEXT NOT NULL,
        captured_by TEXT NOT NULL,
        device_id TEXT NOT NULL,
        -- SHA-256 over the content, the thumbnail's hash and captured_at: what a report cites.
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64)
      ) STRICT;
      CREATE INDEX compliance_snapshots_post ON compliance_snapshots (post_id, captured_at);
      ${appendOnly('compliance_snapshots', 'snapshots')}

      CREATE TABLE compliance_verdicts (
        id TEXT PRIMARY KEY,
        post_id TEXT NOT NULL REFERENCES compliance_posts(id),
        scan_id TEXT REFERENCES compliance_scans(id),
        snapshot_id TEXT NOT NULL REFERENCES compliance_snapshots(id),
        verdict TEXT NOT NULL CHECK (verdict IN ('compliant', 'needs_review', 'non_compliant')),
        reason TEXT NOT NULL,
        actor TEXT NOT NULL,
        device_id TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX compliance_verdicts_post ON compliance_verdicts (post_id, created_at);
      ${appendOnly('compliance_verdicts', 'verdicts')}

      CREATE TABLE compliance_remediations (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES compliance_audits(id),
        creator_id TEXT NOT NULL REFERENCES compliance_creators(id),
        post_id TEXT REFERENCES compliance_posts(id),
        what TEXT NOT NULL,
        due_by TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'sent', 'fixed', 'disputed', 'overdue', 'closed')),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX compliance_remediations_creator ON compliance_remediations (creator_id, status);
    `);
  },
};
