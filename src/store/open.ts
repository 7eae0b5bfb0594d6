// Opens (or creates) a workspace database: WAL, foreign keys, ordered migrations under
// PRAGMA user_version, and a clear refusal for files that are corrupt, empty, read-only or from a
// newer Stoa. The database and its -wal/-shm files are readable by the owner only.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { accessSync, chmodSync, closeSync, constants, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export type StoreOpenProblem = 'corrupt' | 'newer_version' | 'unreadable' | 'empty' | 'not_writable' | 'folder_not_writable';

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

const OWNER_ONLY = 0o600;

export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const migrations = options.migrations ?? MIGRATIONS;
  if (file !== ':memory:') prepareFile(file);
  let db: Database;
  try {
    db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    // prepareFile made sure the file exists, so "cannot open" here is about the file, not the folder.
    const reason = errorCode(error) === 'SQLITE_CANTOPEN' ? 'it is not readable and writable for this user' : describe(error);
    throw new StoreOpenError(file, 'unreadable', `Stoa cannot open the database file ${file} (${reason}); fix its permissions, or open a copy with --data-dir.`);
  }
  try {
    configure(db, file);
    migrate(db, file, migrations);
    if (file !== ':memory:') tightenSiblings(file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Refuses what must not become a workspace (a folder, a 0-byte file: SQLite would silently start a
 * new database in it) and creates a new file with mode 0600 before SQLite sees it, because SQLite
 * creates its -wal and -shm files with the mode of the database file.
 */
function prepareFile(file: string): void {
  const folder = dirname(file);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw folderNotWritable(file, folder, error);
  }
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    throw new StoreOpenError(file, 'unreadable', `${file} is a folder, not a Stoa database; move it aside or choose another --data-dir.`);
  }
  if (stat && stat.size === 0) {
    throw new StoreOpenError(
      file,
      'empty',
      `The database file ${file} is empty (0 bytes), so it holds no workspace and Stoa will not turn it into a new one: ` +
        'restore it from a backup, or delete it to start a fresh workspace.',
    );
  }
  if (stat) return;
  try {
    closeSync(openSync(file, 'wx', OWNER_ONLY));
    // The umask can only remove bits; this also covers file systems that ignore the mode at creation.
    if (process.platform !== 'win32') chmodSync(file, OWNER_ONLY);
  } catch (error) {
    throw folderNotWritable(file, folder, error);
  }
}

/** Existing workspaces (made before files were created 0600) are tightened on open. */
function tightenSiblings(file: string): void {
  if (process.platform === 'win32') return;
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat || (stat.mode & 0o077) === 0) continue;
    try {
      chmodSync(path, stat.mode & 0o700);
    } catch {
      // Owned by someone else (e.g. created by root): SQLite can still use it; nothing to tighten.
    }
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
    throw (
      writeProblem(file, error) ??
      new StoreOpenError(
        file,
        'corrupt',
        `The file ${file} is not a Stoa database or is damaged (${describe(error)}). ` +
          'Move it aside to start a fresh workspace, or restore it from a backup.',
      )
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
  try {
    // A write that changes nothing: SQLite opens a read-only file without complaint and only fails
    // at the first write, which would otherwise be deep inside some later command.
    db.pragma(`user_version = ${current}`);
  } catch (error) {
    throw writeProblem(file, error) ?? error;
  }
  for (const migration of migrations.slice(current)) {
    // One transaction per step: a crash mid-upgrade leaves the previous version intact.
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/** SQLite's and the OS's "you may not write here", said as what the user can change. */
function writeProblem(file: string, error: unknown): StoreOpenError | null {
  const code = errorCode(error);
  if (code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_CANTOPEN') return folderNotWritable(file, dirname(file), error);
  if (code !== undefined && (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS')) {
    const readOnly = readOnlyPart(file);
    return new StoreOpenError(
      file,
      'not_writable',
      `Stoa cannot write to the database ${readOnly === file ? 'file' : 'journal file'} ${readOnly} (it is read-only for this user): make it writable, or open a copy with --data-dir.`,
    );
  }
  return null;
}

/** Which of the database's files is read-only (a stale -shm left by a read-only open can be). */
function readOnlyPart(file: string): string {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') return path;
    }
  }
  return file;
}

function folderNotWritable(file: string, folder: string, error: unknown): StoreOpenError {
  const code = errorCode(error);
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return new StoreOpenError(file, 'unreadable', `Stoa cannot use ${folder} as its data folder: it is a file, not a folder; choose another --data-dir.`);
  }
  return new StoreOpenError(
    file,
    'folder_not_writable',
    `Stoa cannot write in the data folder ${folder} (${code !== undefined && READ_ONLY_CODES.has(code) ? 'it is read-only for this user' : describe(error)}); ` +
      'a workspace keeps its database and journal files there, so make the folder writable or choose another with --data-dir.',
  );
}

const READ_ONLY_CODES = new Set(['SQLITE_CANTOPEN', 'SQLITE_READONLY_DIRECTORY', 'EACCES', 'EPERM', 'EROFS']);

const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const schemaVersionOf = (db: Database): number => db.pragma('user_version', { simple: true }) as number;
