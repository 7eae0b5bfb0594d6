// The posts contract on an on-disk workspace over both transports: a carousel drafted from imported
// media and catalog products (tags by SKU), its violations and disclosure findings, fixed through
// the offered edit and a crop, autosaved revisions kept across a restart (undo), a stale save
// refused, unknown media or products refused, and every save in the audit chain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../../src/api/client.ts';
import { applyEdits } from '../../../src/core/disclosureLinter.ts';
import { verifyAudit } from '../../../src/store/audit.ts';
import { photo } from '../media/images.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace, type TransportKind } from '../../support/workspace.ts';

const tempDir = useTempDir('stoa-posts-');
let workspace: TestWorkspace | null = null;
afterEach(async () => {
  await workspace?.close();
  workspace = null;
});

const CAPTION = 'Slow mornings in the new linen shirt ☕ and my favourite speckled mug. Shop both: https://rstyle.me/n/kestrel123 #slowliving #linen';

async function seed(ws: TestWorkspace): Promise<{ portrait: string; pin: string }> {
  const shopify = readFileSync(join(import.meta.dirname, '../../fixtures/catalog/shopify-export.csv')).toString('base64');
  await callOrThrow(ws.client, 'catalog.import', { name: 'shopify-export.csv', dataBase64: shopify });
  const a = await callOrThrow(ws.client, 'media.import', { name: 'portrait.jpg', dataBase64: (await photo(1080, 1350)).toString('base64') });
  const b = await callOrThrow(ws.client, 'media.import', { name: 'pin.jpg', dataBase64: (await photo(1000, 1500)).toString('base64') });
  return { portrait: a.asset.id, pin: b.asset.id };
}

