// Moving a focal point re-cuts the renditions; the product tags of posts that send the image
// cropped move with the cut so they stay on the same point of the photo (a new revision), tags the
// new crop leaves out are counted and put on its edge, and posts that send the whole image or were
// already published keep their tags.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace } from '../../support/workspace.ts';
import { photo } from './images.ts';

const tempDir = useTempDir('stoa-focal-tags-');
let open: TestWorkspace | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

describe('focal point and product tags', () => {
  it('keeps tags on the same point of the original and flags those the new crop leaves out', async () => {
    open = await openTestWorkspace(tempDir(), 'in-process');
    const { client, backend } = open;
    // 1080×1350 at 1:1 is the 1080×1080 window: top at 135 px (0.1) around the centre, at 270 px (0.2) for a focal point at the bottom.
    const shopify = readFileSync(join(import.meta.dirname, '../../fixtures/catalog/shopify-export.csv')).toString('base64');
    await callOrThrow(client, 'catalog.import', { name: 'shopify-export.csv', dataBase64: shopify });
    const { asset } = await callOrThrow(client, 'media.import', { name: 'portrait.jpg', dataBase64: (await photo(1080, 1350)).toString('base64') });
    const tags = [
      { mediaIndex: 0, productId: 'LS-S-NAT', x: 0.5, y: 0.5 },
      { mediaIndex: 0, productId: 'MUG-SPK', x: 0.25, y: 0.02 },
    ];
    const content = (crop: 'instagram_square' | null) => ({ targets: ['instagram' as const], caption: 'Linen.', media: [{ assetId: asset.id, crop }], productTags: tags });
    const cropped = (await callOrThrow(client, 'posts.create', { content: content('instagram_square') })).post;
    const whole = (await callOrThrow(client, 'posts.create', { content: content(null) })).post;
    const sent = (await callOrThrow(client, 'posts.create', { content: content('instagram_square') })).post;
    backend.context.db.prepare("UPDATE posts SET state = 'published' WHERE id = ?").run(sent.id);

    const moved = await callOrThrow(client, 'media.setFocalPoint', { id: asset.id, x: 0.5, y: 1 });
    expect(moved.tagsRemapped).toEqual({ posts: 1, tags: 2, outside: 1 });

    const after = await callOrThrow(client, 'posts.get', { id: cropped.id });
    expect(after.revision).toBe(cropped.revision + 1);
    const [centre, top] = after.productTags;
    // Original y 0.1 + 0.5 × 0.8 = 0.5 → (0.5 − 0.2) ÷ 0.8 = 0.375 of the new square.
    expect([centre?.sku, centre?.x, centre?.y]).toEqual(['LS-S-NAT', 0.5, 0.375]);
    // Original y 0.1 + 0.02 × 0.8 = 0.116 is above the new square: on its top edge.
    expect([top?.sku, top?.x, top?.y]).toEqual(['MUG-SPK', 0.25, 0]);
    expect((await callOrThrow(client, 'posts.get', { id: whole.id })).productTags.map((t) => [t.x, t.y])).toEqual([[0.5, 0.5], [0.25, 0.02]]);
    expect((await callOrThrow(client, 'posts.get', { id: sent.id })).productTags.map((t) => [t.x, t.y])).toEqual([[0.5, 0.5], [0.25, 0.02]]);

    // Undo: the previous revision still has the tags as they were placed.
    const { revisions } = await callOrThrow(client, 'posts.revisions', { id: cropped.id, limit: 2 });
    expect(revisions[1]?.content.productTags.map((t) => [t.x, t.y])).toEqual([[0.5, 0.5], [0.25, 0.02]]);
    // Moving back: the centre tag returns where it was placed; the other stays on the spot it was put (the old square's top edge, original y 0.2).
    const back = await callOrThrow(client, 'media.setFocalPoint', { id: asset.id, x: 0.5, y: 0.5 });
    expect(back.tagsRemapped).toEqual({ posts: 1, tags: 2, outside: 0 });
    expect((await callOrThrow(client, 'posts.get', { id: cropped.id })).productTags.map((t) => [t.x, t.y])).toEqual([[0.5, 0.5], [0.25, 0.125]]);
  });
});
