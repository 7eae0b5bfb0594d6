// The audit log's anchor: its head (last sequence number and hash) and sparse checkpoints, kept in
// a file beside the database and sealed with an HMAC whose key lives in its own 0600 key file,
// never in SQLite. The hash chain alone proves that no row was edited in place; the anchor also
// proves that no newest rows were deleted (truncation) and that the chain was not recomputed after
// an edit (rewriting), which a chain stored entirely in the file it protects cannot.
import type { Database } from 'better-sqlite3';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { getSetting, setSetting } from './settings.ts';
import { prepared } from './statements.ts';
import { auditKeyFrom, readAuditKey, type AuditKey } from './auditKey.ts';

export { readAuditKey, type AuditKey } from './auditKey.ts';

/** A checkpoint every this many entries, plus the head: a rewrite is located to within one span. */
export const CHECKPOINT_EVERY = 1000;
const FORMAT = 'stoa-audit-anchor/1';
/** Set in the database once a workspace is anchored, so a deleted anchor is reported, not re-made. */
const ANCHORED_SETTING = 'audit.anchored';

export interface AnchorFiles {
  readonly keyFile: string;
  readonly anchorFile: string;
}

export interface AnchorPoint {
  readonly seq: number;
  readonly hash: string;
}

export interface Anchor {
  readonly format: typeof FORMAT;
  /** The hash of entry 1: which log this anchor belongs to. */
  readonly chain: string;
  readonly head: AnchorPoint & { readonly at: string };
  readonly checkpoints: readonly AnchorPoint[];
  readonly mac: string;
}

export type AnchorState =
  | { readonly kind: 'anchored'; readonly anchor: Anchor; readonly key: AuditKey }
  | { readonly kind: 'none' }
  | { readonly kind: 'missing'; readonly message: string }
  | { readonly kind: 'invalid'; readonly message: string };

const attached = new WeakMap<Database, AnchorFiles>();
const scheduled = new WeakSet<Database>();

/** The anchor files of a workspace database; without this the log is checked by its chain only. */
export function attachAuditAnchor(db: Database, files: AnchorFiles): void {
  attached.set(db, files);
  flushAuditAnchor(db);
}

export const anchorFilesOf = (db: Database): AnchorFiles | undefined => attached.get(db);

/**
 * Called by appendAudit, inside the caller's transaction: the anchor is written once the event
 * loop turns, after the transaction has committed or rolled back, so it never records an entry
 * that does not exist. A crash before then leaves the anchor behind the table, never ahead.
 */
export function scheduleAnchorFlush(db: Database): void {
  if (!attached.has(db) || scheduled.has(db)) return;
  scheduled.add(db);
  setImmediate(() => {
    scheduled.delete(db);
    if (db.open) flushAuditAnchor(db);
  });
}

/**
 * Moves the anchor's head up to the last committed entry, if the entries since still follow it.
 * Never throws: an anchor that cannot be written is what verification then reports.
 */
export function flushAuditAnchor(db: Database): void {
  try {
    moveHead(db);
  } catch {
    // e.g. the key file is unreadable or the folder became read-only: verifyAudit says so.
  }
}

function moveHead(db: Database): void {
  const files = attached.get(db);
  if (!files || db.inTransaction) return;
  const last = lastEntry(db);
  if (!last) return;
  const state = readAnchor(db, files);
  if (state.kind === 'missing' || state.kind === 'invalid') return;
  if (state.kind === 'none') {
    // First anchoring (a new workspace, or one from before anchors): the chain as it is now.
    const key = auditKeyFrom(files.keyFile, { mayCreate: true });
    if (!chainFollows(db, { seq: 0, hash: '' }, last.seq)) return;
    writeAnchor(files.anchorFile, key, { chain: hashAt(db, 1) ?? '', head: last, checkpoints: checkpointsBetween(db, 0, last.seq) });
    setSetting(db, ANCHORED_SETTING, true);
    return;
  }
  const { anchor, key } = state;
  // Never lower the head (that would erase the evidence of a truncation), and never move it over a
  // chain that no longer contains the anchored head (that would bless a rewrite).
  if (last.seq <= anchor.head.seq || hashAt(db, anchor.head.seq) !== anchor.head.hash) return;
  if (!chainFollows(db, anchor.head, last.seq)) return;
  writeAnchor(files.anchorFile, key, {
    chain: anchor.chain,
    head: last,
    checkpoints: [...anchor.checkpoints, ...checkpointsBetween(db, anchor.head.seq, last.seq)],
  });
}

