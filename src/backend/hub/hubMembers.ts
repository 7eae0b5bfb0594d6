// Who this token is on the hub, and the workspace's members, read through the member's own session
// (row-level security shows only its workspace). Until src/hub/members.ts has whoAmI/listMembers.
import type { HubPool } from '../../hub/connect.ts';
import { unknownToken } from '../../hub/members.ts';
import type { HubProblem } from '../../hub/errors.ts';
import { asMember } from '../../hub/session.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { HubRole } from '../../core/hubRoles.ts';

export interface HubIdentity {
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly role: HubRole;
}

export interface HubMemberView {
  readonly id: string;
  readonly name: string;
  readonly role: HubRole;
  readonly revoked: boolean;
}

export function hubWhoAmI(pool: HubPool, token: string): Promise<Result<HubIdentity, HubProblem>> {
  return asMember(pool, token, async (client, me) => {
    if (me === null) return err(unknownToken());
    const { rows } = await client.query<{ name: string }>('SELECT name FROM stoa_hub.workspaces WHERE id = $1', [me.workspaceId]);
    return ok({ workspaceId: me.workspaceId, workspaceName: rows[0]?.name ?? me.workspaceId, memberId: me.memberId, memberName: me.name, role: me.role as HubRole });
  });
}

export function hubMembers(pool: HubPool, token: string): Promise<Result<HubMemberView[], HubProblem>> {
  return asMember(pool, token, async (client, me) => {
    if (me === null) return err(unknownToken());
    const { rows } = await client.query<{ id: string; name: string; role: HubRole; revoked_at: Date | null }>(
      'SELECT id, name, role, revoked_at FROM stoa_hub.members WHERE workspace_id = $1 ORDER BY created_at, id',
      [me.workspaceId],
    );
    return ok(rows.map((row) => ({ id: row.id, name: row.name, role: row.role, revoked: row.revoked_at !== null })));
  });
}
