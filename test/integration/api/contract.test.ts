// The same contract tests against the in-process transport and the real HTTP server.
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import type { Transport } from '../../../src/api/client.ts';
import { upsertItems } from '../../../src/store/items.ts';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index.ts';
import { appendAudit } from '../../../src/store/audit.ts';
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

async function workspaceWith(kind: TransportKind, items = 0): Promise<TestWorkspace> {
  open = await openTestWorkspace(tempDir(), kind);
  if (items > 0) upsertItems(open.backend.context.db, Array.from({ length: items }, (_, i) => sampleItem(i)), fixedClock());
  return open;
}

describe.each<TransportKind>(['in-process', 'http'])('contract over %s', (kind) => {
  it('system.info describes the workspace', async () => {
    const { client, backend } = await workspaceWith(kind, 3);
    const info = await callOrThrow(client, 'system.info', {});
    expect(info).toMatchObject({ schemaVersion: SCHEMA_VERSION, dataDir: backend.context.dataDir, demo: false, models: [], counts: { items: 3, decisions: 0 } });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.host).toBe(kind === 'http' ? 'server' : 'in-process');
  });

  it('items.list pages with cursors and reports the total', async () => {
    const { client } = await workspaceWith(kind, 12);
    const first = await callOrThrow(client, 'items.list', { limit: 5 });
    expect(first.total).toBe(12);
    expect(first.items).toHaveLength(5);
    const second = await callOrThrow(client, 'items.list', { limit: 5, cursor: first.nextCursor });
    expect((second.items[0]?.createdAt ?? "") < (first.items.at(-1)?.createdAt ?? "")).toBe(true);
    const bad = await client.call('items.list', { cursor: 'not-a-cursor' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('items.search finds text and items.get returns the full record', async () => {
    const { client, backend } = await workspaceWith(kind);
    upsertItems(backend.context.db, [sampleItem(1, { body: 'Use code GLOW20 for 20% off' }), sampleItem(2)], fixedClock());
    const found = await callOrThrow(client, 'items.search', { query: 'glow20' });
    expect(found.items.map((i) => i.remoteId)).toEqual(['c1']);
    const detail = await callOrThrow(client, 'items.get', { id: found.items[0]?.id as string });
    expect(detail).toMatchObject({ remoteId: 'c1', body: 'Use code GLOW20 for 20% off', raw: { id: 'c1' }, reports: [], decisions: [] });
    expect(await client.call('items.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('queue.decide records the decision, moves the item and audits it', async () => {
    const { client } = await workspaceWith(kind, 2);
    const [item] = (await callOrThrow(client, 'items.list', { limit: 1 })).items;
    const decided = await callOrThrow(client, 'queue.decide', { itemId: item?.id as string, action: 'remove', reason: 'rule 2: no self-promotion' });
    expect(decided).toMatchObject({ itemId: item?.id, action: 'remove', state: 'removed' });
    const detail = await callOrThrow(client, 'items.get', { id: item?.id as string });
    expect(detail.state).toBe('removed');
    expect(detail.decisions).toMatchObject([{ action: 'remove', reason: 'rule 2: no self-promotion' }]);
    expect(await callOrThrow(client, 'audit.verify', {})).toMatchObject({ ok: true, checked: 1 });
    expect(await client.call('queue.decide', { itemId: 'missing', action: 'approve' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await client.call('queue.decide', { itemId: item?.id as string, action: 'delete' as never })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('items.addNote keeps notes on the item in order, audits them, and refuses empty ones or unknown items', async () => {
    const { client } = await workspaceWith(kind, 1);
    const [item] = (await callOrThrow(client, 'items.list', { limit: 1 })).items;
    const id = item?.id as string;
    const first = await callOrThrow(client, 'items.addNote', { itemId: id, body: '  second warning for self-promotion  ' });
    expect(first.body).toBe('second warning for self-promotion');
    await callOrThrow(client, 'items.addNote', { itemId: id, body: 'brand confirmed: paid post' });
    expect((await callOrThrow(client, 'items.get', { id })).notes.map((n) => n.body)).toEqual(['second warning for self-promotion', 'brand confirmed: paid post']);
    expect(await callOrThrow(client, 'audit.verify', {})).toMatchObject({ ok: true, checked: 2 });
    expect(await client.call('items.addNote', { itemId: id, body: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await client.call('items.addNote', { itemId: 'missing', body: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await callOrThrow(client, 'items.get', { id })).notes).toHaveLength(2);
  });

  it('audit.verify checks the chain', async () => {
    const { client, backend } = await workspaceWith(kind);
    appendAudit(backend.context.db, { actor: 'a', deviceId: 'd', action: 'test' }, fixedClock());
    expect(await callOrThrow(client, 'audit.verify', {})).toEqual({ ok: true, status: 'intact', checked: 1, firstBadSeq: null, problem: null, lastSeq: 1, anchor: { seq: 1, hash: expect.any(String), at: expect.any(String) } });
  });

  it('rejects schema-invalid input and unknown methods with typed errors, writing nothing', async () => {
    const { client, backend } = await workspaceWith(kind, 2);
    const invalid = await client.call('items.list', { limit: 0 } as never);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'limit' }] } });
    const extra = await client.call('items.get', { id: 'x', drop: 'table' } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const transport = (client as unknown as { call: Transport['call'] });
    const unknown = await transport.call('items.delete_everything' as never, {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await callOrThrow(client, 'system.info', {})).toMatchObject({ counts: { items: 2, decisions: 0 } });
    expect(backend.context.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
  });

  it('delivers backend events to subscribers', async () => {
    const { client, backend } = await workspaceWith(kind);
    const received = new Promise((resolve) => {
      const stop = client.subscribe((event) => {
        if (event.type === 'items.changed') {
          stop();
          resolve(event);
        }
      });
    });
    // The HTTP stream needs a moment to connect; emit until the subscriber hears it.
    const timer = setInterval(() => backend.events.emit({ type: 'items.changed', count: 7 }), 50);
    await expect(received).resolves.toEqual({ type: 'items.changed', count: 7 });
    clearInterval(timer);
  });
});
