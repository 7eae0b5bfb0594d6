// Catalog import runs: each file import is a row with its counts, warnings, failure and every
// per-row error (line, reason), so "what happened to my import" can be answered afterwards.
// Finishing a run writes its audit entry in the same transaction.
import type { Database } from 'better-sqlite3';
import type { CatalogFormat, RowError } from '../core/catalog.ts';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export interface CatalogImportRun {
  readonly id: string;
  readonly fileName: string;
  readonly format: CatalogFormat | null;
  readonly dialect: string | null;
  readonly encoding: string | null;
  readonly status: 'running' | 'done' | 'failed';
  readonly imported: number;
  readonly updated: number;
  readonly errorCount: number;
  readonly failure: string | null;
  readonly warnings: string[];
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

export interface CatalogImportOutcome {
  readonly format: CatalogFormat | null;
  readonly dialect: string | null;
  readonly encoding: string | null;
  readonly imported: number;
  readonly updated: number;
  readonly failure: string | null;
  readonly warnings: readonly string[];
}

export function startCatalogImport(db: Database, fileName: string, who: Actor, clock: Clock): string {
  const id = newId();
  prepared(
    db,
    `INSERT INTO catalog_imports (id, file_name, status, actor, device_id, started_at) VALUES (?, ?, 'running', ?, ?, ?)`,
  ).run(id, fileName, who.actor, who.deviceId, isoNow(clock));
  return id;
}

export function recordCatalogImportErrors(db: Database, importId: string, errors: readonly RowError[]): void {
  if (errors.length === 0) return;
  db.transaction(() => {
    let seq = prepared(db, 'SELECT error_count FROM catalog_imports WHERE id = ?').pluck().get(importId) as number;
    for (const error of errors) {
      seq += 1;
      prepared(db, 'INSERT INTO catalog_import_errors (import_id, seq, line, message) VALUES (?, ?, ?, ?)').run(importId, seq, error.line, error.message);
    }
    prepared(db, 'UPDATE catalog_imports SET error_count = ? WHERE id = ?').run(seq, importId);
  })();
}

export function finishCatalogImport(db: Database, importId: string, outcome: CatalogImportOutcome, who: Actor, clock: Clock): CatalogImportRun {
  return db.transaction(() => {
    prepared(
      db,
      `UPDATE catalog_imports SET status = @status, format = @format, dialect = @dialect, encoding = @encoding, imported = @imported,
         updated = @updated, failure = @failure, warnings = @warnings, finished_at = @now WHERE id = @id`,
    ).run({
      id: importId,
      status: outcome.failure === null ? 'done' : 'failed',
      format: outcome.format,
      dialect: outcome.dialect,
      encoding: outcome.encoding,
      imported: outcome.imported,
      updated: outcome.updated,
      failure: outcome.failure,
      warnings: JSON.stringify(outcome.warnings),
      now: isoNow(clock),
    });
    const run = getCatalogImport(db, importId) as CatalogImportRun;
    appendAudit(
      db,
      {
        ...who,
        action: 'catalog.import',
        subject: importId,
        details: { fileName: run.fileName, format: run.format, imported: run.imported, updated: run.updated, errors: run.errorCount, failure: run.failure },
      },
      clock,
    );
    return run;
  })();
}

interface RunRow {
  id: string;
  file_name: string;
  format: CatalogFormat | null;
  dialect: string | null;
  encoding: string | null;
  status: CatalogImportRun['status'];
  imported: number;
  updated: number;
  error_count: number;
  failure: string | null;
  warnings: string;
  started_at: string;
  finished_at: string | null;
}

const toRun = (row: RunRow): CatalogImportRun => ({
  id: row.id,
  fileName: row.file_name,
  format: row.format,
  dialect: row.dialect,
  encoding: row.encoding,
  status: row.status,
  imported: row.imported,
  updated: row.updated,
  errorCount: row.error_count,
  failure: row.failure,
  warnings: JSON.parse(row.warnings) as string[],
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

export function getCatalogImport(db: Database, id: string): CatalogImportRun | null {
  const row = prepared(db, 'SELECT * FROM catalog_imports WHERE id = ?').get(id) as RunRow | undefined;
  return row ? toRun(row) : null;
}

export function listCatalogImports(db: Database, limit: number): CatalogImportRun[] {
  return (prepared(db, 'SELECT * FROM catalog_imports ORDER BY started_at DESC, id DESC LIMIT ?').all(limit) as RunRow[]).map(toRun);
}

export function catalogImportErrors(db: Database, importId: string, limit: number): RowError[] {
  return prepared(db, 'SELECT line, message FROM catalog_import_errors WHERE import_id = ? ORDER BY seq LIMIT ?').all(importId, limit) as RowError[];
}
