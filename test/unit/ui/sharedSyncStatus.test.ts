// The sync status is fetched once per client however many components show it, and a burst of
// backend events folds into at most one call in flight plus one after it.
import { describe, expect, it } from 'vitest';
import { createClient, type Transport } from '../../../src/api/client.ts';
import type { ApiReply } from '../../../src/api/errors.ts';
import type { EventListener } from '../../../src/api/events.ts';
import { refreshSyncStatus, subscribeSyncStatus, type SyncStatus } from '../../../src/ui/hooks/sharedSyncStatus.ts';

function fakeTransport() {
  const listeners = new Set<EventListener>();
  const answers: ((reply: ApiReply<unknown>) => void)[] = [];
  let calls = 0;
  const transport: Transport = {
    call(method) {
      expect(method).toBe('sync.status');
      calls++;
      return new Promise((resolve) => answers.push(resolve));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const status = (n: number) => ({ ok: true, value: { marker: n } }) as unknown as ApiReply<unknown>;
  return {
    client: createClient(transport),
    calls: () => calls,
    listeners: () => listeners.size,
    emit: (count: number) => listeners.forEach((l) => l({ type: 'items.changed', count })),
    answer: async (n: number) => {
      answers.shift()?.(status(n));
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

const markerOf = (s: SyncStatus | undefined) => (s as unknown as { marker: number } | undefined)?.marker;

describe('shared sync status', () => {
  it('asks once for three subscribers and hands each the answer', async () => {
    const fake = fakeTransport();
    const seen: (number | undefined)[][] = [[], [], []];
    const stops = seen.map((list) => subscribeSyncStatus(fake.client, (s) => list.push(markerOf(s))));
    expect(fake.calls()).toBe(1);
    expect(fake.listeners()).toBe(1);
    await fake.answer(1);
    expect(seen).toEqual([[1], [1], [1]]);
    // A late subscriber gets the known status at once, without a call.
    const late: (number | undefined)[] = [];
    stops.push(subscribeSyncStatus(fake.client, (s) => late.push(markerOf(s))));
    expect(late).toEqual([1]);
    expect(fake.calls()).toBe(1);
    stops.forEach((stop) => stop());
    expect(fake.listeners()).toBe(0);
  });

  it('folds a burst of events into one call in flight and one after it', async () => {
    const fake = fakeTransport();
    const seen: (number | undefined)[] = [];
    const stop = subscribeSyncStatus(fake.client, (s) => seen.push(markerOf(s)));
    await fake.answer(1);
    for (let i = 0; i < 20; i++) fake.emit(i);
    refreshSyncStatus(fake.client);
    expect(fake.calls()).toBe(2);
    await fake.answer(2);
    expect(fake.calls()).toBe(3);
    await fake.answer(3);
    expect(fake.calls()).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
    stop();
  });
});
