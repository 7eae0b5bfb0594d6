// What a hub database holds, read with the database's own login (`stoa hub status`).
import type { HubPool } from './connect.ts';
import { hubSchemaVersion } from './migrate.ts';
import { HUB_SCHEMA_VERSION } from './migrations/index.ts';

export interface HubWorkspaceStatus {
  readonly id: string;
  readonly name: string;
  readonly members: Readonly<Record<string, number>>;
  readonly events: number;
  readonly lastSeq: number;
}

export interface HubStatus {
  readonly schemaVersion: number;
  readonly knownVersion: number;
  readonly workspaces: HubWorkspaceStatus[];
}

export async function hubStatus(pool: HubPool): Promise<HubStatus> {
  const schemaVersion = await hubSchemaVersion(pool);
  if (schemaVersion === 0) return { schemaVersion, knownVersion: HUB_SCHEMA_VERSION, workspaces: [] };
  const { rows } = await pool.query<{ id: string; name: string; members: Record<string, number> | null; events: string; last_seq: string | null }>(
    `SELECT w.id, w.name,
       (SELECT jsonb_object_agg(role, n) FROM (SELECT role, count(*)::int AS n FROM stoa_hub.members m
          WHERE m.workspace_id = w.id AND m.revoked_at IS NULL GROUP BY role) r) AS members,
       (SELECT count(*) FROM stoa_hub.events e WHERE e.workspace_id = w.id) AS events,
       (SELECT max(seq) FROM stoa_hub.events e WHERE e.workspace_id = w.id) AS last_seq
     FROM stoa_hub.workspaces w ORDER BY w.created_at, w.name`,
  );
  return {
    schemaVersion,
    knownVersion: HUB_SCHEMA_VERSION,
    workspaces: rows.map((row) => ({ id: row.id, name: row.name, members: row.members ?? {}, events: Number(row.events), lastSeq: Number(row.last_seq ?? 0) })),
  };
}
