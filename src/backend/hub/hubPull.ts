// Pull: the workspace's events after this desk's cursor, page by page; each page is applied and the
// cursor moved in one SQLite transaction (store/hubApply.ts), so a crash mid-way re-pulls the page
// and re-applies nothing. Events this device pushed are skipped.
import type { Database } from 'better-sqlite3';
import { pullEvents } from '../../hub/pull.ts';
import { applyHubPage, hubCursor } from '../../store/hubApply.ts';
import type { Clock } from '../../store/clock.ts';
import type { HubConnection } from './hubConnection.ts';
import { HubTokenRefused } from './hubPush.ts';

export interface PullSummary {
  readonly pulled: number;
  readonly applied: number;
  readonly parked: number;
}

export async function pullHubEvents(db: Database, clock: Clock, hub: HubConnection, pageSize: number): Promise<PullSummary> {
  let pulled = 0;
  let applied = 0;
  let parked = 0;
  for (;;) {
    const page = await pullEvents(hub.pool, hub.token, hubCursor(db), pageSize);
    if (!page.ok) {
      if (page.error.code === 'unknown_token') throw new HubTokenRefused(page.error);
      throw new Error(page.error.message);
    }
    if (page.value.events.length === 0) break;
    const summary = applyHubPage(db, page.value.events, page.value.cursor, hub.device, clock);
    pulled += page.value.events.length;
    applied += summary.applied;
    parked += summary.parked;
    if (!page.value.more) break;
  }
  return { pulled, applied, parked };
}
