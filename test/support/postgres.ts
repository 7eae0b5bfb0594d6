// A throwaway PostgreSQL cluster for the hub's integration tests (src/hub/throwawayCluster.ts, which
// `stoa bench -s hub` shares): initdb into a temporary folder, on 127.0.0.1, stopped and removed
// afterwards. The binaries come from $STOA_PG_BIN, else the newest /usr/lib/postgresql/N/bin
// (Debian's `postgresql` package, which .ci/run installs). Without them the suites skip, and say so
// in one line.
import { afterAll, beforeAll } from 'vitest';
import { findPostgresBinaries, missingPostgresReason, startThrowawayCluster, type ThrowawayCluster } from '../../src/hub/throwawayCluster.ts';

export const POSTGRES_BIN = findPostgresBinaries();

/** True when PostgreSQL's binaries are here; otherwise prints one line naming the skipped suite. */
export function needsPostgres(suite: string): boolean {
  if (POSTGRES_BIN === null) {
    console.warn(`skipped "${suite}": it needs PostgreSQL's binaries (${missingPostgresReason()})`);
  }
  return POSTGRES_BIN !== null;
}

export type TestPostgres = ThrowawayCluster;

export async function startPostgres(): Promise<TestPostgres> {
  if (POSTGRES_BIN === null) throw new Error('PostgreSQL binaries are missing; guard the suite with needsPostgres()');
  return startThrowawayCluster(POSTGRES_BIN);
}

/** One cluster for a test file: started before its tests, stopped after them. */
export function usePostgres(): () => TestPostgres {
  let cluster: TestPostgres | null = null;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  return () => {
    if (cluster === null) throw new Error('the PostgreSQL cluster is not started yet (call inside a test)');
    return cluster;
  };
}
