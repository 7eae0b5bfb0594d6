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
  /** 'interrupted': its process died mid-way; the batches it wrote before are kept. */
  readonly status: 'running' | 'done' | 'failed' | 'interrupted';
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

/** The process writing a run: a later open on the same host can tell whether it is still alive. */
export interface RunOwner {
  readonly host: string;
  readonly pid: number;
}

export function startCatalogImport(db: Database, fileName: string, who: Actor, clock: Clock, owner: RunOwner): string {
  const id = newId();
  prepared(
    db,
    `INSERT INTO catalog_imports (id, file_name, status, actor, device_id, started_at, host, pid) VALUES (?, ?, 'running', ?, ?, ?, ?, ?)`,
  ).run(id, fileName, who.actor, who.deviceId, isoNow(clock), owner.host, owner.pid);
  return id;
}

/**
 * Row errors and the counts so far, written inside the batch's transaction: a run killed later still
 * shows what its committed batches did.
 */
export function recordCatalogImportProgress(db: Database, importId: string, errors: readonly RowError[], counts: { imported: number; updated: number }): void {
  let seq = prepared(db, 'SELECT error_count FROM catalog_imports WHERE id = ?').pluck().get(importId) as number;
  const insert = prepared(db, 'INSERT INTO catalog_import_errors (import_id, seq, line, message) VALUES (?, ?, ?, ?)');
  for (const error of errors) {
    seq += 1;
    insert.run(importId, seq, error.line, error.message);
  }
  prepared(db, 'UPDATE catalog_imports SET error_count = ?, imported = ?, updated = ? WHERE id = ?').run(seq, counts.imported, counts.updated, importId);
}

const interruptedMessage = (imported: number, updated: number): string =>
  `The import stopped before the end of the file (Stoa or the command was closed or crashed). The ${imported + updated} products it had written (${imported} new, ${updated} updated) were kept; import the file again to finish: a re-import merges.`;

/**
 * Marks runs left 'running' by a process that is gone as interrupted (with their audit entry);
 * `alive` says whether the process that wrote a run still runs it. Returns the runs marked.
 */
export function markInterruptedCatalogImports(db: Database, alive: (owner: RunOwner | null, importId: string) => boolean, who: Actor, clock: Clock): CatalogImportRun[] {
  const running = prepared(db, "SELECT id, host, pid FROM catalog_imports WHERE status = 'running'").all() as { id: string; host: string | null; pid: number | null }[];
  const stale = running.filter((run) => !alive(run.host !== null && run.pid !== null ? { host: run.host, pid: run.pid } : null, run.id));
  if (stale.length === 0) return [];
  return db.transaction(() =>
    stale.map(({ id }) => {
      const counts = prepared(db, 'SELECT imported, updated FROM catalog_imports WHERE id = ?').get(id) as { imported: number; updated: number };
      const now = isoNow(clock);
      prepared(
        db,
        `UPDATE catalog_imports SET status = 'failed', interrupted_at = ?, finished_at = ?, failure = ? WHERE id = ? AND status = 'running'`,
      ).run(now, now, interruptedMessage(counts.imported, counts.updated), id);
      const run = getCatalogImport(db, id) as CatalogImportRun;
      appendAudit(
        db,
        {
          ...who,
          action: 'catalog.import',
          subject: id,
          details: { fileName: run.fileName, format: run.format, imported: run.imported, updated: run.updated, errors: run.errorCount, failure: run.failure, interrupted: true },
        },
        clock,
      );
      return run;
    }),
  )();
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
  status: 'running' | 'done' | 'failed';
  imported: number;
  updated: number;
  error_count: number;
  failure: string | null;
  warnings: string;
  started_at: string;
  finished_at: string | null;
  interrupted_at: string | null;
}

const toRun = (row: RunRow): CatalogImportRun => ({
  id: row.id,
  fileName: row.file_name,
  format: row.format,
  dialect: row.dialect,
  encoding: row.encoding,
  status: row.interrupted_at !== null ? 'interrupted' : row.status,
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
