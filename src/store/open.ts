// Opens (or creates) a workspace database: WAL, foreign keys, ordered migrations under
// PRAGMA user_version, and a clear refusal for files that are corrupt or from a newer Stoa.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export type StoreOpenProblem = 'corrupt' | 'newer_version' | 'unreadable';

/** A database that cannot be used; `message` names the file and says what to do. */
export class StoreOpenError extends Error {
  constructor(
    readonly file: string,
    readonly problem: StoreOpenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

export interface OpenOptions {
  /** For tests of upgrades; the app always uses the full list. */
  readonly migrations?: readonly Migration[];
  /** A better-sqlite3 binary built for another ABI (Electron's), used instead of the Node one. */
  readonly nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const migrations = options.migrations ?? MIGRATIONS;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Database;
  try {
    db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new StoreOpenError(file, 'unreadable', `Stoa cannot open the database file ${file}: ${describe(error)}`);
  }
  try {
    configure(db, file);
    migrate(db, file, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: Database, file: string): void {
  try {
    // Reading the header is the first touch of the file; a non-SQLite file fails here.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (error) {
    throw new StoreOpenError(
      file,
      'corrupt',
      `The file ${file} is not a Stoa database or is damaged (${describe(error)}). ` +
        'Move it aside to start a fresh workspace, or restore it from a backup.',
    );
  }
}

function migrate(db: Database, file: string, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new StoreOpenError(
      file,
      'newer_version',
      `The database ${file} was written by a newer version of Stoa (schema ${current}; this version knows ${latest}). ` +
        'Update Stoa to open it.',
    );
  }
  for (const migration of migrations.slice(current)) {
    // One transaction per step: a crash mid-upgrade leaves the previous version intact.
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const schemaVersionOf = (db: Database): number => db.pragma('user_version', { simple: true }) as number;
