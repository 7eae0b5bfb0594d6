// `stoa bench -s hub` with a tiny N: the report's shape and positive numbers (never timings), the
// lent database left as it was found, a database holding a hub refused, and the one-line skip.
import { describe, expect, it, vi } from 'vitest';
import { hubBench } from '../../../src/backend/bench/hubBench.ts';
import type { BenchEntry } from '../../../src/backend/bench/types.ts';
import { openHubPool } from '../../../src/hub/connect.ts';
import { needsPostgres, usePostgres } from '../../support/postgres.ts';
import { freshHub } from './support.ts';

const ENV_KEYS = ['STOA_BENCH_HUB_DATABASE', 'STOA_BENCH_HUB_EVENTS', 'STOA_PG_BIN'] as const;

async function withEnv<T>(vars: Partial<Record<(typeof ENV_KEYS)[number], string>>, work: () => Promise<T>): Promise<T> {
  const saved = ENV_KEYS.map((key) => [key, process.env[key]] as const);
  for (const key of ENV_KEYS) {
    const value = vars[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    return await work();
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function expectReport(entries: BenchEntry[], events: number): void {
  expect(entries.map((e) => [e.name, e.unit, e.better])).toEqual([
    ['hub.push_events', 'events/s', 'higher'],
    ['hub.pull_events', 'events/s', 'higher'],
    ['hub.catch_up_events', 'events/s', 'higher'],
    ['hub.catch_up_seconds', 's', 'lower'],
  ]);
  for (const entry of entries) {
    expect(entry.value).toBeGreaterThan(0);
    expect(entry.baseline.value).toBeGreaterThan(0);
    expect(entry.ratio).toBeGreaterThan(0);
    expect(Number.isFinite(entry.ratio)).toBe(true);
    expect(entry.notes).toContain(String(events));
  }
  // The three rates share one baseline: the bare INSERT of the same events in the same run.
  expect(new Set(entries.slice(0, 3).map((e) => e.baseline.value)).size).toBe(1);
  expect(entries[0]!.baseline.name).toMatch(new RegExp(`bare multi-row INSERT of the same ${events} events`));
}

describe.runIf(needsPostgres('hub bench'))('stoa bench -s hub on PostgreSQL', () => {
  const cluster = usePostgres();

  it('measures a lent scratch database with a tiny N and leaves it without the hub it made', async () => {
    const url = await cluster().createDatabase(`bench_lent_${process.pid}`);
    // 1,100 events: two full push batches and a part, a pull page and a part.
    const entries = await withEnv({ STOA_BENCH_HUB_DATABASE: url, STOA_BENCH_HUB_EVENTS: '1100' }, () => hubBench.run());
    expectReport(entries, 1100);
    expect(entries[0]!.notes).toContain('STOA_BENCH_HUB_DATABASE');
    const pool = await openHubPool(url, { max: 1 });
    try {
      const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname LIKE 'stoa_hub%'");
      expect(rows[0]?.n).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it('refuses a database that already holds a hub, and leaves that hub alone', async () => {
    const { pool, url } = await freshHub(cluster(), 'Real team');
    try {
      await expect(withEnv({ STOA_BENCH_HUB_DATABASE: url, STOA_BENCH_HUB_EVENTS: '10' }, () => hubBench.run())).rejects.toThrow(/already has a stoa_hub schema/);
      const { rows } = await pool.query<{ name: string }>('SELECT name FROM stoa_hub.workspaces');
      expect(rows.map((r) => r.name)).toEqual(['Real team']);
    } finally {
      await pool.end();
    }
  });

  it('starts its own throwaway cluster when no database is named', async () => {
    const entries = await withEnv({ STOA_BENCH_HUB_EVENTS: '600' }, () => hubBench.run());
    expectReport(entries, 600);
    expect(entries[0]!.notes).toContain('throwaway PostgreSQL cluster');
  });
});

describe('stoa bench -s hub without PostgreSQL', () => {
  it('records one "skipped:" line and no entries', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const entries = await withEnv({ STOA_PG_BIN: '/nonexistent/postgresql/bin' }, () => hubBench.run());
      expect(entries).toEqual([]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/^skipped: hub — it needs PostgreSQL: .*STOA_PG_BIN=\/nonexistent\/postgresql\/bin has no initdb/);
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses an event count that is not a whole number', async () => {
    await expect(withEnv({ STOA_BENCH_HUB_EVENTS: '1e3x' }, () => hubBench.run())).rejects.toThrow(/STOA_BENCH_HUB_EVENTS is a whole number/);
  });
});