describe.each<TransportKind>(['in-process', 'http'])('posts over %s', (kind) => {
  it('drafts a carousel, reports what fails, and becomes valid once fixed; revisions survive a restart', async () => {
    const dataDir = tempDir();
    workspace = await openTestWorkspace(dataDir, kind);
    const { portrait, pin } = await seed(workspace);
    const { client } = workspace;

    const created = await callOrThrow(client, 'posts.create', {
      content: { targets: ['instagram'], caption: CAPTION, media: [{ assetId: portrait }, { assetId: pin }], productTags: [{ mediaIndex: 0, productId: 'LS-M-NAT', x: 0.3, y: 0.4 }, { mediaIndex: 1, productId: 'MUG-SPK', x: 0.6, y: 0.5 }] },
    });
    const { post, check } = created;
    expect(post).toMatchObject({ state: 'draft', revision: 1, targets: ['instagram'] });
    expect(post.productTags.map((t) => [t.sku, t.title, t.mediaIndex, t.x, t.y])).toEqual([
      ['LS-S-NAT', 'Linen Shirt', 0, 0.3, 0.4],
      ['MUG-SPK', 'Ceramic Mug — Speckled', 1, 0.6, 0.5],
    ]);
    expect(check.ok).toBe(false);
    expect(check.violations.map((v) => [v.rule, v.limit, v.actual, v.mediaIndex])).toEqual([['instagram.image.aspect_ratio', '0.8..1.91', '0.667', 1]]);
    expect(check.violations[0]?.source).toContain('RULES.md');
    expect(check.findings.map((f) => [f.jurisdiction, f.id, f.severity])).toEqual([
      ['ftc', 'disclosure.missing', 'error'],
      ['uk-asa-cma', 'disclosure.missing', 'error'],
      ['eu-ucpd', 'disclosure.missing', 'error'],
    ]);
    const finding = check.findings[0];
    expect(CAPTION.slice(finding?.start ?? 0, finding?.end ?? 0)).toBe('https://rstyle.me/n/kestrel123');
    expect(finding?.signals.map((s) => s.kind)).toEqual(expect.arrayContaining(['affiliate_link', 'tagged_products']));
    expect(check.counts).toEqual([{ target: 'instagram', profile: 'instagram-feed-2026-12', characters: CAPTION.length, unit: 'utf16', captionMax: 2200, hashtags: 2, hashtagsMax: 30, mentions: 0, mentionsMax: 20, foldAt: 125 }]);

    // The crop fixes the aspect ratio; the offered edit fixes the disclosure.
    const cropped = await callOrThrow(client, 'posts.update', { id: post.id, baseRevision: 1, content: { media: [{ assetId: portrait }, { assetId: pin, crop: 'instagram_portrait' }] } });
    expect(cropped.post).toMatchObject({ state: 'draft', revision: 2 });
    expect(cropped.check.violations).toEqual([]);
    const fix = finding?.fixes[0];
    if (fix?.kind !== 'edit') throw new Error('expected an edit fix');
    const fixedCaption = applyEdits(CAPTION, fix.edits);
    const fixed = await callOrThrow(client, 'posts.update', { id: post.id, baseRevision: 2, content: { caption: fixedCaption } });
    expect(fixed.post).toMatchObject({ state: 'valid', revision: 3, caption: `#ad ${CAPTION}` });
    expect(fixed.check).toMatchObject({ ok: true, violations: [], findings: [] });

    // A save based on an old revision is refused, not merged.
    const stale = await client.call('posts.update', { id: post.id, baseRevision: 2, content: { caption: 'lost' } });
    expect(stale.ok ? null : stale.error.code).toBe('conflict');

    await workspace.close();
    workspace = await openTestWorkspace(dataDir, kind);
    const history = await callOrThrow(workspace.client, 'posts.revisions', { id: post.id });
    expect(history.revisions.map((r) => [r.revision, r.content.caption.slice(0, 4)])).toEqual([
      [3, '#ad '],
      [2, 'Slow'],
      [1, 'Slow'],
    ]);
    // Undo after the restart: restore revision 2's content as revision 4.
    const undone = await callOrThrow(workspace.client, 'posts.update', { id: post.id, content: history.revisions[1]?.content ?? {} });
    expect(undone.post).toMatchObject({ state: 'draft', revision: 4, caption: CAPTION });
    expect((await callOrThrow(workspace.client, 'posts.list', {})).posts.map((p) => [p.id, p.state])).toEqual([[post.id, 'draft']]);

    const db = workspace.backend.context.db;
    expect(db.prepare("SELECT action FROM audit_log WHERE subject = ? ORDER BY seq").pluck().all(post.id)).toEqual(['post.create', 'post.save', 'post.save', 'post.save']);
    expect(verifyAudit(db).status).not.toBe('edited');
  });

  it('refuses media or products the workspace does not have, and checks unsaved drafts without saving them', async () => {
    workspace = await openTestWorkspace(tempDir(), kind);
    const { portrait } = await seed(workspace);
    const { client } = workspace;
    const noMedia = await client.call('posts.create', { content: { targets: ['instagram'], media: [{ assetId: 'nope' }] } });
    expect(noMedia.ok ? null : [noMedia.error.code, noMedia.error.message]).toEqual(['invalid_input', 'The media library has no asset nope: import it first (stoa media import).']);
    const noProduct = await client.call('posts.create', { content: { targets: ['instagram'], media: [{ assetId: portrait }], productTags: [{ mediaIndex: 0, productId: 'NO-SUCH-SKU', x: 0.5, y: 0.5 }] } });
    expect(noProduct.ok ? null : noProduct.error.code).toBe('invalid_input');

    const live = await callOrThrow(client, 'posts.validate', { draft: { targets: ['instagram', 'pinterest'], caption: '#ad Cosy beanie season 🧶 @kestrelandco', media: [{ assetId: portrait }] }, jurisdictions: ['uk-asa-cma'] });
    expect(live).toMatchObject({ ok: true, violations: [], findings: [] });
    expect(live.counts.map((c) => [c.target, c.characters, c.unit, c.mentions])).toEqual([
      ['instagram', 39, 'utf16', 1],
      ['pinterest', 38, 'codepoint', 1],
    ]);
    expect((await callOrThrow(client, 'posts.list', {})).total).toBe(0);
  });

  it('refuses edits once a post is publishing (the publisher of a later session sets that state)', async () => {
    workspace = await openTestWorkspace(tempDir(), kind);
    const { portrait } = await seed(workspace);
    const { post } = await callOrThrow(workspace.client, 'posts.create', { content: { targets: ['instagram'], caption: 'Morning light.', media: [{ assetId: portrait }] } });
    expect(post.state).toBe('valid');
    workspace.backend.context.db.prepare("UPDATE posts SET state = 'publishing' WHERE id = ?").run(post.id);
    const reply = await workspace.client.call('posts.update', { id: post.id, content: { caption: 'Evening light.' } });
    expect(reply.ok ? null : [reply.error.code, reply.error.message]).toEqual(['conflict', `Post ${post.id} is publishing; it can no longer be edited.`]);
    expect((await callOrThrow(workspace.client, 'posts.get', { id: post.id })).caption).toBe('Morning light.');
  });
});
