// Workspace counts for `stoa stats` and the status bar: items (all and per platform), decisions,
// outbox entries per state and quarantined payloads.
import type { Database } from 'better-sqlite3';
import { countDecisions } from '../../store/decisions.ts';
import { countItemsByPlatform } from '../../store/itemRemote.ts';
import { countItems } from '../../store/items.ts';
import { outboxCounts, type OutboxCounts } from '../../store/outbox.ts';
import { countQuarantined } from '../../store/quarantine.ts';

export interface WorkspaceStats {
  readonly items: number;
  readonly by_platform: Record<string, number>;
  readonly decisions: number;
  readonly outbox: OutboxCounts;
  readonly quarantined: number;
}

export function workspaceStats(db: Database): WorkspaceStats {
  return {
    items: countItems(db),
    by_platform: countItemsByPlatform(db),
    decisions: countDecisions(db),
    outbox: outboxCounts(db),
    quarantined: countQuarantined(db),
  };
}
