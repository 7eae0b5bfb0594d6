// What the sync engine reports while it works. The backend forwards these to the UI's event hub
// (and the CLI draws its progress line from them).
import type { OutboxState, PlatformName } from '../core/domain.ts';

export type SyncEvent =
  | {
      readonly type: 'sync.progress';
      readonly phase: 'pull' | 'push';
      readonly done: number;
      readonly total: number;
      readonly accountId: string | null;
      /** Pull only: items received so far in this run. */
      readonly items?: number;
    }
  | {
      readonly type: 'outbox.changed';
      readonly entryId: string;
      readonly itemId: string | null;
      readonly platform: PlatformName;
      readonly state: OutboxState;
      readonly reason: string | null;
    }
  | { readonly type: 'connectivity'; readonly online: boolean }
  | { readonly type: 'items.changed'; readonly count: number }
  | { readonly type: 'account.problem'; readonly accountId: string; readonly status: 'reauth' | 'permanent_failure' | 'retry_after'; readonly reason: string };

export type SyncEventListener = (event: SyncEvent) => void;
