// New items from a sync are scored by the shipped models without anyone asking.
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../src/backend/openBackend.ts';
import { databaseFileIn } from '../../../src/backend/paths.ts';
import { initDemoAccounts } from '../../../src/backend/sync/index.ts';
import { startSimulators } from '../../../src/platforms/sim/index.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();

describe('automatic scoring', () => {
  it('scores every pulled item with every model version after a sync', async () => {
    const sims = await startSimulators({ port: 0, seed: 11, faultRate: 0 });
    const dataDir = tempDir();
    const backend = openBackend({ dataDir, host: 'in-process' });
    try {
      const accounts = await initDemoAccounts(backend.context, sims.url);
      expect(accounts.ok).toBe(true);
      const summary = await backend.sync.syncNow({ maxWaitMs: 5_000 });
      expect(summary.pulled).toBeGreaterThan(100);
    } finally {
      await backend.close(); // waits for the scoring pass the pull scheduled
      await sims.close();
    }
    const db = openDatabase(databaseFileIn(dataDir));
    const items = db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number;
    // self_promotion is a comment's sponsorship score (src/ml/contentKind.ts); posts and captions have none.
    const comments = db.prepare("SELECT COUNT(*) FROM items WHERE kind = 'comment'").pluck().get() as number;
    const models = db.prepare('SELECT model, COUNT(*) AS n FROM scores GROUP BY model ORDER BY model').all() as { model: string; n: number }[];
    db.close();
    expect(models.map((m) => m.model)).toEqual(['commercial', 'disclosure', 'disclosure_present', 'self_promotion', 'spam', 'toxicity', 'undisclosed_sponsorship']);
    for (const m of models) expect(m.n).toBe(m.model === 'self_promotion' ? comments : items);
  });
});
