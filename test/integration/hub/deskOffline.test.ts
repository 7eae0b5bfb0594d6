// A desk whose hub cannot be reached keeps working locally (state 'unreachable', the sentence in
// lastError) and catches up both ways once the hub is back; events naming an item this desk has not
// synced yet wait (parked) and are applied after the platform pull brings it.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { prepared } from '../../../src/store/statements.ts';
import { freshHub } from './support.ts';
import { joinUrl, localItemId, newMemberToken, openDesk, removeDir, sharedItem, syncItems, value, type Desk } from './deskSupport.ts';

/** A TCP relay to PostgreSQL that the test can cut and restore on the same port: the desk's network. */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: number) {}

  async up(): Promise<void> {
    const server = createServer((inbound) => {
      const outbound = connect(this.target, '127.0.0.1');
      for (const s of [inbound, outbound]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address === 'object' && address) this.port = address.port;
    this.server = server;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe.runIf(needsPostgres('a desk offline from its hub'))('a desk offline from its team hub', () => {
  const cluster = usePostgres();
  const opened: Desk[] = [];
  afterEach(async () => {
    for (const desk of opened.splice(0)) {
      await desk.close();
      removeDir(desk.dataDir);
    }
  });

  it('keeps working while the hub is unreachable and catches up when it is back', async () => {
    const hub = await freshHub(cluster());
    const relay = new Relay(Number(new URL(hub.url).port));
    await relay.up();
    const viaRelay = new URL(hub.url);
    viaRelay.port = String(relay.port);
    const benToken = await newMemberToken(hub.pool, hub.owner.token, 'Ben', 'moderator');
    const a = openDesk('Ana');
    const b = openDesk('Ben');
    opened.push(a, b);
    for (const desk of [a, b]) syncItems(desk.backend, [sharedItem(1), sharedItem(2)]);
    await value(a.client.call('hub.join', { url: joinUrl(hub.url, hub.owner.token) }));
    await value(b.client.call('hub.join', { url: joinUrl(viaRelay.toString(), benToken) }));
    await b.backend.hub.idle();

    await relay.down();
    const offline = await value(b.client.call('queue.decide', { itemId: localItemId(b.backend, 't1_shared1'), action: 'spam' }));
    const run = await value(b.client.call('hub.sync', {}));
    expect(run).toMatchObject({ pushed: 0, pulled: 0 });
    expect(run.sync).toMatchObject({ state: 'unreachable', pendingPush: 1 });
    expect(run.sync.lastError).toMatch(/cannot (reach|connect to) the hub database/);
    expect(run.sync.lastError).not.toContain(benToken);
    // Local work goes on: the decision is here and its item moved.
    expect(prepared(b.backend.context.db, "SELECT state FROM items WHERE remote_id = 't1_shared1'").pluck().get()).toBe('spam');

    // Meanwhile Ana decides on an item Ben's desk has not synced yet, and on one it has.
    syncItems(a.backend, [sharedItem(3)]);
    const onNew = await value(a.client.call('queue.decide', { itemId: localItemId(a.backend, 't1_shared3'), action: 'remove' }));
    const onKnown = await value(a.client.call('items.addNote', { itemId: localItemId(a.backend, 't1_shared2'), body: 'Asked the brand' }));
    await value(a.client.call('hub.sync', {}));

    await relay.up();
    const back = await value(b.client.call('hub.sync', {}));
    expect(back).toMatchObject({ pushed: 1, pulled: 3, applied: 1 });
    expect(back.sync).toMatchObject({ state: 'idle', pendingPush: 0, parked: 1, lastError: null });
    expect(prepared(b.backend.context.db, 'SELECT count(*) FROM notes WHERE id = ?').pluck().get(onKnown.id)).toBe(1);

    // The platform pull brings the item; the parked decision is applied once, then never again.
    syncItems(b.backend, [sharedItem(3)]);
    b.backend.hub.retryParked();
    await value(b.client.call('hub.sync', {}));
    const db = b.backend.context.db;
    expect(prepared(db, 'SELECT count(*) FROM decisions WHERE id = ?').pluck().get(onNew.decisionId)).toBe(1);
    expect(prepared(db, "SELECT state FROM items WHERE remote_id = 't1_shared3'").pluck().get()).toBe('removed');
    expect((await value(b.client.call('hub.status', {}))).sync).toMatchObject({ state: 'idle', parked: 0 });

    await value(a.client.call('hub.sync', {}));
    expect(prepared(a.backend.context.db, 'SELECT count(*) FROM decisions WHERE id = ?').pluck().get(offline.decisionId)).toBe(1);
    expect(prepared(a.backend.context.db, "SELECT state FROM items WHERE remote_id = 't1_shared1'").pluck().get()).toBe('spam');
    await relay.down();
    await hub.pool.end();
  });
});
