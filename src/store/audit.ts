// The audit log: append-only and hash-chained. Each entry's hash covers its content and the
// previous entry's hash, so editing, deleting or reordering any row breaks verification. The chain
// is anchored outside the database (auditAnchor.ts), so deleting the newest rows or recomputing
// every hash after an edit is reported too.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { anchorFilesOf, hashAt, readAnchor, scheduleAnchorFlush, type Anchor } from './auditAnchor.ts';
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
  scheduleAnchorFlush(db);
  return row.id;
}

/**
 * intact: chain and anchor agree. edited: a row no longer matches its hash or its neighbours.
 * truncated: the newest anchored entries are gone. rewritten: the chain is self-consistent but not
 * the one anchored (hashes recomputed after an edit). anchor_missing / anchor_invalid: the anchor or
 * its key is gone or does not verify. unanchored: checked by the chain alone (no anchor attached yet).
 */
export type AuditStatus = 'intact' | 'edited' | 'truncated' | 'rewritten' | 'anchor_missing' | 'anchor_invalid' | 'unanchored';

export interface AuditVerification {
  readonly ok: boolean;
  readonly status: AuditStatus;
  readonly checked: number;
  readonly firstBadSeq: number | null;
  readonly problem: string | null;
  /** The last entry in the table (0 when empty). */
  readonly lastSeq: number;
  /** The head the anchor vouches for, when there is one. */
  readonly anchor: { readonly seq: number; readonly hash: string; readonly at: string } | null;
}

type ChainResult = { ok: true; checked: number; last: number } | { ok: false; checked: number; firstBadSeq: number; problem: string };

function verifyChain(db: Database): ChainResult {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of prepared(db, 'SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const bad = (problem: string): ChainResult => ({ ok: false, checked, firstBadSeq: row.seq, problem });
    if (row.seq !== expectedSeq) return bad(`entry ${expectedSeq} is missing (next entry is ${row.seq})`);
    if (row.prev_hash !== expectedPrev) return bad(`entry ${row.seq} does not follow the entry before it`);
    const { hash, ...content } = row;
    if (hashOf(content) !== hash) return bad(`entry ${row.seq} was changed after it was written`);
    expectedPrev = hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, last: expectedSeq - 1 };
}

export function verifyAudit(db: Database): AuditVerification {
  const chain = verifyChain(db);
  if (!chain.ok) return { ok: false, status: 'edited', checked: chain.checked, firstBadSeq: chain.firstBadSeq, problem: chain.problem, lastSeq: lastSeqOf(db), anchor: null };
  const result = (status: AuditStatus, firstBadSeq: number | null = null, problem: string | null = null, anchor: Anchor | null = null): AuditVerification => ({
    ok: status === 'intact' || status === 'unanchored',
    status,
    checked: chain.checked,
    firstBadSeq,
    problem,
    lastSeq: chain.last,
    anchor: anchor ? { seq: anchor.head.seq, hash: anchor.head.hash, at: anchor.head.at } : null,
  });
  const files = anchorFilesOf(db);
  if (!files) return result('unanchored');
  const state = readAnchor(db, files);
  if (state.kind === 'none') return result(chain.last === 0 ? 'intact' : 'unanchored');
  if (state.kind === 'missing') return result('anchor_missing', null, state.message);
  if (state.kind === 'invalid') return result('anchor_invalid', null, state.message);
  const mismatch = compareWithAnchor(db, state.anchor, chain.last);
  return mismatch ? result(mismatch.status, mismatch.firstBadSeq, mismatch.problem, state.anchor) : result('intact', null, null, state.anchor);
}

export interface AnchorMismatch {
  readonly status: 'truncated' | 'rewritten';
  readonly firstBadSeq: number;
  readonly problem: string;
}

/** How a self-consistent chain differs from an anchored (or exported) head and its checkpoints. */
export function compareWithAnchor(db: Database, anchor: Pick<Anchor, 'chain' | 'head' | 'checkpoints'>, last: number): AnchorMismatch | null {
  const points = [{ seq: 1, hash: anchor.chain }, ...anchor.checkpoints, anchor.head].filter((p) => p.seq >= 1 && p.seq <= last);
  let lastGood = 0;
  for (const point of points) {
    if (hashAt(db, point.seq) !== point.hash) {
      if (point.seq === 1) {
        return {
          status: 'rewritten',
          firstBadSeq: 1,
          problem:
            'entry 1 is not the first entry the anchor was made for: the log was rewritten from its start, or the database was replaced ' +
            '(if you started a new workspace in this folder on purpose, move the old audit-anchor.json aside)',
        };
      }
      return {
        status: 'rewritten',
        firstBadSeq: point.seq,
        problem:
          `entry ${point.seq} no longer has the hash that was anchored for it, although every hash still follows from the one before: ` +
          `an entry after ${lastGood} was changed and the chain recomputed`,
      };
    }
    lastGood = point.seq;
  }
  if (last < anchor.head.seq) {
    const lost = anchor.head.seq - last;
    return {
      status: 'truncated',
      firstBadSeq: last + 1,
      problem: `the log ends at entry ${last}, but entry ${anchor.head.seq} was anchored on ${anchor.head.at}: the ${lost} newest ${lost === 1 ? 'entry was' : 'entries were'} deleted`,
    };
  }
  return null;
}

const lastSeqOf = (db: Database): number => (prepared(db, 'SELECT COALESCE(MAX(seq), 0) AS last FROM audit_log').get() as { last: number }).last;
