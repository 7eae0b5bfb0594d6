// One live copy of the team hub per client, shared by everything that shows it (Settings → Team
// hub, the claim chips on queue rows, the item panel): `hub.status` once at start-up and again on
// each `hub.changed`; while a hub is joined, the workspace's claims every CLAIMS_POLL_MS and on
// each `hub.changed` about them. No hub joined: one status call, then nothing repeats. It listens
// through client.subscribe, the one event stream every component shares. A burst of events folds
// into one call in flight plus one after it (as sharedSyncStatus does).
import type { StoaClient } from '../../../api/client.ts';
import type { OutputOf } from '../../../api/endpoints.ts';

export type HubStatus = OutputOf<'hub.status'>;
export type HubClaim = OutputOf<'hub.claims'>['claims'][number];

/** Leases run about a minute; a poll this often shows a claim soon after it is taken or ends. */
export const CLAIMS_POLL_MS = 10_000;

export interface HubSnapshot {
  /** Null until the first answer. */
  readonly status: HubStatus | null;
  /** Unexpired claims by this desk's item id (claims on items this desk does not have are left out). */
  readonly claims: ReadonlyMap<string, HubClaim>;
  /** Grows with every hub change and claims poll: views of one item read it again when it moves. */
  readonly version: number;
  /** Why the last hub.status call failed (the backend's sentence), null after one that worked. */
  readonly problem: string | null;
}

type Listener = () => void;

interface Entry {
  snapshot: HubSnapshot;
  readonly listeners: Set<Listener>;
  readonly refreshStatus: () => void;
  readonly refreshClaims: () => void;
  timer: ReturnType<typeof setInterval> | null;
  unsubscribe: (() => void) | null;
}

const EMPTY: HubSnapshot = { status: null, claims: new Map(), version: 0, problem: null };
const entries = new WeakMap<StoaClient, Entry>();

/** `run` at most once at a time; asks while it runs fold into one more run after it. */
function folded(run: () => Promise<void>): () => void {
  let inFlight = false;
  let again = false;
  const trigger = (): void => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    void run().finally(() => {
      inFlight = false;
      if (again) {
        again = false;
        trigger();
      }
    });
  };
  return trigger;
}

const isLinked = (snapshot: HubSnapshot): boolean => (snapshot.status?.link ?? null) !== null;

function entryFor(client: StoaClient): Entry {
  const known = entries.get(client);
  if (known) return known;
  const entry: Entry = {
    snapshot: EMPTY,
    listeners: new Set(),
    timer: null,
    unsubscribe: null,
    refreshStatus: folded(async () => {
      const reply = await client.call('hub.status', {});
      if (reply.ok) applyStatus(entry, reply.value);
      else publish(entry, { ...entry.snapshot, problem: reply.error.message });
    }),
    refreshClaims: folded(async () => {
      // Asked only while joined; an answer that comes back after leaving is dropped.
      const reply = await client.call('hub.claims', {});
      if (!reply.ok || !isLinked(entry.snapshot)) return;
      const claims = new Map<string, HubClaim>();
      for (const claim of reply.value.claims) if (claim.itemId !== null) claims.set(claim.itemId, claim);
      publish(entry, { ...entry.snapshot, claims, version: entry.snapshot.version + 1 });
    }),
  };
  entries.set(client, entry);
  return entry;
}

function publish(entry: Entry, snapshot: HubSnapshot): void {
  entry.snapshot = snapshot;
  for (const listener of [...entry.listeners]) listener();
}

function applyStatus(entry: Entry, status: HubStatus): void {
  const linked = status.link !== null;
  publish(entry, { status, claims: linked ? entry.snapshot.claims : new Map(), version: entry.snapshot.version + 1, problem: null });
  if (linked && entry.timer === null && entry.listeners.size > 0) {
    entry.timer = setInterval(entry.refreshClaims, CLAIMS_POLL_MS);
    entry.refreshClaims();
  } else if (!linked) {
    stopPolling(entry);
  }
}

function stopPolling(entry: Entry): void {
  if (entry.timer !== null) clearInterval(entry.timer);
  entry.timer = null;
}

/** The last snapshot (stable between changes, for useSyncExternalStore). */
export const hubSnapshot = (client: StoaClient): HubSnapshot => entryFor(client).snapshot;

/** Reads the status again (after join, leave or a sync this view started). */
export const refreshHubStatus = (client: StoaClient): void => entryFor(client).refreshStatus();

/** Takes a status an endpoint already returned (hub.join answers with it), without asking again. */
export const setHubStatus = (client: StoaClient, status: HubStatus): void => applyStatus(entryFor(client), status);

/** Reads the claims again now (after this desk claimed or released one), when joined. */
export function refreshHubClaims(client: StoaClient): void {
  const entry = entryFor(client);
  if (isLinked(entry.snapshot)) entry.refreshClaims();
}

/** Calls `listener` after each change; the first subscriber starts listening, the last one stops it all. */
export function subscribeHub(client: StoaClient, listener: Listener): () => void {
  const entry = entryFor(client);
  entry.listeners.add(listener);
  if (entry.unsubscribe === null) {
    entry.unsubscribe = client.subscribe((event) => {
      if (event.type !== 'hub.changed') return;
      if (event.what === 'claims') {
        refreshHubClaims(client);
      } else {
        // 'status' or 'events' (others' notes and decisions arrived): the sync state moved too.
        entry.refreshStatus();
        if (event.what === 'events') publish(entry, { ...entry.snapshot, version: entry.snapshot.version + 1 });
      }
    });
    // A status known from before is shown meanwhile; its answer starts the claims poll when joined.
    entry.refreshStatus();
  }
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size === 0) {
      entry.unsubscribe?.();
      entry.unsubscribe = null;
      stopPolling(entry);
    }
  };
}
