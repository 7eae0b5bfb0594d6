import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledCorpus, DEMO_MODERATOR, openDemoWorkspace } from '../../../src/backend/demoWorkspace.ts';
import { openBackend } from '../../../src/backend/openBackend.ts';
import { defaultResourcesDir } from '../../../src/backend/paths.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir();
afterEach(() => vi.unstubAllEnvs());

describe('demo workspace', () => {
  it('ships a bundled sample of real rows for machines without the datasets', () => {
    const corpus = bundledCorpus(defaultResourcesDir());
    expect(corpus.youtube.length).toBeGreaterThan(100);
    expect(corpus.instagram.length).toBeGreaterThan(100);
    expect(corpus.forum.length).toBeGreaterThan(100);
    expect(corpus.youtube.every((row) => row.text.length > 0 && row.source.startsWith('spam/youtube-spam-collection/'))).toBe(true);
  });

  it('syncs the simulators into a fresh workspace, falling back to the bundled sample', async () => {
    vi.stubEnv('STOA_DATASETS', join(tempDir(), 'no-datasets-here'));
    const dataDir = join(tempDir(), 'demo');
    const demo = await openDemoWorkspace(dataDir);
    try {
      expect(demo.corpusOrigin).toContain('resources/demo/seed.json');
      expect(demo.firstSync.pulled).toBeGreaterThan(100);
      expect(demo.firstSync.failed).toBe(0);
      const platforms = demo.backend.context.db.prepare('SELECT DISTINCT platform FROM items ORDER BY platform').pluck().all();
      expect(platforms).toEqual(['discourse', 'instagram', 'reddit', 'youtube']);
      // Pinterest is a publishing target and audit source with no queue: an account, no items.
      expect(demo.backend.context.db.prepare('SELECT platform FROM accounts ORDER BY platform').pluck().all()).toContain('pinterest');
      // Decisions in the demo are signed by its moderator profile, not the OS user.
      const profiles = await demo.backend.handlers['profiles.list']({});
      expect(profiles.profiles.map((p) => p.name)).toEqual([DEMO_MODERATOR]);
      expect(profiles.activeId).toBe(profiles.profiles[0]?.id);
      const item = demo.backend.context.db.prepare("SELECT id FROM items WHERE platform = 'reddit' AND state = 'open' LIMIT 1").pluck().get() as string;
      await demo.backend.handlers['queue.decide']({ itemId: item, action: 'approve' });
      expect(demo.backend.context.db.prepare('SELECT actor FROM decisions WHERE item_id = ?').pluck().all(item)).toEqual([DEMO_MODERATOR]);
    } finally {
      await demo.close();
    }
  });

  it('refuses to reset a folder that holds a real workspace', async () => {
    const dataDir = tempDir();
    await openBackend({ dataDir, host: 'in-process' }).close();
    await expect(openDemoWorkspace(dataDir)).rejects.toThrow(/not a demo/);
  });
});
