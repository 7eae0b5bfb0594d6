// Runs work as one member: a transaction that switches to the NOLOGIN role stoa_hub_member and sets
// stoa.member_token, so the hub's row-level security (0001-initial.ts) decides what it may read and
// append. Both settings are LOCAL: they end with the transaction, before the connection is reused.
import type { PoolClient } from 'pg';
import type { HubPool } from './connect.ts';

export interface Member {
  readonly memberId: string;
  readonly workspaceId: string;
  readonly role: string;
  readonly name: string;
}

export async function asMember<T>(pool: HubPool, token: string, work: (client: PoolClient, member: Member | null) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL ROLE stoa_hub_member');
    await client.query("SELECT set_config('stoa.member_token', $1, true)", [token]);
    const { rows } = await client.query<{ member_id: string; workspace_id: string; role: string; name: string }>(
      'SELECT member_id, workspace_id, role, name FROM stoa_hub.current_member()',
    );
    const row = rows[0];
    const member = row ? { memberId: row.member_id, workspaceId: row.workspace_id, role: row.role, name: row.name } : null;
    const result = await work(client, member);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    // A connection that could not roll back is closed rather than handed to the next member.
    client.release(broken);
  }
}
