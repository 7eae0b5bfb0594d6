// SIGKILL during hub push and pull loses nothing and doubles nothing: desk A holds thousands of
// notes for the team; `stoa hub sync` is killed on A while the hub's event count is moving (mid-push)
// and on B while B's notes are moving (mid-pull), several times each, then run to a clean finish.
// The hub ends with each of A's events once, and B with each note once and its cursor at the end.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { addNote } from '../../../src/store/notes.ts';
import { systemClock } from '../../../src/store/clock.ts';
import { prepared } from '../../../src/store/statements.ts';
import { createRng } from '../../../src/platforms/sim/index.ts';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { STOA_BIN } from '../../support/runCli.ts';
import { freshHub } from './support.ts';
import { joinUrl, localItemId, newMemberToken, openDesk, removeDir, sharedItem, syncItems, value, type Desk } from './deskSupport.ts';

const ITEMS = 20;
const NOTES = 12_000;
const KILLS = 3;

interface Run {
  readonly killed: boolean;
  readonly code: number | null;
  readonly stderr: string;
}

/** One `stoa hub sync` on the desk; `killWhen` is polled and the process SIGKILLed (after `delayMs`) once it says so. */
function hubSync(dataDir: string, killWhen: (() => Promise<boolean>) | null, delayMs = 0): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [STOA_BIN, 'hub', 'sync', '--data-dir', dataDir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let done = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const watch = async () => {
      while (!done && killWhen) {
        if (await killWhen()) {
          setTimeout(() => child.kill('SIGKILL'), delayMs);
          return;
        }
        await new Promise((r) => setTimeout(r, 3));
      }
    };
    void watch();
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      done = true;
      resolve({ killed: signal === 'SIGKILL', code, stderr });
    });
  });
}

const countIn = (dataDir: string, sql: string): number => {
  const db = new Database(join(dataDir, 'workspace.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe.runIf(needsPostgres('hub sync killed mid-push and mid-pull'))('stoa hub sync killed mid-push and mid-pull', () => {
  const cluster = usePostgres();
  const opened: Desk[] = [];
  afterEach(() => {
    for (const desk of opened.splice(0)) removeDir(desk.dataDir);
  });

  it('ends with every event on the hub once and every note on the other desk once', { timeout: 240_000 }, async () => {
    const hub = await freshHub(cluster());
    const rng = createRng('killed-hub-sync');
    const a = openDesk('Ana');
    const b = openDesk('Ben');
    opened.push(a, b);
    const items = Array.from({ length: ITEMS }, (_, i) => sharedItem(i + 1));
    for (const desk of [a, b]) syncItems(desk.backend, items);
    await value(a.client.call('hub.join', { url: joinUrl(hub.url, hub.owner.token) }));
    await value(b.client.call('hub.join', { url: joinUrl(hub.url, await newMemberToken(hub.pool, hub.owner.token, 'Ben', 'moderator')) }));
    await a.backend.hub.idle();
    await b.backend.hub.idle();
    // Written while the desk is closed to the hub's timer (intervalMs 0): all of it waits in A's hub outbox.
    const ids = new Set<string>();
    const db = a.backend.context.db;
    const itemIds = items.map((item) => localItemId(a.backend, item.remoteId));
    db.transaction(() => {
      for (let n = 0; n < NOTES; n += 1) ids.add(addNote(db, itemIds[n % ITEMS] ?? '', `Team note ${n}`, a.backend.context.who, systemClock).id);
    })();
    await a.close();
    await b.close();

    const hubEvents = async () => Number((await hub.pool.query<{ n: string }>('SELECT count(*) AS n FROM stoa_hub.events')).rows[0]?.n ?? 0);
    const kills = { push: 0, pull: 0 };
    // Push: killed once the hub's count has moved since this run began, somewhere in a later batch.
    for (let run = 0; kills.push < KILLS && run < KILLS * 3; run += 1) {
      const before = await hubEvents();
      if (before >= NOTES) break;
      const result = await hubSync(a.dataDir, async () => (await hubEvents()) > before, rng.int(0, 40));
      if (result.killed) kills.push += 1;
    }
    const pushedByKilledRuns = await hubEvents();
    // A clean run on A finishes the push, so B's pulls below are killed with the whole set on the hub.
    const finishPush = await hubSync(a.dataDir, null);
    expect(finishPush.stderr).toBe('');
    expect(await hubEvents()).toBe(NOTES);
    // Pull: killed once B's notes have moved since this run began.
    const bNotes = () => countIn(b.dataDir, 'SELECT count(*) FROM notes');
    for (let run = 0; kills.pull < KILLS && run < KILLS * 3; run += 1) {
      const before = bNotes();
      if (before >= NOTES) break;
      const result = await hubSync(b.dataDir, async () => bNotes() > before, rng.int(0, 40));
      if (result.killed) kills.pull += 1;
    }
    expect(kills).toEqual({ push: KILLS, pull: KILLS });
    expect(pushedByKilledRuns).toBeLessThan(NOTES);
    console.warn(`killed hub sync: ${kills.push} SIGKILLs mid-push (${pushedByKilledRuns}/${NOTES} events on the hub by then), ${kills.pull} mid-pull (B had ${bNotes()} notes by then)`);

    // Clean runs finish both sides and exit 0 with nothing left.
    for (const desk of [a, b, a, b]) {
      const clean = await hubSync(desk.dataDir, null);
      expect(clean.killed).toBe(false);
      expect(clean.stderr).toBe('');
    }
    expect((await hubSync(b.dataDir, null)).code).toBe(0);

    const { rows } = await hub.pool.query<{ total: string; distinct_ids: string; max_seq: string }>(
      'SELECT count(*) AS total, count(DISTINCT id) AS distinct_ids, max(seq) AS max_seq FROM stoa_hub.events',
    );
    expect(rows[0]).toMatchObject({ total: String(NOTES), distinct_ids: String(NOTES) });
    const onHub = new Set((await hub.pool.query<{ id: string }>('SELECT id FROM stoa_hub.events')).rows.map((r) => r.id));
    expect([...ids].every((id) => onHub.has(id))).toBe(true);

    const desk = openDesk('Ben', b.dataDir);
    try {
      const bDb = desk.backend.context.db;
      expect(prepared(bDb, 'SELECT count(*) FROM notes').pluck().get()).toBe(NOTES);
      expect(prepared(bDb, 'SELECT count(DISTINCT id) FROM notes').pluck().get()).toBe(NOTES);
      // Nothing B pulled went back out as B's, and B's cursor reached the hub's last sequence.
      expect(prepared(bDb, 'SELECT count(*) FROM hub_outbox').pluck().get()).toBe(0);
      expect((await value(desk.client.call('hub.status', {}))).sync).toMatchObject({ state: 'idle', pendingPush: 0, parked: 0, cursor: Number(rows[0]?.max_seq) });
    } finally {
      await desk.close();
    }
    const aLeft = countIn(a.dataDir, 'SELECT count(*) FROM hub_outbox WHERE hub_seq IS NULL');
    expect(aLeft).toBe(0);
    await hub.pool.end();
  });
});
