// `stoa post create --target pinterest --board BOARD_ID --link URL --title TEXT` against the
// Pinterest simulator in child processes: the board chosen (not the account default) is stored with
// the post and printed, a board id that is no id or a board for a post that does not pin is refused
// before anything is saved, and `post publish` + `stoa sync` put the pin on that board with its title
// and link in the simulator's GET /__sim/state.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPinterestSimulator } from '../../../src/platforms/pinterest/simulator.ts';
import { startSimulators, type RunningSimulators } from '../../../src/platforms/sim/index.ts';
import { photo } from '../media/images.ts';
import { runCli } from '../../support/runCli.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-post-pin-cli-');
const SHOPIFY = join(import.meta.dirname, '../../fixtures/catalog/shopify-export.csv');
let sim: RunningSimulators | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

const pinsSchema = z.object({ platforms: z.object({ pinterest: z.object({ published: z.array(z.object({ id: z.string(), title: z.string().nullable(), link: z.string().nullable(), board_id: z.string(), caption: z.string() })) }) }) });

describe('stoa post create for Pinterest', () => {
  it('stores --board, --link and --title, refuses a bad board before saving, and the pin lands on that board', { timeout: 180_000 }, async () => {
    sim = await startSimulators({ seed: 'cli-post-pin', simulators: { pinterest: (context) => createPinterestSimulator(context, { creatorCount: 0 }) } });
    const demo = sim.accounts()['pinterest'];
    if (!demo || demo.credentials.kind !== 'oauth2') throw new Error('pinterest simulator account missing');
    const dir = tempDir();
    const dataDir = join(dir, 'workspace');
    const creds = join(dir, 'pinterest.json');
    writeFileSync(creds, JSON.stringify(demo.credentials));
    const defaultBoard = demo.options?.['boardId'] ?? '';
    const added = await runCli(['accounts', 'add', '--data-dir', dataDir, '--platform', 'pinterest', '--base-url', demo.baseUrl, '--auth-base-url', demo.baseUrl, '--option', `boardId=${defaultBoard}`, '--credentials-file', creds, '--json']);
    expect(added.code, added.stderr).toBe(0);
    const boards = JSON.parse((await runCli(['pinterest', 'boards', '--data-dir', dataDir, '--json'])).stdout) as { boards: { id: string; name: string }[] };
    const behind = boards.boards.find((b) => b.name === 'Behind the scenes')?.id;
    if (!behind) throw new Error('the simulator has no "Behind the scenes" board');
    expect(behind).not.toBe(defaultBoard);

    writeFileSync(join(dir, 'pin.jpg'), await photo(1000, 1500));
    expect((await runCli(['catalog', 'import', SHOPIFY, '--shop-domain', 'shop.example.com', '--data-dir', dataDir, '--json'], { timeoutMs: 60_000 })).code).toBe(0);
    const media = await runCli(['media', 'import', join(dir, 'pin.jpg'), '--data-dir', dataDir, '--json'], { timeoutMs: 60_000 });
    expect(media.code, media.stderr).toBe(0);
    const assetId = (JSON.parse(media.stdout) as { imported: { id: string }[] }).imported[0]?.id ?? '';

    const base = ['post', 'create', '--media', assetId, '--caption', '#ad The linen shirt on a Sunday morning.', '--data-dir', dataDir, '--json'];
    const notAnId = await runCli([...base, '--target', 'pinterest', '--board', 'behind-the-scenes']);
    expect(notAnId.code).not.toBe(0);
    expect(notAnId.stderr).toMatch(/"behind-the-scenes" is not a Pinterest board id/);
    const notPinning = await runCli([...base, '--target', 'instagram', '--board', behind]);
    expect(notPinning.code).not.toBe(0);
    expect(notPinning.stderr).toMatch(/--board is for a post that targets Pinterest/);

    const link = 'https://shop.example.com/products/linen-shirt?utm_source=pinterest';
    const created = await runCli([...base, '--target', 'pinterest', '--board', behind, '--link', link, '--title', 'Linen shirt, Sunday edition'], { timeoutMs: 60_000 });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const summary = JSON.parse(created.stdout) as { id: string; state: string; boardId: string; ok: boolean };
    expect(summary).toMatchObject({ state: 'valid', ok: true, boardId: behind });
    const shown = JSON.parse((await runCli(['post', 'show', summary.id, '--data-dir', dataDir])).stdout) as { title: string; link: string; targets: string[] };
    expect(shown).toMatchObject({ title: 'Linen shirt, Sunday edition', link, targets: ['pinterest'] });

    expect((await runCli(['post', 'publish', summary.id, '--data-dir', dataDir, '--json'])).code).toBe(0);
    const synced = await runCli(['sync', '--data-dir', dataDir], { timeoutMs: 90_000 });
    expect(synced.code, synced.stderr).toBe(0);
    const state = pinsSchema.parse(await (await fetch(`${sim.url}/__sim/state`)).json());
    expect(state.platforms.pinterest.published).toEqual([expect.objectContaining({ board_id: behind, link, title: 'Linen shirt, Sunday edition', caption: '#ad The linen shirt on a Sunday morning.' })]);
    const after = JSON.parse((await runCli(['post', 'show', summary.id, '--data-dir', dataDir])).stdout) as { state: string; permalink: string | null };
    expect(after.state).toBe('published');
  });
});
