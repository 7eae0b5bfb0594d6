// Team hub benchmarks (#12), all on one PostgreSQL database in one run: events/s pushed through a
// member token (zod validation, row-level security, the per-workspace append lock and sequence
// trigger, idempotency read-back), events/s pulled in pages of 1,000, and the catch-up of a desk
// that was offline (100,000 events from cursor 0 in pullEvents' default pages) — each set against
// a bare multi-row INSERT of the same events into a plain copy of the events table
// (src/hub/benchBaselines.ts), interleaved with the push. The database is $STOA_BENCH_HUB_DATABASE
// (a scratch database: the bench refuses one that holds a hub, and drops what it made), else a
// throwaway cluster from PostgreSQL's binaries with durable settings; without either the suite is
// skipped in one line. $STOA_BENCH_HUB_EVENTS sets a smaller N for smoke runs.
import { v7 } from 'uuid';
import { createBareEventsTable, dropBenchSchemas, hubSchemasPresent, insertBareEvents, type BareEventRow } from '../../hub/benchBaselines.ts';
import { openHubPool, redactUrl, type HubPool } from '../../hub/connect.ts';
import { HubError } from '../../hub/errors.ts';
import { addMember, createWorkspace } from '../../hub/members.ts';
import { migrateHub } from '../../hub/migrate.ts';
import { pullEvents } from '../../hub/pull.ts';
import { pushEvents, type HubEventInput } from '../../hub/push.ts';
import { findPostgresBinaries, missingPostgresReason, startThrowawayCluster } from '../../hub/throwawayCluster.ts';
import { StoaUserError } from '../errors.ts';
import { ratioOf, type BenchEntry, type BenchSuite } from './types.ts';

export const HUB_BENCH_EVENTS = 100_000;
const CATCH_UP_EVENTS = 100_000;
const PUSH_BATCH = 500;
const PULL_PAGE = 1000;
const ACTIONS = ['remove', 'approve', 'spam', 'lock'] as const;

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

function eventCount(env: NodeJS.ProcessEnv): number {
  const raw = env['STOA_BENCH_HUB_EVENTS'];
  if (raw === undefined || raw === '') return HUB_BENCH_EVENTS;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1 || n > 10_000_000) {
    throw new StoaUserError(`STOA_BENCH_HUB_EVENTS is a whole number of events from 1 to 10,000,000 (got "${raw}").`);
  }
  return n;
}

/** Decisions shaped like a desk's: across desks an item is (platform, remote_id). */
function decisions(n: number, device: string): HubEventInput[] {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: n }, (_, i) => ({
    id: v7(),
    kind: 'decision',
    device,
    payload: { platform: 'reddit', remoteId: `t1_bench${i}`, action: ACTIONS[i % ACTIONS.length], reason: i % 3 === 0 ? 'Spam or self-promotion' : null, note: `bench decision ${i}` },
    createdAt: new Date(start + i * 1000).toISOString(),
  }));
}

function batches<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`the hub refused the bench: ${result.error.message}`);
  return result.value;
}

/** Pulls from cursor 0 until `wanted` events came or the stream ended; the count it got. */
async function pullFromStart(pool: HubPool, token: string, wanted: number, page?: number): Promise<number> {
  let cursor = 0;
  let got = 0;
  for (;;) {
    const next = expectOk(await pullEvents(pool, token, cursor, page));
    got += next.events.length;
    cursor = next.cursor;
    if (!next.more || got >= wanted) return got;
  }
}

interface Measured {
  readonly events: number;
  readonly bareSeconds: number;
  readonly pushSeconds: number;
  readonly pullSeconds: number;
  readonly catchUpEvents: number;
  readonly catchUpSeconds: number;
}

async function measure(pool: HubPool, n: number): Promise<Measured> {
  await migrateHub(pool);
  await createBareEventsTable(pool);
  const owner = await createWorkspace(pool, { workspace: `Bench ${v7()}`, owner: 'Ana' });
  const member = async (name: string, role: 'moderator' | 'viewer') => expectOk(await addMember(pool, owner.token, { name, role }));
  const pusher = await member('Ben', 'moderator');
  const puller = await member('Chloé', 'moderator');
  const offline = await member('Dana', 'viewer');

  const events = decisions(n, 'bench-desk-1');
  const bare: BareEventRow[] = events.map((e, i) => ({ ...e, seq: i + 1, workspaceId: owner.workspaceId, actor: pusher.memberId }));

  // (a) the baseline, bare multi-row INSERTs, and (b) pushEvents through a moderator's token, 500
  // a batch each, interleaved batch by batch (which goes first alternating), so that load from
  // elsewhere on the machine falls on both alike and their ratio stays meaningful.
  const bareBatches = batches(bare, PUSH_BATCH);
  const pushBatches = batches(events, PUSH_BATCH);
  let bareSeconds = 0;
  let pushSeconds = 0;
  let stored = 0;
  const timeBare = async (i: number) => {
    const start = process.hrtime.bigint();
    await insertBareEvents(pool, bareBatches[i] ?? []);
    bareSeconds += seconds(start);
  };
  const timePush = async (i: number) => {
    const start = process.hrtime.bigint();
    const result = expectOk(await pushEvents(pool, pusher.token, pushBatches[i] ?? []));
    pushSeconds += seconds(start);
    stored += result.filter((r) => r.status === 'stored').length;
  };
  for (let i = 0; i < pushBatches.length; i++) {
    if (i % 2 === 0) {
      await timeBare(i);
      await timePush(i);
    } else {
      await timePush(i);
      await timeBare(i);
    }
  }
  if (stored !== n) throw new Error(`the hub stored ${stored} of the ${n} pushed events`);

  // (c) pullEvents of all of them by another member, 1,000 a page.
  let start = process.hrtime.bigint();
  const pulled = await pullFromStart(pool, puller.token, n, PULL_PAGE);
  const pullSeconds = seconds(start);
  if (pulled !== n) throw new Error(`the pull returned ${pulled} of the ${n} events`);

  // (d) Catch-up of a desk that was offline: from cursor 0 in the pull's default pages.
  const wanted = Math.min(n, CATCH_UP_EVENTS);
  start = process.hrtime.bigint();
  const catchUpEvents = await pullFromStart(pool, offline.token, wanted);
  const catchUpSeconds = seconds(start);
  if (catchUpEvents < wanted) throw new Error(`the catch-up returned ${catchUpEvents} of ${wanted} events`);
  return { events: n, bareSeconds, pushSeconds, pullSeconds, catchUpEvents, catchUpSeconds };
}

