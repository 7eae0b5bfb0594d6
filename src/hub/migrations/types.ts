import type { ClientBase } from 'pg';

/** One step of the hub schema; `version` is its position in HUB_MIGRATIONS (1-based). */
export interface HubMigration {
  readonly version: number;
  readonly name: string;
  /** Runs inside the migration transaction, under the migration lock. */
  up(client: ClientBase): Promise<void>;
}
