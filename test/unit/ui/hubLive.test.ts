// The hub's live copy: one hub.status call however many views show it; no hub joined → nothing
// repeats (no claims, no poll); joined → claims are read, polled and re-read on hub.changed, and
// leaving stops the poll; the last view gone stops listening.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, type Transport } from '../../../src/api/client.ts';
import type { ApiReply } from '../../../src/api/errors.ts';
import type { EventListener, StoaEvent } from '../../../src/api/events.ts';
import { CLAIMS_POLL_MS, hubSnapshot, setHubStatus, subscribeHub, type HubClaim, type HubStatus } from '../../../src/ui/features/hub/hubLive.ts';

const NOT_JOINED: HubStatus = { link: null, members: [], sync: null };
const JOINED: HubStatus = {
  link: { url: 'postgres://desk@hub.example:5432/stoa_hub', workspace: 'Brand team', member: { id: 'm-bo', name: 'Bo', role: 'moderator' }, device: 'd1', joinedAt: '2026-12-04T05:00:00.000Z' },
  members: [],
  sync: null,
};
const claim = (itemId: string | null, memberName: string, mine = false): HubClaim => ({
  itemId,
  platform: 'reddit',
  remoteId: `t3_${memberName}`,
  memberId: `m-${memberName}`,
  memberName,
  mine,
  claimedAt: '2026-12-04T05:00:00.000Z',
  expiresAt: '2026-12-04T05:01:00.000Z',
});

function fakeBackend(initial: HubStatus) {
  const listeners = new Set<EventListener>();
  const calls: string[] = [];
  let status = initial;
  let claims: HubClaim[] = [];
  const transport: Transport = {
    call(method) {
      calls.push(method);
      const value = method === 'hub.status' ? status : method === 'hub.claims' ? { claims } : null;
      if (value === null) throw new Error(`unexpected call ${method}`);
      return Promise.resolve({ ok: true, value } as ApiReply<unknown>);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    client: createClient(transport),
    calls,
    listeners: () => listeners.size,
    setStatus: (next: HubStatus) => (status = next),
    setClaims: (next: HubClaim[]) => (claims = next),
    emit: (event: StoaEvent) => listeners.forEach((l) => l(event)),
  };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('hub live copy', () => {
  it('without a hub asks for the status once for every view, and nothing repeats', async () => {
    const fake = fakeBackend(NOT_JOINED);
    const stops = [0, 1, 2].map(() => subscribeHub(fake.client, () => undefined));
    await settle();
    expect(fake.calls).toEqual(['hub.status']);
    expect(hubSnapshot(fake.client).status).toEqual(NOT_JOINED);
    await vi.advanceTimersByTimeAsync(CLAIMS_POLL_MS * 5);
    // A claims event from a hub this desk is not joined to asks nothing.
    fake.emit({ type: 'hub.changed', what: 'claims' });
    await settle();
    expect(fake.calls).toEqual(['hub.status']);
    expect(fake.listeners()).toBe(1);
    stops.forEach((stop) => stop());
    expect(fake.listeners()).toBe(0);
  });

  it('when joined reads the claims, polls them, re-reads them on hub.changed, and stops polling after leaving', async () => {
    const fake = fakeBackend(JOINED);
    fake.setClaims([claim('item-1', 'Ana'), claim(null, 'Cy'), claim('item-2', 'Bo', true)]);
    let changes = 0;
    const stop = subscribeHub(fake.client, () => changes++);
    await settle();
    expect(fake.calls).toEqual(['hub.status', 'hub.claims']);
    const claims = hubSnapshot(fake.client).claims;
    // Claims on items this desk does not have (itemId null) are left out.
    expect([...claims.keys()]).toEqual(['item-1', 'item-2']);
    expect(claims.get('item-1')?.memberName).toBe('Ana');

    await vi.advanceTimersByTimeAsync(CLAIMS_POLL_MS);
    expect(fake.calls.filter((c) => c === 'hub.claims')).toHaveLength(2);
    fake.setClaims([]);
    fake.emit({ type: 'hub.changed', what: 'claims' });
    await settle();
    expect(fake.calls.filter((c) => c === 'hub.claims')).toHaveLength(3);
    expect(hubSnapshot(fake.client).claims.size).toBe(0);
    expect(changes).toBeGreaterThanOrEqual(4);

    // Others' events arrived: the status (sync state) is read again and views move their version.
    const before = hubSnapshot(fake.client).version;
    fake.emit({ type: 'hub.changed', what: 'events' });
    await settle();
    expect(fake.calls.at(-1)).toBe('hub.status');
    expect(hubSnapshot(fake.client).version).toBeGreaterThan(before);

    setHubStatus(fake.client, NOT_JOINED);
    const count = fake.calls.length;
    await vi.advanceTimersByTimeAsync(CLAIMS_POLL_MS * 3);
    expect(fake.calls).toHaveLength(count);
    stop();
  });

  it('stops the poll and the event listener when the last view goes', async () => {
    const fake = fakeBackend(JOINED);
    const stop = subscribeHub(fake.client, () => undefined);
    await settle();
    stop();
    const count = fake.calls.length;
    await vi.advanceTimersByTimeAsync(CLAIMS_POLL_MS * 3);
    expect(fake.calls).toHaveLength(count);
    expect(fake.listeners()).toBe(0);
  });

  it('folds a burst of hub.changed events into one call in flight and one after it', async () => {
    const fake = fakeBackend(NOT_JOINED);
    const stop = subscribeHub(fake.client, () => undefined);
    for (let i = 0; i < 5; i++) fake.emit({ type: 'hub.changed', what: 'status' });
    await settle();
    expect(fake.calls).toEqual(['hub.status', 'hub.status']);
    stop();
  });
});
