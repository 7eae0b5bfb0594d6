// media.* through the real contract, in-process and over the browser-mode HTTP server (whose 1 MB
// body cap is why large files travel in staged parts): import, duplicates, focal point re-render,
// previews as data: URLs, alt text, refusals as invalid_input, and the audit trail.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { callOrThrow, type StoaClient } from '../../../src/api/client.ts';
import { MEDIA_UPLOAD_PART_BYTES } from '../../../src/core/mediaLimits.ts';
import { verifyAudit } from '../../../src/store/audit.ts';
import { useTempDir } from '../../support/tempDir.ts';
import { openTestWorkspace, type TestWorkspace, type TransportKind } from '../../support/workspace.ts';
import { photo, rotatedJpegWithGps } from './images.ts';

const tempDir = useTempDir('stoa-media-api-');
let open: TestWorkspace | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

async function uploadInParts(client: StoaClient, bytes: Buffer): Promise<string> {
  let uploadId: string | undefined;
  for (let at = 0; at < bytes.length; at += MEDIA_UPLOAD_PART_BYTES) {
    const part = bytes.subarray(at, at + MEDIA_UPLOAD_PART_BYTES).toString('base64');
    uploadId = (await callOrThrow(client, 'media.uploadPart', uploadId === undefined ? { dataBase64: part } : { uploadId, dataBase64: part })).uploadId;
  }
  return uploadId as string;
}

describe.each<TransportKind>(['in-process', 'http'])('media over %s', (kind) => {
  it('imports a multi-megabyte photo in parts, finds it again on re-import, and lists it', async () => {
    open = await openTestWorkspace(tempDir(), kind);
    const { client, backend } = open;
    // Noise does not compress: a 1600×1200 noisy JPEG is several parts.
    const noisy = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).jpeg({ quality: 95 }).toBuffer();
    expect(noisy.length).toBeGreaterThan(2 * MEDIA_UPLOAD_PART_BYTES);
    const uploadId = await uploadInParts(client, noisy);
    const { asset, duplicate } = await callOrThrow(client, 'media.import', { name: 'noise.jpg', uploadId });
    expect(duplicate).toBe(false);
    expect(asset).toMatchObject({ originalName: 'noise.jpg', format: 'jpeg', width: 1600, height: 1200, metadataStripped: true, focalPoint: { x: 0.5, y: 0.5 }, altText: '' });
    expect(asset.renditions.map((r) => r.target)).toEqual(['instagram_square', 'instagram_portrait', 'instagram_landscape', 'pinterest_pin']);
    for (const r of [asset.path, ...asset.renditions.map((x) => x.path)]) expect(existsSync(r)).toBe(true);
    expect(readdirSync(join(backend.context.dataDir, 'media', 'uploads'))).toEqual([]);

    const again = await callOrThrow(client, 'media.import', { name: 'copy-of-noise.jpg', uploadId: await uploadInParts(client, noisy) });
    expect(again).toMatchObject({ duplicate: true, asset: { id: asset.id } });
    const listed = await callOrThrow(client, 'media.list', {});
    expect(listed.total).toBe(1);
    expect(listed.assets[0]?.id).toBe(asset.id);
  });

  it('re-renders renditions when the focal point moves and drops the files nothing uses', async () => {
    open = await openTestWorkspace(tempDir(), kind);
    const { client } = open;
    const { asset } = await callOrThrow(client, 'media.import', { name: 'wide.png', dataBase64: (await photo(1200, 600, 'png')).toString('base64') });
    const square = asset.renditions.find((r) => r.target === 'instagram_square');
    const moved = await callOrThrow(client, 'media.setFocalPoint', { id: asset.id, x: 0.1, y: 0.5 });
    expect(moved.focalPoint).toEqual({ x: 0.1, y: 0.5 });
    const movedSquare = moved.renditions.find((r) => r.target === 'instagram_square');
    expect(movedSquare?.sha256).not.toBe(square?.sha256);
    expect(existsSync(movedSquare?.path ?? '')).toBe(true);
    expect(existsSync(square?.path ?? '')).toBe(false);
    // The 2:1 image's portrait and pin crops also slide; the stored copy is untouched.
    expect(moved.sha256).toBe(asset.sha256);
    expect((await callOrThrow(client, 'media.get', { id: asset.id })).renditions).toEqual(moved.renditions);

    const thumb = await callOrThrow(client, 'media.preview', { id: asset.id });
    expect(thumb.dataUrl).toMatch(/^data:image\/webp;base64,/);
    const pin = await callOrThrow(client, 'media.preview', { id: asset.id, target: 'pinterest_pin' });
    expect(pin).toMatchObject({ width: 400, height: 600 });
    const pinMeta = await sharp(Buffer.from(pin.dataUrl.split(',')[1] ?? '', 'base64')).metadata();
    expect([pinMeta.format, pinMeta.width, pinMeta.height]).toEqual(['jpeg', 400, 600]);
  });

  it('sets alt text, refuses bad files as invalid_input, and audits each change', async () => {
    open = await openTestWorkspace(tempDir(), kind);
    const { client, backend } = open;
    const { asset } = await callOrThrow(client, 'media.import', { name: 'rotated.jpg', dataBase64: (await rotatedJpegWithGps(300, 200)).toString('base64') });
    expect(asset).toMatchObject({ width: 200, height: 300, orientationApplied: true, sourceOrientation: 6 });
    expect((await callOrThrow(client, 'media.setAltText', { id: asset.id, altText: '  A blue tote on a sand-coloured table ' })).altText).toBe('A blue tote on a sand-coloured table');

    const notImage = await client.call('media.import', { name: 'notes.txt', dataBase64: Buffer.from('hello, not pixels').toString('base64') });
    expect(notImage).toEqual({ ok: false, error: { code: 'invalid_input', message: 'notes.txt is not a JPEG, PNG or WebP image.' } });
    const missing = await client.call('media.setFocalPoint', { id: 'no-such-asset', x: 0.2, y: 0.2 });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
    const outOfRange = await client.call('media.setFocalPoint', { id: asset.id, x: 1.5, y: 0.2 });
    expect(outOfRange.ok ? null : outOfRange.error.code).toBe('invalid_input');
    const unknownUpload = await client.call('media.import', { name: 'x.jpg', uploadId: '0'.repeat(32) });
    expect(unknownUpload.ok ? null : unknownUpload.error.message).toMatch(/no upload with id/);

    await callOrThrow(client, 'media.setFocalPoint', { id: asset.id, x: 0.5, y: 0.2 });
    const db = backend.context.db;
    const actions = db.prepare("SELECT action FROM audit_log WHERE action LIKE 'media.%' ORDER BY seq").pluck().all();
    expect(actions).toEqual(['media.import', 'media.alt_text', 'media.focal_point']);
    expect(verifyAudit(db).ok).toBe(true);
    expect(db.prepare('SELECT COUNT(*) FROM media_assets').pluck().get()).toBe(1);
  });
});
