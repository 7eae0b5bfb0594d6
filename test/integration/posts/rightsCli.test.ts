// `stoa rights` on a real workspace: a queue item used in the studio from the terminal, listed as
// asked, validate failing on rights_not_granted, the answer recorded with `set`, and a refused
// request that cannot be granted afterwards (exit code and one sentence).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../src/backend/openBackend.ts';
import { upsertItems } from '../../../src/store/items.ts';
import { runCli } from '../../support/runCli.ts';
import { sampleItem } from '../../support/sampleItems.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-rights-cli-');

function seedItem(dataDir: string): string {
  const backend = openBackend({ dataDir, host: 'in-process', modelsDir: join(dataDir, 'no-models') });
  try {
    upsertItems(backend.context.db, [sampleItem(1, { author: { remoteId: 'a1', name: 'jo.reviews' }, body: 'The palette is lovely.' })], backend.context.clock);
    return backend.context.db.prepare('SELECT id FROM items').pluck().get() as string;
  } finally {
    void backend.close();
  }
}

const opts = { timeoutMs: 60_000 };

describe('stoa rights', () => {
  it('uses an item, lists the asked request, records granted, and keeps refused final', async () => {
    const dataDir = join(tempDir(), 'workspace');
    const itemId = seedItem(dataDir);

    const used = await runCli(['rights', 'use', itemId, '--brand', 'Blush & Co', '--data-dir', dataDir, '--json'], opts);
    expect(used.stderr).toBe('');
    const { postId, rightsRequestId } = JSON.parse(used.stdout) as { postId: string; rightsRequestId: string };

    const listed = await runCli(['rights', 'list', '--status', 'asked', '--data-dir', dataDir, '--json'], opts);
    expect(JSON.parse(listed.stdout)).toMatchObject({ requests: [{ id: rightsRequestId, postId, itemId, author: 'jo.reviews', platform: 'youtube', status: 'asked', sentAt: null }] });

    const blocked = await runCli(['post', 'validate', postId, '--data-dir', dataDir, '--json'], opts);
    expect(blocked.code).toBe(1);
    const violations = (JSON.parse(blocked.stdout) as { violations: { rule: string; actual: string; message: string }[] }).violations;
    expect(violations.find((v) => v.rule === 'rights_not_granted')).toMatchObject({ actual: 'asked', message: expect.stringContaining('@jo.reviews on YouTube') });

    const granted = await runCli(['rights', 'set', rightsRequestId, '--status', 'granted', '--data-dir', dataDir, '--json'], opts);
    expect(granted.code).toBe(0);
    // Granted, but the review has no image yet: the post stays a draft for that reason alone.
    expect(JSON.parse(granted.stdout)).toMatchObject({ id: rightsRequestId, status: 'granted', postState: 'draft' });
    const after = JSON.parse((await runCli(['post', 'validate', postId, '--data-dir', dataDir, '--json'], opts)).stdout) as { violations: { rule: string }[] };
    expect(after.violations.map((v) => v.rule)).not.toContain('rights_not_granted');

    expect((await runCli(['rights', 'set', rightsRequestId, '--status', 'refused', '--data-dir', dataDir], opts)).code).toBe(0);
    const again = await runCli(['rights', 'set', rightsRequestId, '--status', 'granted', '--data-dir', dataDir], opts);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/^stoa: @jo\.reviews refused the rights request .*final/);
    expect((await runCli(['rights', 'set', rightsRequestId, '--status', 'maybe', '--data-dir', dataDir], opts)).code).not.toBe(0);
  });
});
