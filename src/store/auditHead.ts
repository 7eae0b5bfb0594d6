// A signed audit head the user can keep elsewhere (a mail to themselves, a ticket, a USB stick).
// The anchor beside the database can be deleted or rolled back together with the database by
// whoever controls that folder; a head kept elsewhere cannot. Signed with Ed25519, so anyone with
// the public key printed in it can check the signature without being able to make new heads.
import type { Database } from 'better-sqlite3';
import { createPublicKey, sign, verify } from 'node:crypto';
import { anchorFilesOf, flushAuditAnchor, readAnchor } from './auditAnchor.ts';
import { publicKeyText } from './auditKey.ts';
import { compareWithAnchor, verifyAudit, type AuditVerification } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';

const FORMAT = 'stoa-audit-head/1';

export interface SignedHead {
  readonly format: typeof FORMAT;
  /** The hash of entry 1: which log this head belongs to. */
  readonly chain: string;
  readonly seq: number;
  readonly hash: string;
  /** When the head was signed. */
  readonly at: string;
  /** base64 SPKI DER of the workspace's Ed25519 key. */
  readonly publicKey: string;
  /** base64 Ed25519 signature over [format, chain, seq, hash, at]. */
  readonly signature: string;
}

export type HeadExport = { readonly ok: true; readonly head: SignedHead } | { readonly ok: false; readonly problem: string };

const signedBytes = (head: Omit<SignedHead, 'publicKey' | 'signature'>): Buffer => Buffer.from(JSON.stringify([head.format, head.chain, head.seq, head.hash, head.at]));

/** Signs the anchored head, once the log verifies; a damaged log gets no head that would vouch for it. */
export function exportAuditHead(db: Database, clock: Clock): HeadExport {
  const files = anchorFilesOf(db);
  if (!files) return { ok: false, problem: 'This database has no audit anchor to export.' };
  flushAuditAnchor(db);
  const verification = verifyAudit(db);
  if (verification.status !== 'intact') return { ok: false, problem: `The audit log does not verify (${verification.status}: ${verification.problem ?? 'not anchored yet'}), so Stoa will not sign a head for it.` };
  const state = readAnchor(db, files);
  if (state.kind !== 'anchored') return { ok: false, problem: 'The audit log has no entries to anchor yet.' };
  const unsigned = { format: FORMAT, chain: state.anchor.chain, seq: state.anchor.head.seq, hash: state.anchor.head.hash, at: isoNow(clock) } as const;
  return { ok: true, head: { ...unsigned, publicKey: publicKeyText(state.key), signature: sign(null, signedBytes(unsigned), state.key.signingKey).toString('base64') } };
}

/** Parses an exported head; null when it is not one (any field missing or of the wrong type). */
export function parseSignedHead(value: unknown): SignedHead | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const strings = ['chain', 'hash', 'at', 'publicKey', 'signature'] as const;
  if (v['format'] !== FORMAT || !Number.isInteger(v['seq']) || strings.some((k) => typeof v[k] !== 'string')) return null;
  return value as SignedHead;
}

/** Checks the log against a head exported earlier: its signature, then truncation and rewriting. */
export function verifyAgainstHead(db: Database, head: SignedHead): AuditVerification {
  const local = verifyAudit(db);
  const fail = (status: AuditVerification['status'], problem: string, firstBadSeq: number | null = null): AuditVerification => ({ ...local, ok: false, status, problem, firstBadSeq });
  let signatureOk: boolean;
  try {
    signatureOk = verify(null, signedBytes(head), createPublicKey({ key: Buffer.from(head.publicKey, 'base64'), format: 'der', type: 'spki' }), Buffer.from(head.signature, 'base64'));
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) return fail('anchor_invalid', 'the exported head’s signature does not verify: the head file was edited');
  const files = anchorFilesOf(db);
  const state = files ? readAnchor(db, files) : null;
  if (state?.kind === 'anchored' && publicKeyText(state.key) !== head.publicKey) {
    return fail('anchor_invalid', 'the exported head was signed by another key than this workspace’s audit key');
  }
  if (local.status === 'edited') return local;
  const mismatch = compareWithAnchor(db, { chain: head.chain, head: { seq: head.seq, hash: head.hash, at: head.at }, checkpoints: [] }, local.lastSeq);
  if (mismatch) return fail(mismatch.status, mismatch.problem, mismatch.firstBadSeq);
  return local;
}
