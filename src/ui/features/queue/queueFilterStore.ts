// The queue's filters outlive the page: leaving for Studio and coming back (or reloading) finds
// them as they were. Kept per workspace (its data folder), so two workspaces never share them.
// Pure apart from the Storage it is given, so it can be tested without a browser.
import { ITEM_STATES, PLATFORMS } from '../../../core/domain.ts';
import { QUEUE_SORTS } from '../../../core/queueSort.ts';
import type { QueueFilter } from './queueFilter.ts';

/** The part of Web Storage used here (localStorage in the app, a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const DEFAULT_FILTER: QueueFilter = { query: '', platform: undefined, state: undefined, sort: 'newest' };

const KEY_PREFIX = 'stoa.queue.filter.v1:';

export const filterKey = (workspace: string): string => `${KEY_PREFIX}${workspace}`;

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** The stored filter, or the default; anything unreadable or stale (a removed platform) is dropped. */
export function loadFilter(storage: Pick<KeyValueStore, 'getItem'>, workspace: string): QueueFilter {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(filterKey(workspace)) ?? 'null');
  } catch {
    return DEFAULT_FILTER;
  }
  if (typeof parsed !== 'object' || parsed === null) return DEFAULT_FILTER;
  const stored = parsed as Record<string, unknown>;
  return {
    query: typeof stored['query'] === 'string' ? stored['query'].slice(0, 500) : '',
    platform: oneOf(PLATFORMS, stored['platform']),
    state: oneOf(ITEM_STATES, stored['state']),
    sort: oneOf(QUEUE_SORTS, stored['sort']) ?? 'newest',
  };
}

export function saveFilter(storage: Pick<KeyValueStore, 'setItem'>, workspace: string, filter: QueueFilter): void {
  try {
    storage.setItem(filterKey(workspace), JSON.stringify(filter));
  } catch {
    // Storage full or disabled (private mode): the filter still works for this visit.
  }
}