function entries(m: Measured, where: string): BenchEntry[] {
  const rate = (events: number, s: number) => Math.round(events / s);
  const bareRate = rate(m.events, m.bareSeconds);
  const baseline = { name: `bare multi-row INSERT of the same ${m.events} events into a plain copy of stoa_hub.events (no trigger, no RLS), 500 a statement`, value: bareRate };
  const catchUpRate = rate(m.catchUpEvents, m.catchUpSeconds);
  // The bare INSERT's time for as many events as the catch-up read: the write floor it is set against.
  const bareCatchUpSeconds = (m.bareSeconds * m.catchUpEvents) / m.events;
  const round3 = (s: number) => Math.round(s * 1000) / 1000;
  return [
    {
      name: 'hub.push_events',
      unit: 'events/s',
      value: rate(m.events, m.pushSeconds),
      baseline,
      ratio: ratioOf(m.events / m.pushSeconds, m.events / m.bareSeconds, 'higher'),
      better: 'higher',
      notes: `${m.events} decision events pushed with pushEvents in batches of ${PUSH_BATCH} through a moderator's token (validation, row-level security, append lock and sequence trigger, idempotency read-back), interleaved batch by batch with the baseline's; ${where}`,
    },
    {
      name: 'hub.pull_events',
      unit: 'events/s',
      value: rate(m.events, m.pullSeconds),
      baseline,
      ratio: ratioOf(m.events / m.pullSeconds, m.events / m.bareSeconds, 'higher'),
      better: 'higher',
      notes: `all ${m.events} events pulled by another member with pullEvents in pages of ${PULL_PAGE} from cursor 0; ${where}`,
    },
    {
      name: 'hub.catch_up_events',
      unit: 'events/s',
      value: catchUpRate,
      baseline,
      ratio: ratioOf(m.catchUpEvents / m.catchUpSeconds, m.events / m.bareSeconds, 'higher'),
      better: 'higher',
      notes: `a desk that was offline (a viewer) pulls ${m.catchUpEvents} events from cursor 0 in pullEvents' default pages in ${round3(m.catchUpSeconds)} s; ${where}`,
    },
    {
      name: 'hub.catch_up_seconds',
      unit: 's',
      value: round3(m.catchUpSeconds),
      baseline: { name: `the bare INSERT's time for ${m.catchUpEvents} of the same events`, value: round3(bareCatchUpSeconds) },
      ratio: ratioOf(m.catchUpSeconds, bareCatchUpSeconds, 'lower'),
      better: 'lower',
      notes: `catch-up of ${m.catchUpEvents} events from cursor 0 at ${catchUpRate} events/s; ${where}`,
    },
  ];
}

async function onDatabase(url: string, n: number, where: string, lent: boolean): Promise<BenchEntry[]> {
  let pool: HubPool;
  try {
    pool = await openHubPool(url, { max: 2 });
  } catch (error) {
    if (error instanceof HubError) throw new StoaUserError(`STOA_BENCH_HUB_DATABASE: ${error.message}`);
    throw error;
  }
  try {
    if (lent && (await hubSchemasPresent(pool))) {
      throw new StoaUserError(`The hub bench needs an empty scratch database, and ${redactUrl(url)} already has a stoa_hub schema; point STOA_BENCH_HUB_DATABASE at another database.`);
    }
    try {
      return entries(await measure(pool, n), where);
    } finally {
      if (lent) await dropBenchSchemas(pool);
    }
  } finally {
    await pool.end();
  }
}

export const hubBench: BenchSuite = {
  name: 'hub',
  async run(): Promise<BenchEntry[]> {
    const n = eventCount(process.env);
    const url = process.env['STOA_BENCH_HUB_DATABASE'];
    if (url) return onDatabase(url, n, `PostgreSQL at ${redactUrl(url)} (STOA_BENCH_HUB_DATABASE)`, true);
    const bin = findPostgresBinaries();
    if (bin === null) {
      console.warn(`skipped: hub — it needs PostgreSQL: set STOA_BENCH_HUB_DATABASE to a scratch database's URL, or install PostgreSQL's binaries (${missingPostgresReason()})`);
      return [];
    }
    const cluster = await startThrowawayCluster(bin, { durable: true });
    try {
      const url = await cluster.createDatabase('stoa_hub_bench');
      return await onDatabase(url, n, `a throwaway PostgreSQL cluster (${bin}, durable defaults) on 127.0.0.1 on this machine`, false);
    } finally {
      await cluster.stop();
    }
  },
};
