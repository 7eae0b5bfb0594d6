// Opens a pool on the hub's PostgreSQL from a postgres:// URL, turning the usual ways this fails
// (a typo in the URL, no server there, a wrong password, no such database) into one sentence.
import pg from 'pg';
import { HubError, sqlState } from './errors.ts';

export type HubPool = pg.Pool;

/** The URL with its password replaced, for messages and status output. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HubError('bad_url', 'The hub database must be a URL like postgres://user:password@host:5432/stoa_hub.');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new HubError('bad_url', `The hub database URL must start with postgres:// (it starts with ${parsed.protocol}//).`);
  }
}

/** A pool whose first connection has been made, so a bad URL fails here with a clear sentence. */
export async function openHubPool(url: string, options: { readonly max?: number } = {}): Promise<HubPool> {
  checkUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4, connectionTimeoutMillis: 15_000 });
  // An idle client's error (the server restarted) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectionProblem(url, error);
  }
}

export function connectionProblem(url: string, error: unknown): HubError {
  const where = redactUrl(url);
  const state = sqlState(error);
  if (state === 'ECONNREFUSED' || state === 'ENOTFOUND' || state === 'EHOSTUNREACH' || state === 'ETIMEDOUT') {
    return new HubError('unreachable', `Stoa cannot reach the hub database at ${where} (${state}); check the host and port, and that PostgreSQL is running.`);
  }
  if (state === '28P01' || state === '28000') {
    return new HubError('auth_failed', `PostgreSQL refused the login for ${where}; check the user name and password in the URL.`);
  }
  if (state === '3D000') return new HubError('no_database', `The database in ${where} does not exist; create it first (createdb) or fix the URL.`);
  const detail = error instanceof Error ? error.message : String(error);
  return new HubError('unreachable', `Stoa cannot connect to the hub database at ${where}: ${detail}.`);
}
