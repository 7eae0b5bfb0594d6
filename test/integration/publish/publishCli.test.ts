// `stoa post publish ID --json` queues a valid post (state publishing, no permalink yet) and refuses
// an invalid one; `stoa sync` then sends it, and `stoa post show` has the simulator's permalink.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import type { RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { runCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { CATALOG_SEED, openPublishWorkspace, published, startInstagram } from './harness.ts';

const tempDir = useTempDir('stoa-publish-cli-');
let sim: RunningSimulators;
beforeAll(async () => {
  sim = await startInstagram('publish-cli', { catalogProducts: CATALOG_SEED });
});
afterAll(async () => {
  await sim.close();
});

describe('stoa post publish', () => {
  it('queues, and stoa sync publishes with the permalink', { timeout: 120_000 }, async () => {
    const dataDir = join(tempDir(), 'workspace');
    const ws = await openPublishWorkspace(dataDir, sim, 1);
    const valid = await callOrThrow(ws.client, 'posts.create', { content: { targets: ['instagram'], caption: '#ad The linen shirt, at last.', media: [{ assetId: ws.assets[0] as string }], productTags: [{ mediaIndex: 0, productId: 'LS-M-NAT', x: 0.5, y: 0.5 }] } });
    const invalid = await callOrThrow(ws.client, 'posts.create', { content: { targets: ['instagram'], caption: 'y'.repeat(2201), media: [{ assetId: ws.assets[0] as string }], productTags: [] } });
    ws.close();

    const queued = await runCli(['post', 'publish', valid.post.id, '--data-dir', dataDir, '--json']);
    expect(queued.stderr).toBe('');
    expect(queued.code).toBe(0);
    expect(JSON.parse(queued.stdout)).toEqual({ id: valid.post.id, state: 'publishing', permalink: null, failure: null });

    const refused = await runCli(['post', 'publish', invalid.post.id, '--data-dir', dataDir, '--json']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Only a valid post can be published; this one is draft/);

    const synced = await runCli(['sync', '--data-dir', dataDir], { timeoutMs: 60_000 });
    expect(synced.code).toBe(0);
    const shown = JSON.parse((await runCli(['post', 'show', valid.post.id, '--data-dir', dataDir])).stdout) as { state: string; permalink: string | null };
    const [media] = published(sim);
    expect(shown).toMatchObject({ state: 'published', permalink: media?.permalink });
    expect(media?.product_tags).toHaveLength(1);
  });
});
