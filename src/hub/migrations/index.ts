// The ordered list of hub migrations (PostgreSQL). Append only: a released migration is never
// edited. A migration's version is its position here; migrate.ts applies the missing ones in order.
import { initialHub } from './0001-initial.ts';
import { claimsAndSendRightsHub } from './0002-claims-send-rights.ts';
import type { HubMigration } from './types.ts';

export type { HubMigration } from './types.ts';
export const HUB_MIGRATIONS: readonly HubMigration[] = [initialHub, claimsAndSendRightsHub];
export const HUB_SCHEMA_VERSION = HUB_MIGRATIONS.length;