export function readAnchor(db: Database, files: AnchorFiles): AnchorState {
  const anchored = getSetting<boolean>(db, ANCHORED_SETTING) === true;
  let text: string;
  try {
    text = readFileSync(files.anchorFile, 'utf8');
  } catch (error) {
    if (!isMissing(error)) return { kind: 'invalid', message: `Stoa cannot read the audit anchor ${files.anchorFile} (${codeOf(error)}).` };
    if (!anchored) return { kind: 'none' };
    return { kind: 'missing', message: `The audit anchor ${files.anchorFile} is missing, so deleted or rewritten entries cannot be ruled out; restore it from a backup.` };
  }
  let key: AuditKey;
  try {
    key = readAuditKey(files.keyFile);
  } catch (error) {
    return { kind: 'missing', message: error instanceof Error ? error.message : String(error) };
  }
  let anchor: Anchor;
  try {
    anchor = JSON.parse(text) as Anchor;
  } catch {
    return { kind: 'invalid', message: `The audit anchor ${files.anchorFile} is not valid JSON; it was damaged or edited.` };
  }
  if (anchor.format !== FORMAT || typeof anchor.mac !== 'string' || !macMatches(key, anchor)) {
    return { kind: 'invalid', message: `The audit anchor ${files.anchorFile} does not carry a valid seal from the key ${files.keyFile}; one of them was edited or replaced.` };
  }
  return { kind: 'anchored', anchor, key };
}

function writeAnchor(file: string, key: AuditKey, content: Omit<Anchor, 'format' | 'mac'>): void {
  const unsealed = { format: FORMAT, ...content } as const;
  const anchor: Anchor = { ...unsealed, mac: macOf(key, unsealed) };
  // Write then rename: a crash leaves the old anchor or the new one, never half of either.
  // Per process: the server and a CLI command may reseal the same anchor at the same moment.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(anchor)}\n`, { mode: 0o600, flag: 'wx' });
    if (process.platform !== 'win32' && (statSync(temp).mode & 0o077) !== 0) chmodSync(temp, 0o600);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

const canonical = (anchor: Omit<Anchor, 'mac'>): string =>
  JSON.stringify([anchor.format, anchor.chain, anchor.head.seq, anchor.head.hash, anchor.head.at, anchor.checkpoints.map((c) => [c.seq, c.hash])]);

const macOf = (key: AuditKey, anchor: Omit<Anchor, 'mac'>): string => createHmac('sha256', key.macKey).update(canonical(anchor)).digest('hex');

function macMatches(key: AuditKey, anchor: Anchor): boolean {
  const expected = Buffer.from(macOf(key, anchor), 'hex');
  const given = Buffer.from(anchor.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function lastEntry(db: Database): (AnchorPoint & { at: string }) | undefined {
  return prepared(db, 'SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1').get() as (AnchorPoint & { at: string }) | undefined;
}

export const hashAt = (db: Database, seq: number): string | undefined =>
  (prepared(db, 'SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash;

/** Entries after `from` up to `to` are numbered without gaps and each names its predecessor. */
function chainFollows(db: Database, from: AnchorPoint, to: number): boolean {
  let expected = from;
  for (const row of prepared(db, 'SELECT seq, prev_hash, hash FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq').iterate(from.seq, to) as IterableIterator<{
    seq: number;
    prev_hash: string;
    hash: string;
  }>) {
    if (row.seq !== expected.seq + 1 || (expected.seq > 0 && row.prev_hash !== expected.hash)) return false;
    expected = row;
  }
  return expected.seq === to;
}

function checkpointsBetween(db: Database, after: number, upTo: number): AnchorPoint[] {
  return prepared(db, 'SELECT seq, hash FROM audit_log WHERE seq > ? AND seq <= ? AND seq % ? = 0 ORDER BY seq').all(after, upTo, CHECKPOINT_EVERY) as AnchorPoint[];
}

const isMissing = (error: unknown): boolean => codeOf(error) === 'ENOENT';
const codeOf = (error: unknown): string => (error instanceof Error && 'code' in error ? String(error.code) : 'unknown error');
