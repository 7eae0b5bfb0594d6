// Migration 0004 (sync) on a workspace that already has items, decisions and an outbox entry from
// before it: the rows survive, old entries get an empty target (the engine fails them clearly
// rather than guessing), and the new tables work.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addAccount } from '../../../src/store/accounts.ts';
import { aesGcmCipher } from '../../../src/store/secrets.ts';
import { recordDecision } from '../../../src/store/decisions.ts';
import { itemTarget, setItemRemote } from '../../../src/store/itemRemote.ts';
import { MIGRATIONS } from '../../../src/store/migrations/index.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { listOutbox } from '../../../src/store/outbox.ts';
import { countQuarantined, quarantinePayload } from '../../../src/store/quarantine.ts';
import { parseTarget } from '../../../src/sync/target.ts';
import { fixedClock } from '../../support/fixedClock.ts';
import { sampleItem } from '../../support/sampleItems.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-migrate-');
const who = { actor: 'tester', deviceId: 'device-1' };

describe('migration 0004-sync', () => {
  it('keeps rows written before it and adds the remote side, targets and quarantine', () => {
    const file = join(tempDir(), 'w.sqlite');
    const clock = fixedClock();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 3) });
    const account = addAccount(old, { platform: 'reddit', baseUrl: 'https://oauth.reddit.com', displayName: 'r', secret: '{}' }, aesGcmCipher(Buffer.alloc(32, 1)), who, clock);
    // The item as version-3 code wrote it: today's repository also writes columns added later.
    const at = clock.now().toISOString();
    old.prepare("INSERT INTO items (id, platform, remote_id, kind, account_id, body, created_at, fetched_at, updated_at, raw) VALUES ('i1', 'reddit', 't1_abc', 'comment', ?, ?, ?, ?, ?, '{}')").run(account.id, sampleItem(1).body, at, at, at);
    const itemId = old.prepare('SELECT id FROM items').pluck().get() as string;
    const remoteId = old.prepare('SELECT remote_id FROM items').pluck().get() as string;
    recordDecision(old, { itemId, action: 'approve' }, who, clock, (decision) => {
      old
        .prepare(
          `INSERT INTO outbox (id, decision_id, account_id, platform, target_remote_id, action, idempotency_key, created_at, updated_at)
           VALUES ('o1', ?, ?, 'reddit', ?, 'approve', 'k1', ?, ?)`,
        )
        .run(decision.id, account.id, remoteId, decision.createdAt, decision.createdAt);
    });
    old.close();

    const db = openDatabase(file);
    const [entry] = listOutbox(db, { limit: 5 });
    expect(entry).toMatchObject({ id: 'o1', state: 'pending', target: {}, itemId: null, remoteSnapshot: null });
    expect(parseTarget(entry?.target)).toBeNull();
    setItemRemote(db, itemId, { state: 'open', version: '7' }, clock);
    expect(itemTarget(db, itemId)).toMatchObject({ remoteState: 'open', version: '7', accountId: account.id });
    quarantinePayload(db, { accountId: account.id, platform: 'reddit', queue: 'modqueue', payload: { broken: true }, error: 'no id' }, clock);
    expect(countQuarantined(db)).toBe(1);
    db.close();
  });
});
