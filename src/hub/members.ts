// Workspaces and members. The first owner is made with the database's own login (`stoa hub init`);
// every later member is added by an owner's token, which row-level security checks.
import { v7 } from 'uuid';
import { err, ok, type Result } from '../core/result.ts';
import type { HubPool } from './connect.ts';
import { HubError, sqlState, type HubProblem } from './errors.ts';
import { HUB_ROLES, type HubRole } from './eventKinds.ts';
import { asMember } from './session.ts';
import { hashMemberToken, newMemberToken } from './tokens.ts';

export interface NewMember {
  readonly workspaceId: string;
  readonly memberId: string;
  readonly role: HubRole;
  /** Shown once: the hub keeps only its hash. */
  readonly token: string;
}

export async function createWorkspace(pool: HubPool, input: { readonly workspace: string; readonly owner: string }): Promise<NewMember> {
  const workspaceId = v7();
  const memberId = v7();
  const token = newMemberToken();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO stoa_hub.workspaces (id, name) VALUES ($1, $2)', [workspaceId, input.workspace]);
    await client.query("INSERT INTO stoa_hub.members (id, workspace_id, name, role, token_hash) VALUES ($1, $2, $3, 'owner', $4)", [
      memberId,
      workspaceId,
      input.owner,
      hashMemberToken(token),
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (sqlState(error) === '23505') throw new HubError('workspace_exists', `The hub already has a workspace named "${input.workspace}"; choose another name.`);
    throw error;
  } finally {
    client.release();
  }
  return { workspaceId, memberId, role: 'owner', token };
}

/** Adds a member to the owner's workspace; refused unless `ownerToken` is an owner's. */
export async function addMember(pool: HubPool, ownerToken: string, input: { readonly name: string; readonly role: HubRole }): Promise<Result<NewMember, HubProblem>> {
  const memberId = v7();
  const token = newMemberToken();
  try {
    return await asMember(pool, ownerToken, async (client, me) => {
      if (me === null) return err(unknownToken());
      await client.query('INSERT INTO stoa_hub.members (id, workspace_id, name, role, token_hash) VALUES ($1, $2, $3, $4, $5)', [
        memberId,
        me.workspaceId,
        input.name,
        input.role,
        hashMemberToken(token),
      ]);
      return ok({ workspaceId: me.workspaceId, memberId, role: input.role, token });
    });
  } catch (error) {
    if (sqlState(error) === '42501') return err({ code: 'not_permitted', message: 'Only an owner of the workspace can add members.' });
    throw error;
  }
}

export const unknownToken = (): HubProblem => ({
  code: 'unknown_token',
  message: 'The hub does not know this member token (it is mistyped or was revoked); ask an owner of the workspace for a new one.',
});

const asRole = (role: string): HubRole => {
  const known = HUB_ROLES.find((r) => r === role);
  if (!known) throw new Error(`the hub returned an unknown role "${role}"`);
  return known;
};

/** The members of the token's workspace, revoked ones included (any member may see who is on the team). */
export async function listMembers(pool: HubPool, token: string): Promise<Result<{ id: string; name: string; role: HubRole; revoked: boolean }[], HubProblem>> {
  return asMember(pool, token, async (client, me) => {
    if (me === null) return err(unknownToken());
    const { rows } = await client.query<{ id: string; name: string; role: string; revoked: boolean }>(
      'SELECT id, name, role, revoked_at IS NOT NULL AS revoked FROM stoa_hub.members ORDER BY created_at, name',
    );
    return ok(rows.map((row) => ({ id: row.id, name: row.name, role: asRole(row.role), revoked: row.revoked })));
  });
}

/** The member and workspace a token stands for, as the hub verifies it. */
export async function whoAmI(
  pool: HubPool,
  token: string,
): Promise<Result<{ memberId: string; memberName: string; role: HubRole; workspaceId: string; workspaceName: string }, HubProblem>> {
  return asMember(pool, token, async (client, me) => {
    if (me === null) return err(unknownToken());
    const { rows } = await client.query<{ name: string }>('SELECT name FROM stoa_hub.workspaces WHERE id = $1', [me.workspaceId]);
    const workspaceName = rows[0]?.name;
    if (workspaceName === undefined) throw new Error('the member’s workspace is not visible to them');
    return ok({ memberId: me.memberId, memberName: me.name, role: asRole(me.role), workspaceId: me.workspaceId, workspaceName });
  });
}
