import { describe, expect, it } from 'vitest';
import { claimItem } from '../../../src/hub/claims.ts';
import { openHubPool, type HubPool } from '../../../src/hub/connect.ts';
import { deskRoleName, deskUrl, ensureDeskLogin } from '../../../src/hub/deskLogin.ts';
import { formatJoinUrl, parseJoinUrl } from '../../../src/hub/joinUrl.ts';
import { addMember, listMembers, whoAmI } from '../../../src/hub/members.ts';
import { pullEvents } from '../../../src/hub/pull.ts';
import { pushEvents } from '../../../src/hub/push.ts';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { runCli } from '../../support/runCli.ts';
import { event, freshHub } from './support.ts';

const TOKEN = `stoa_hub_${'a'.repeat(43)}`;

/** What a statement does on one desk connection: 'done', or the error PostgreSQL gave. */
async function attempt(desk: HubPool, steps: readonly [string, unknown[]?][]): Promise<string> {
  const client = await desk.connect();
  try {
    await client.query('BEGIN');
    for (const [sql, params] of steps) await client.query(sql, params);
    return 'done';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

describe('join URLs', () => {
  it('splits the token off the URL pg gets, and puts it back', () => {
    const joined = formatJoinUrl('postgres://desk:p%40ss@db.example:6432/stoa_hub?sslmode=require', TOKEN);
    expect(joined).toBe(`postgres://desk:p%40ss@db.example:6432/stoa_hub?sslmode=require&stoa_token=${TOKEN}`);
    expect(parseJoinUrl(joined)).toEqual({ databaseUrl: 'postgres://desk:p%40ss@db.example:6432/stoa_hub?sslmode=require', token: TOKEN });
    expect(parseJoinUrl(`  postgresql://desk:pw@10.0.0.2/hub?stoa_token=${TOKEN}\n`)).toEqual({ databaseUrl: 'postgresql://desk:pw@10.0.0.2/hub', token: TOKEN });
  });

  it('says in one sentence what is wrong with a malformed one, without echoing the password', () => {
    const refusals: [string, RegExp][] = [
      ['not a url', /is not a URL/],
      [`mysql://desk:pw@h/db?stoa_token=${TOKEN}`, /must start with postgres:\/\//],
      [`postgres://h/db?stoa_token=${TOKEN}`, /names no database user/],
      [`postgres://desk:pw@h?stoa_token=${TOKEN}`, /must name one database/],
      ['postgres://desk:secretpw@h/db?sslmode=require', /carries no member token/],
      [`postgres://desk:pw@h/db?stoa_token=${TOKEN}&stoa_token=${TOKEN}`, /carries 2 member tokens/],
      ['postgres://desk:secretpw@h/db?stoa_token=stoa_hub_abc', /cut short or mistyped/],
    ];
    for (const [url, message] of refusals) {
      let thrown: unknown;
      try {
        parseJoinUrl(url);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ name: 'HubError', code: 'bad_url', message: expect.stringMatching(message) });
      expect(String((thrown as Error).message)).not.toContain('secretpw');
    }
    expect(() => formatJoinUrl('postgres://desk:pw@h/db', 'not-a-token')).toThrow(/needs a member token/);
  });

  it('builds the desk URL from the admin URL’s host, port, database and sslmode only', () => {
    expect(deskUrl('postgres://admin:root@db.example:6432/stoa_hub?sslmode=verify-full&application_name=x', 'stoa_hub_desk_stoa_hub', 'pw')).toBe(
      'postgres://stoa_hub_desk_stoa_hub:pw@db.example:6432/stoa_hub?sslmode=verify-full',
    );
    expect(deskRoleName('stoa_hub')).toBe('stoa_hub_desk_stoa_hub');
    expect(deskRoleName('Team-Hub')).toMatch(/^stoa_hub_desk_team_hub_[0-9a-f]{8}$/);
    expect(deskRoleName('x'.repeat(63)).length).toBeLessThanOrEqual(63);
  });
});

describe.runIf(needsPostgres('hub desk logins'))('hub desk logins on PostgreSQL', () => {
  const cluster = usePostgres();

  it('makes one narrow LOGIN role per hub database, once', async () => {
    const { pool, url } = await freshHub(cluster());
    try {
      const made = await ensureDeskLogin(pool, url);
      expect(made.created).toBe(true);
      const again = await ensureDeskLogin(pool, url);
      expect(again).toEqual({ ...made, created: false });
      const { rows } = await pool.query(
        `SELECT r.rolcanlogin, r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls, r.rolreplication,
           a.rolpassword LIKE 'SCRAM-SHA-256$%' AS hashed_password,
           ARRAY(SELECT g.rolname::text FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid WHERE am.member = r.oid) AS member_of,
           has_database_privilege(r.oid, current_database(), 'CONNECT') AS can_connect
         FROM pg_roles r JOIN pg_authid a ON a.oid = r.oid WHERE r.rolname = $1`,
        [made.roleName],
      );
      expect(rows).toEqual([
        {
          rolcanlogin: true,
          rolsuper: false,
          rolinherit: false,
          rolcreaterole: false,
          rolcreatedb: false,
          rolbypassrls: false,
          rolreplication: false,
          hashed_password: true,
          member_of: ['stoa_hub_member'],
          can_connect: true,
        },
      ]);
      const desk = new URL(made.databaseUrl);
      expect([desk.username, desk.host, desk.pathname]).toEqual([made.roleName, new URL(url).host, new URL(url).pathname]);
    } finally {
      await pool.end();
    }
  });

  it('gives a desk only what a member token allows: no bypass of row-level security, no admin, no changes, no token hashes', async () => {
    const { pool, url, owner } = await freshHub(cluster());
    const login = await ensureDeskLogin(pool, url);
    const desk = await openHubPool(login.databaseUrl);
    try {
      const viewer = await addMember(pool, owner.token, { name: 'Vic', role: 'viewer' });
      const moderator = await addMember(pool, owner.token, { name: 'Mo', role: 'moderator' });
      if (!viewer.ok || !moderator.ok) throw new Error('members not added');
      // The desk login works for members: push, pull, claim.
      expect(await pushEvents(desk, moderator.value.token, [event('decision', 'desk-m', { action: 'remove' })])).toMatchObject({ ok: true, value: [{ status: 'stored' }] });
      const pulled = await pullEvents(desk, viewer.value.token, 0);
      expect(pulled.ok && pulled.value.events.map((e) => e.actorName)).toEqual(['Mo']);
      expect(await claimItem(desk, moderator.value.token, { platform: 'reddit', remoteId: 't1_x', device: 'desk-m', leaseMs: 60_000 })).toMatchObject({ ok: true, value: { granted: true } });

      const member = ['SET LOCAL ROLE stoa_hub_member'] as const;
      const withToken = (token: string): [string, unknown[]] => ["SELECT set_config('stoa.member_token', $1, true)", [token]];
      // Without SET ROLE the login holds nothing (NOINHERIT); with it but no token, it sees no rows.
      expect(await attempt(desk, [['SELECT count(*) FROM stoa_hub.events']])).toMatch(/permission denied/);
      for (const table of ['events', 'members', 'workspaces', 'claims', 'send_rights']) {
        const { rows } = await (async () => {
          const client = await desk.connect();
          try {
            await client.query('BEGIN');
            await client.query(member[0]);
            return await client.query<{ n: string }>(`SELECT count(*) AS n FROM stoa_hub.${table}`);
          } finally {
            await client.query('ROLLBACK');
            client.release();
          }
        })();
        expect([table, rows[0]?.n]).toEqual([table, '0']);
      }
      const e = event('decision', 'desk-v');
      const insert: [string, unknown[]] = [
        'INSERT INTO stoa_hub.events (id, workspace_id, kind, actor, device, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [e.id, owner.workspaceId, e.kind, viewer.value.memberId, e.device, e.payload, e.createdAt],
      ];
      expect(await attempt(desk, [[member[0]], withToken(viewer.value.token), insert])).toMatch(/row-level security/);
      expect(await attempt(desk, [[member[0]], withToken(owner.token), ["UPDATE stoa_hub.events SET payload = '{}'"]])).toMatch(/permission denied/);
      expect(await attempt(desk, [[member[0]], withToken(owner.token), ['DELETE FROM stoa_hub.events']])).toMatch(/permission denied/);
      expect(await attempt(desk, [[member[0]], withToken(owner.token), ['SELECT token_hash FROM stoa_hub.members']])).toMatch(/permission denied/);
      expect(await attempt(desk, [[member[0]], withToken(owner.token), ['SELECT password FROM stoa_hub.desk_login']])).toMatch(/permission denied/);
      const admin = decodeURIComponent(new URL(url).username);
      expect(await attempt(desk, [[`SET ROLE ${admin}`]])).toMatch(/permission denied/);
      expect(await attempt(desk, [['SET ROLE postgres']])).toMatch(/permission denied|does not exist/);
      expect(await attempt(desk, [['CREATE TABLE public.mine (x int)']])).toMatch(/permission denied/);
      // From a desk login, the desk URL is the one it has.
      expect(await ensureDeskLogin(desk, login.databaseUrl)).toEqual({ ...login, created: false });
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM stoa_hub.events');
      expect(rows[0]?.n).toBe('1');
    } finally {
      await desk.end();
      await pool.end();
    }
  });

  it('`stoa hub init` and `add-member` print join URLs that connect as the desk login and name the member', async () => {
    const url = await cluster().createDatabase('hub_cli_join');
    const init = await runCli(['hub', 'init', '--database', url, '--workspace', 'Brand team', '--owner', 'Ana', '--json']);
    expect(init.stderr).toBe('');
    const made = JSON.parse(init.stdout) as { token: string; joinUrl: string; workspaceId: string };
    const ownerJoin = parseJoinUrl(made.joinUrl);
    expect(ownerJoin.token).toBe(made.token);
    expect(new URL(ownerJoin.databaseUrl).username).toBe(deskRoleName('hub_cli_join'));

    // The owner's join URL is enough to add a member.
    const added = await runCli(['hub', 'add-member', 'Vic', '--role', 'viewer', '--database', made.joinUrl, '--json'], { env: { STOA_HUB_TOKEN: '' } });
    expect(added.stderr).toBe('');
    const vic = JSON.parse(added.stdout) as { memberId: string; role: string; token: string; joinUrl: string };
    expect(vic).toMatchObject({ role: 'viewer', token: expect.stringMatching(/^stoa_hub_/) });
    const viaAdmin = await runCli(['hub', 'add-member', 'Mo', '--role', 'moderator', '--database', url], { env: { STOA_HUB_TOKEN: made.token } });
    expect(viaAdmin.stdout).toMatch(/^Join URL for Mo \(.*\): postgres:\/\/stoa_hub_desk_hub_cli_join:[^@]+@127\.0\.0\.1:\d+\/hub_cli_join\?stoa_token=stoa_hub_/m);

    const joined = parseJoinUrl(vic.joinUrl);
    expect(joined.databaseUrl).toBe(ownerJoin.databaseUrl);
    const desk = await openHubPool(joined.databaseUrl);
    try {
      expect(await whoAmI(desk, joined.token)).toEqual({
        ok: true,
        value: { memberId: vic.memberId, memberName: 'Vic', role: 'viewer', workspaceId: made.workspaceId, workspaceName: 'Brand team' },
      });
      const members = await listMembers(desk, joined.token);
      expect(members.ok && members.value.map((m) => [m.name, m.role, m.revoked])).toEqual([
        ['Ana', 'owner', false],
        ['Vic', 'viewer', false],
        ['Mo', 'moderator', false],
      ]);
      expect(await whoAmI(desk, 'stoa_hub_nobody')).toMatchObject({ ok: false, error: { code: 'unknown_token' } });
    } finally {
      await desk.end();
    }
  });
});

describe.runIf(needsPostgres('hub desk logins on a managed database'))('hub desk logins made by a non-superuser', () => {
  const cluster = usePostgres();

  it('are made by a login that owns the database and may create roles, as a managed PostgreSQL gives', async () => {
    const admin = await openHubPool(cluster().url(), { max: 1 });
    try {
      await admin.query('CREATE ROLE hub_admin LOGIN CREATEROLE');
      await admin.query('CREATE DATABASE managed_hub OWNER hub_admin');
    } finally {
      await admin.end();
    }
    const managed = `postgres://hub_admin@127.0.0.1:${cluster().port}/managed_hub`;
    const init = await runCli(['hub', 'init', '--database', managed, '--json']);
    expect(init.stderr).toBe('');
    const made = JSON.parse(init.stdout) as { token: string; joinUrl: string };
    const desk = await openHubPool(parseJoinUrl(made.joinUrl).databaseUrl);
    try {
      expect(await whoAmI(desk, made.token)).toMatchObject({ ok: true, value: { memberName: 'Owner', role: 'owner' } });
      expect(await attempt(desk, [['SET ROLE hub_admin']])).toMatch(/permission denied/);
      const { rows } = await desk.query<{ bypass: boolean }>('SELECT rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user');
      expect(rows).toEqual([{ bypass: false }]);
    } finally {
      await desk.end();
    }
  });
});
