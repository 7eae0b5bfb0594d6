// media.delete and the sweep at workspace open, on a real workspace: an asset a post uses is kept
// (conflict naming the post), an unused one loses its rows and every file no other row names; files
// a killed run left behind (content-addressed files with no row, temporaries, staged uploads) are
// removed when the workspace next opens, once older than the grace period, and young ones are kept.
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { verifyAudit } from '../../../src/store/audit.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';
import { photo } from './images.ts';

const tempDir = useTempDir('stoa-media-delete-');
let open: TestWorkspace | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const TWO_HOURS_AGO = (Date.now() - 2 * 60 * 60 * 1000) / 1000;
/** Staged uploads are abandoned after a day (a long upload may pause). */
const TWO_DAYS_AGO = (Date.now() - 48 * 60 * 60 * 1000) / 1000;
const filesUnder = (mediaDir: string) => ['', 'thumbnails', 'renditions'].flatMap((f) => (existsSync(join(mediaDir, f)) ? readdirSync(join(mediaDir, f), { withFileTypes: true }).filter((d) => d.isFile()).map((d) => (f ? `${f}/${d.name}` : d.name)) : [])).sort();

describe('media.delete', () => {
  it('refuses while a post uses the asset, then removes rows and unreferenced files', async () => {
    const dataDir = tempDir();
    open = await openTestWorkspace(dataDir, 'in-process');
    const { client, backend } = open;
    const mediaDir = join(dataDir, 'media');
    const kept = (await callOrThrow(client, 'media.import', { name: 'kept.jpg', dataBase64: (await photo(1080, 1350)).toString('base64') })).asset;
    const used = (await callOrThrow(client, 'media.import', { name: 'used.jpg', dataBase64: (await photo(1080, 1080)).toString('base64') })).asset;
    const keptFiles = filesUnder(mediaDir).filter((f) => f.includes(kept.sha256) || kept.renditions.some((r) => r.path.endsWith(f)));
    const { post } = await callOrThrow(client, 'posts.create', { content: { targets: ['instagram'], caption: 'Linen.', media: [{ assetId: used.id }] } });

    const refused = await client.call('media.delete', { id: used.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('conflict');
      expect(refused.error.message).toBe(`Media ${used.id} is used by post ${post.id}; remove it from that post first.`);
    }
    expect((await callOrThrow(client, 'media.get', { id: used.id })).id).toBe(used.id);

    const before = filesUnder(mediaDir);
    const deleted = await callOrThrow(client, 'media.delete', { id: kept.id });
    // The stored copy, its thumbnail and four renditions.
    expect(deleted).toEqual({ id: kept.id, removedFiles: 6 });
    const after = filesUnder(mediaDir);
    expect(before.length - after.length).toBe(6);
    for (const f of keptFiles) expect(after).not.toContain(f);
    expect(after).toContain(`${used.sha256}.jpg`);
    const missing = await client.call('media.get', { id: kept.id });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
    const again = await client.call('media.delete', { id: kept.id });
    expect(again.ok ? null : again.error.code).toBe('not_found');
    const db = backend.context.db;
    expect(db.prepare("SELECT action FROM audit_log WHERE action = 'media.delete'").pluck().all()).toEqual(['media.delete']);
    expect(verifyAudit(db).ok).toBe(true);
  });
});

describe('media sweep at workspace open', () => {
  it('removes old files no row names, stale temporaries and abandoned uploads; keeps referenced and young files', async () => {
    const dataDir = tempDir();
    open = await openTestWorkspace(dataDir, 'in-process');
    const asset = (await callOrThrow(open.client, 'media.import', { name: 'a.jpg', dataBase64: (await photo(800, 1000)).toString('base64') })).asset;
    await open.close();
    open = null;

    const mediaDir = join(dataDir, 'media');
    mkdirSync(join(mediaDir, 'uploads'), { recursive: true });
    const left = {
      orphanCopy: `${'a'.repeat(64)}.jpg`,
      orphanThumb: `thumbnails/${'b'.repeat(64)}.webp`,
      orphanRendition: `renditions/${'c'.repeat(64)}.jpg`,
      temporary: `renditions/.${'d'.repeat(64)}.jpg.0123456789ab.tmp`,
      upload: `uploads/${'e'.repeat(32)}.part`,
    };
    const young = `${'f'.repeat(64)}.png`;
    for (const relative of [...Object.values(left), young]) writeFileSync(join(mediaDir, relative), 'left by a killed run');
    for (const relative of Object.values(left)) utimesSync(join(mediaDir, relative), TWO_HOURS_AGO, TWO_HOURS_AGO);
    // The asset's own files, old too: referenced, so kept.
    for (const file of filesUnder(mediaDir)) utimesSync(join(mediaDir, file), TWO_HOURS_AGO, TWO_HOURS_AGO);
    utimesSync(join(mediaDir, young), Date.now() / 1000, Date.now() / 1000);
    utimesSync(join(mediaDir, left.upload), TWO_DAYS_AGO, TWO_DAYS_AGO);

    open = await openTestWorkspace(dataDir, 'in-process');
    // A media write runs after the sweep (one chain), so once it returns the sweep is done.
    await callOrThrow(open.client, 'media.import', { name: 'b.jpg', dataBase64: (await photo(640, 640)).toString('base64') });
    for (const relative of Object.values(left)) expect(existsSync(join(mediaDir, relative)), relative).toBe(false);
    expect(existsSync(join(mediaDir, young))).toBe(true);
    const { assets } = await callOrThrow(open.client, 'media.list', {});
    const first = assets.find((a) => a.id === asset.id);
    for (const path of [first?.path ?? 'missing', ...(first?.renditions.map((r) => r.path) ?? [])]) expect(existsSync(path), path).toBe(true);
    expect((await callOrThrow(open.client, 'media.preview', { id: asset.id })).dataUrl).toMatch(/^data:image\/webp;base64,/);
  });
});
