// queue.decide with a client request id, over both transports: a call retried after its reply was
// lost returns the first decision and records nothing new; the same id with another input is
// refused with a clear conflict; calls without an id stay independent decisions.
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { countDecisions } from '../../../src/store/decisions.ts';
import { upsertItems } from '../../../src/store/items.ts';
import { fixedClock } from '../../support/fixedClock.ts';
import { sampleItem } from '../../support/sampleItems.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace, type TransportKind } from '../../support/workspace.ts';

const tempDir = useTempDir();
let open: TestWorkspace | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

describe.each<TransportKind>(['in-process', 'http'])('queue.decide request ids over %s', (kind) => {
  it('returns the first decision for a retried request and refuses the id for another decision', async () => {
    open = await openTestWorkspace(tempDir(), kind);
    const { client, backend } = open;
    const { db } = backend.context;
    upsertItems(db, [sampleItem(1), sampleItem(2)], fixedClock());
    const [first, second] = (await callOrThrow(client, 'items.list', { limit: 2 })).items;
    if (!first || !second) throw new Error('need two items');

    const request = { itemId: first.id, action: 'remove' as const, reason: 'rule 2', requestId: 'req-7f3a' };
    const decided = await callOrThrow(client, 'queue.decide', request);
    const retried = await callOrThrow(client, 'queue.decide', request);
    expect(retried).toEqual(decided);
    expect(decided).toMatchObject({ itemId: first.id, action: 'remove', state: 'removed' });
    expect(countDecisions(db)).toBe(1);
    expect((await callOrThrow(client, 'items.get', { id: first.id })).decisions).toHaveLength(1);
    expect(await callOrThrow(client, 'audit.verify', {})).toMatchObject({ ok: true, checked: 1 });

    // The same id for anything else is a caller's mistake, said plainly; nothing is recorded.
    for (const other of [{ ...request, action: 'approve' as const }, { ...request, itemId: second.id }, { ...request, reason: 'rule 3' }]) {
      const refused = await client.call('queue.decide', other);
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('req-7f3a was already used') } });
    }
    expect(countDecisions(db)).toBe(1);

    // Without an id, or with a new one, each call is its own decision.
    await callOrThrow(client, 'queue.decide', { itemId: first.id, action: 'approve' });
    await callOrThrow(client, 'queue.decide', { itemId: first.id, action: 'approve', requestId: 'req-8b21' });
    expect(countDecisions(db)).toBe(3);
    expect(await client.call('queue.decide', { itemId: first.id, action: 'approve', requestId: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
