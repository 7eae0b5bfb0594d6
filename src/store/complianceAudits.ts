// Repository for audits and who/what they are about: the audit (name, jurisdiction profile, period),
// the creators under audit and the brands (names, handles, discount codes, affiliate programme ids).
// Each creation is audited in the same transaction.
import type { Database } from 'better-sqlite3';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export class ComplianceNotFoundError extends Error {}
export class ComplianceConflictError extends Error {}

export interface AuditRecord {
  readonly id: string;
  readonly name: string;
  readonly jurisdiction: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface CreatorRecord {
  readonly id: string;
  readonly auditId: string;
  readonly platform: string;
  readonly handle: string;
  readonly accountId: string | null;
  readonly remoteUserId: string | null;
}

export interface BrandRecord {
  readonly id: string;
  readonly auditId: string;
  readonly name: string;
  readonly handles: string[];
  readonly discountCodes: string[];
  readonly affiliateIds: string[];
}

const AUDIT_COLUMNS = 'id, name, jurisdiction, period_from AS periodFrom, period_to AS periodTo, created_at AS createdAt, created_by AS createdBy';
const CREATOR_COLUMNS = 'id, audit_id AS auditId, platform, handle, account_id AS accountId, remote_user_id AS remoteUserId';

export function createAudit(db: Database, input: { name: string; jurisdiction: string; periodFrom: string; periodTo: string }, who: Actor, clock: Clock): AuditRecord {
  return db.transaction(() => {
    const audit: AuditRecord = { id: newId(), ...input, createdAt: isoNow(clock), createdBy: who.actor };
    prepared(db, 'INSERT INTO compliance_audits (id, name, jurisdiction, period_from, period_to, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(audit.id, audit.name, audit.jurisdiction, audit.periodFrom, audit.periodTo, audit.createdAt, audit.createdBy);
    appendAudit(db, { ...who, action: 'compliance.audit.create', subject: audit.id, details: { name: audit.name, jurisdiction: audit.jurisdiction, periodFrom: audit.periodFrom, periodTo: audit.periodTo } }, clock);
    return audit;
  })();
}

export function listAudits(db: Database): AuditRecord[] {
  return prepared(db, `SELECT ${AUDIT_COLUMNS} FROM compliance_audits ORDER BY created_at, id`).all() as AuditRecord[];
}

export function getAudit(db: Database, id: string): AuditRecord {
  const row = prepared(db, `SELECT ${AUDIT_COLUMNS} FROM compliance_audits WHERE id = ?`).get(id) as AuditRecord | undefined;
  if (!row) throw new ComplianceNotFoundError(`There is no audit with id ${id}.`);
  return row;
}

/** The one audit when there is exactly one (so the CLI can leave --audit out), else null. */
export function soleAudit(db: Database): AuditRecord | null {
  const all = listAudits(db);
  return all.length === 1 ? (all[0] ?? null) : null;
}

export function addCreator(db: Database, input: { auditId: string; platform: string; handle: string; accountId?: string | null; remoteUserId?: string | null }, who: Actor, clock: Clock): CreatorRecord {
  return db.transaction(() => {
    getAudit(db, input.auditId);
    const handle = input.handle.replace(/^@/, '');
    const existing = prepared(db, 'SELECT id FROM compliance_creators WHERE audit_id = ? AND platform = ? AND handle = ?').pluck().get(input.auditId, input.platform, handle);
    if (existing !== undefined) throw new ComplianceConflictError(`@${handle} on ${input.platform} is already under this audit.`);
    const creator: CreatorRecord = { id: newId(), auditId: input.auditId, platform: input.platform, handle, accountId: input.accountId ?? null, remoteUserId: input.remoteUserId ?? null };
    prepared(db, 'INSERT INTO compliance_creators (id, audit_id, platform, handle, account_id, remote_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(creator.id, creator.auditId, creator.platform, creator.handle, creator.accountId, creator.remoteUserId, isoNow(clock));
    appendAudit(db, { ...who, action: 'compliance.creator.add', subject: creator.id, details: { auditId: creator.auditId, platform: creator.platform, handle } }, clock);
    return creator;
  })();
}

export function listCreators(db: Database, auditId: string): CreatorRecord[] {
  return prepared(db, `SELECT ${CREATOR_COLUMNS} FROM compliance_creators WHERE audit_id = ? ORDER BY platform, handle`).all(auditId) as CreatorRecord[];
}

export function findCreator(db: Database, auditId: string, platform: string, handle: string): CreatorRecord | null {
  return (prepared(db, `SELECT ${CREATOR_COLUMNS} FROM compliance_creators WHERE audit_id = ? AND platform = ? AND handle = ?`).get(auditId, platform, handle.replace(/^@/, '')) as CreatorRecord | undefined) ?? null;
}

export function getCreator(db: Database, id: string): CreatorRecord {
  const row = prepared(db, `SELECT ${CREATOR_COLUMNS} FROM compliance_creators WHERE id = ?`).get(id) as CreatorRecord | undefined;
  if (!row) throw new ComplianceNotFoundError(`There is no creator with id ${id}.`);
  return row;
}

interface BrandRow {
  id: string;
  auditId: string;
  name: string;
  handles: string;
  discountCodes: string;
  affiliateIds: string;
}

const toBrand = (row: BrandRow): BrandRecord => ({ id: row.id, auditId: row.auditId, name: row.name, handles: JSON.parse(row.handles) as string[], discountCodes: JSON.parse(row.discountCodes) as string[], affiliateIds: JSON.parse(row.affiliateIds) as string[] });

export function addBrand(db: Database, input: { auditId: string; name: string; handles: readonly string[]; discountCodes: readonly string[]; affiliateIds: readonly string[] }, who: Actor, clock: Clock): BrandRecord {
  return db.transaction(() => {
    getAudit(db, input.auditId);
    const exists = prepared(db, 'SELECT 1 FROM compliance_brands WHERE audit_id = ? AND name = ?').pluck().get(input.auditId, input.name) !== undefined;
    if (exists) throw new ComplianceConflictError(`The brand ${input.name} is already in this audit.`);
    const brand: BrandRecord = { id: newId(), auditId: input.auditId, name: input.name, handles: input.handles.map((h) => h.replace(/^@/, '')), discountCodes: [...input.discountCodes], affiliateIds: [...input.affiliateIds] };
    prepared(db, 'INSERT INTO compliance_brands (id, audit_id, name, handles, discount_codes, affiliate_ids, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(brand.id, brand.auditId, brand.name, JSON.stringify(brand.handles), JSON.stringify(brand.discountCodes), JSON.stringify(brand.affiliateIds), isoNow(clock));
    appendAudit(db, { ...who, action: 'compliance.brand.add', subject: brand.id, details: { auditId: brand.auditId, name: brand.name, handles: brand.handles, discountCodes: brand.discountCodes, affiliateIds: brand.affiliateIds } }, clock);
    return brand;
  })();
}

export function listBrands(db: Database, auditId: string): BrandRecord[] {
  return (prepared(db, 'SELECT id, audit_id AS auditId, name, handles, discount_codes AS discountCodes, affiliate_ids AS affiliateIds FROM compliance_brands WHERE audit_id = ? ORDER BY name').all(auditId) as BrandRow[]).map(toBrand);
}
