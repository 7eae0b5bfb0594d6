// `stoa hub init`: the schema (migrations) and a first workspace with its owner.
import { openHubPool } from './connect.ts';
import { migrateHub } from './migrate.ts';
import { createWorkspace, type NewMember } from './members.ts';

export interface HubInitOutcome extends NewMember {
  readonly schemaVersion: number;
  readonly migratedFrom: number;
}

export async function initHub(url: string, input: { readonly workspace: string; readonly owner: string }): Promise<HubInitOutcome> {
  const pool = await openHubPool(url, { max: 1 });
  try {
    const migrated = await migrateHub(pool);
    const owner = await createWorkspace(pool, input);
    return { ...owner, schemaVersion: migrated.to, migratedFrom: migrated.from };
  } finally {
    await pool.end();
  }
}
