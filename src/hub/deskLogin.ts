// The login desks connect with. The hub database's own login (the "admin URL" given to `stoa hub
// init`) owns the tables and could bypass row-level security, so it never leaves the person who set
// the hub up. Desks get a LOGIN role of their own, one per hub database: a member of stoa_hub_member
// only, NOINHERIT (so it holds no privilege until a request does SET LOCAL ROLE stoa_hub_member with
// a token, see session.ts), NOBYPASSRLS, and CONNECT on this database. Its password travels in every
// join URL, so it is a shared gate; what a desk may read and write is decided by the member token.
import { createHash, randomBytes } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { HubPool } from './connect.ts';
import { HubError, sqlState } from './errors.ts';

// Serializes two `stoa hub init` runs making the login at once; apart from the hub's other locks.
const DESK_LOGIN_LOCK = 1398034259;

export interface DeskLogin {
  readonly roleName: string;
  /** The URL desks connect with: the admin URL's host, port, database and sslmode, the desk login's user and password. */
  readonly databaseUrl: string;
  /** True when this call made (or remade) the role. */
  readonly created: boolean;
}

/** stoa_hub_desk_<database>, within PostgreSQL's 63 characters and plain (a hash keeps unusual names apart). */
export function deskRoleName(database: string): string {
  const plain = database.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (plain === database && plain.length <= 40) return `stoa_hub_desk_${plain}`;
  return `stoa_hub_desk_${plain.slice(0, 40)}_${createHash('sha256').update(database, 'utf8').digest('hex').slice(0, 8)}`;
}

/** The admin URL turned into the desks' URL: same host, port, database and sslmode; nothing else carried over. */
export function deskUrl(adminUrl: string, roleName: string, password: string): string {
  const admin = new URL(adminUrl);
  const desk = new URL(`${admin.protocol}//${admin.host}${admin.pathname}`);
  desk.username = roleName;
  desk.password = password;
  const sslmode = admin.searchParams.get('sslmode');
  if (sslmode !== null) desk.searchParams.set('sslmode', sslmode);
  return desk.toString();
}

/**
 * The desks' login for the database `pool` is connected to, made when missing. `connectedUrl` is the
 * URL the pool was opened with: the admin URL, or already a desk login's URL (then it is returned as
 * is, since a desk cannot read the hub's record of the login, nor needs to).
 */
export async function ensureDeskLogin(pool: HubPool, connectedUrl: string): Promise<DeskLogin> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const stored = await storedLogin(client);
    if (stored === 'desk') {
      await client.query('ROLLBACK');
      const own = new URL(connectedUrl);
      const roleName = decodeURIComponent(own.username);
      return { roleName, databaseUrl: deskUrl(connectedUrl, roleName, decodeURIComponent(own.password)), created: false };
    }
    await client.query('SELECT pg_advisory_xact_lock($1)', [DESK_LOGIN_LOCK]);
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    const roleName = deskRoleName(rows[0]?.db ?? '');
    const again = await storedLogin(client);
    const password = again !== 'desk' && again?.roleName === roleName ? again.password : randomBytes(24).toString('base64url');
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [roleName])).rowCount === 1;
    const known = again !== 'desk' && again?.roleName === roleName;
    const created = !(exists && known);
    const attributes = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT';
    // Role names and passwords cannot be bind parameters: format() quotes them on the server.
    const ddl = await client.query<{ sql: string }>(
      `SELECT format(CASE WHEN $3 THEN 'ALTER ROLE %I WITH ${attributes} PASSWORD %L' ELSE 'CREATE ROLE %I WITH ${attributes} PASSWORD %L' END, $1::text, $2::text) AS sql`,
      [roleName, password, exists],
    );
    if (created) await client.query(ddl.rows[0]?.sql ?? '');
    const grants = await client.query<{ sql: string }>("SELECT format('GRANT stoa_hub_member TO %I', $1::text) || '; ' || format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), $1::text) AS sql", [roleName]);
    await client.query(grants.rows[0]?.sql ?? '');
    if (!known) {
      await client.query('DELETE FROM stoa_hub.desk_login');
      await client.query('INSERT INTO stoa_hub.desk_login (role_name, password) VALUES ($1, $2)', [roleName, password]);
    }
    await client.query('COMMIT');
    return { roleName, databaseUrl: deskUrl(connectedUrl, roleName, password), created };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (sqlState(error) === '42501') {
      throw new HubError('not_permitted', 'The hub database login may not create the desks’ login role (or grant it stoa_hub_member); give it CREATEROLE, or run this as the login that ran the first `stoa hub init` on this cluster.');
    }
    throw error;
  } finally {
    client.release();
  }
}

/** The hub's record of the desks' login; 'desk' when this connection may not read it (it is a desk login). */
async function storedLogin(client: PoolClient): Promise<{ roleName: string; password: string } | 'desk' | null> {
  await client.query('SAVEPOINT desk_login_read');
  try {
    const { rows } = await client.query<{ role_name: string; password: string }>('SELECT role_name, password FROM stoa_hub.desk_login LIMIT 1');
    await client.query('RELEASE SAVEPOINT desk_login_read');
    const row = rows[0];
    return row ? { roleName: row.role_name, password: row.password } : null;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT desk_login_read');
    if (sqlState(error) === '42501') return 'desk';
    throw error;
  }
}
