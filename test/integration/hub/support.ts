// Shared by the hub suites: a fresh hub database with the schema and a workspace, and events to push.
import { v7 } from 'uuid';
import { openHubPool, type HubPool } from '../../../src/hub/connect.ts';
import type { HubEventKind } from '../../../src/hub/eventKinds.ts';
import { createWorkspace, type NewMember } from '../../../src/hub/members.ts';
import { migrateHub } from '../../../src/hub/migrate.ts';
import type { HubEventInput } from '../../../src/hub/push.ts';
import type { TestPostgres } from '../../support/postgres.ts';

let databases = 0;

export async function freshHub(cluster: TestPostgres, workspace = 'Brand team'): Promise<{ pool: HubPool; url: string; owner: NewMember }> {
  const url = await cluster.createDatabase(`hub_${process.pid}_${++databases}`);
  const pool = await openHubPool(url);
  await migrateHub(pool);
  const owner = await createWorkspace(pool, { workspace, owner: 'Ana' });
  return { pool, url, owner };
}

export function event(kind: HubEventKind, device: string, payload: Record<string, unknown> = {}): HubEventInput {
  return { id: v7(), kind, device, payload, createdAt: new Date().toISOString() };
}
