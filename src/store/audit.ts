// The audit log: append-only and hash-chained. Each entry's hash covers its content and the
// previous entry's hash, so editing, deleting or reordering any row breaks verification.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  readonly actor: string;
  readonly deviceId: string;
  readonly action: string;
  readonly subject?: string | null;
  readonly details?: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor: string;
  device_id: string;
  action: string;
  subject: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

function hashOf(row: Omit<AuditRow, 'hash'>): string {
  // A JSON array fixes field order and escaping, so the hash is stable across platforms.
  const canonical = JSON.stringify([row.seq, row.id, row.at, row.actor, row.device_id, row.action, row.subject, row.details, row.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends an entry; call inside the transaction that makes the change it records. */
export function appendAudit(db: Database, entry: AuditInput, clock: Clock): string {
  const last = prepared(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    id: newId(),
    at: isoNow(clock),
    actor: entry.actor,
    device_id: entry.deviceId,
    action: entry.action,
    subject: entry.subject ?? null,
    details: JSON.stringify(entry.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  prepared(
    db,
    `INSERT INTO audit_log (seq, id, at, actor, device_id, action, subject, details, prev_hash, hash)
     VALUES (@seq, @id, @at, @actor, @device_id, @action, @subject, @details, @prev_hash, @hash)`,
  ).run({ ...row, hash: hashOf(row) });
  return row.id;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly firstBadSeq: number | null;
  readonly problem: string | null;
}

export function verifyAudit(db: Database): AuditVerification {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of prepared(db, 'SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const bad = (problem: string): AuditVerification => ({ ok: false, checked, firstBadSeq: row.seq, problem });
    if (row.seq !== expectedSeq) return bad(`entry ${expectedSeq} is missing (next entry is ${row.seq})`);
    if (row.prev_hash !== expectedPrev) return bad(`entry ${row.seq} does not follow the entry before it`);
    const { hash, ...content } = row;
    if (hashOf(content) !== hash) return bad(`entry ${row.seq} was changed after it was written`);
    expectedPrev = hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, firstBadSeq: null, problem: null };
}
