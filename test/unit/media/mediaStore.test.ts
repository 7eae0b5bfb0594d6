// The media store on an on-disk database: one asset per source and metadata choice, focal points
// kept in range by the schema, renditions replaced as a set, and only files nothing uses reported.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/store/clock.ts';
import { findMediaBySource, getMediaAsset, insertMediaAsset, listMediaAssets, replaceFocalPoint, UnknownMediaError, type MediaAssetInput } from '../../../src/store/media.ts';
import { openDatabase } from '../../../src/store/open.ts';
import { useTempDir } from '../../support/tempDir.ts';

const tempDir = useTempDir('stoa-media-store-');
const who = { actor: 'creator', deviceId: 'device-1' };
const hex = (c: string) => c.repeat(64);

const input = (source: string, stripped = true): MediaAssetInput & { focalPoint: { x: number; y: number } } => ({
  sha256: hex('a'),
  sourceSha256: hex(source),
  originalName: 'tote.jpg',
  format: 'jpeg',
  width: 800,
  height: 1200,
  bytes: 1234,
  file: `${hex('a')}.jpg`,
  thumbnailFile: `thumbnails/${hex('a')}.webp`,
  sourceOrientation: 6,
  orientationApplied: stripped,
  metadataStripped: stripped,
  focalPoint: { x: 0.5, y: 0.5 },
});
const rendition = (target: string, sha: string) => ({ target, ratio: '1:1', width: 800, height: 800, file: `renditions/${hex(sha)}.jpg`, sha256: hex(sha) });

describe('media store', () => {
  it('keeps one asset per source and metadata choice', () => {
    const db = openDatabase(join(tempDir(), 'w.sqlite'));
    const first = insertMediaAsset(db, input('1'), [rendition('instagram_square', 'c')], who, systemClock);
    expect(findMediaBySource(db, hex('1'), true)?.id).toBe(first.id);
    expect(findMediaBySource(db, hex('1'), false)).toBeNull();
    expect(() => insertMediaAsset(db, input('1'), [], who, systemClock)).toThrow(/UNIQUE/);
    insertMediaAsset(db, input('1', false), [], who, systemClock);
    expect(listMediaAssets(db, 10, 0).total).toBe(2);
    expect(getMediaAsset(db, first.id)).toMatchObject({ orientationApplied: true, sourceOrientation: 6, renditions: [{ target: 'instagram_square', sha256: hex('c') }] });
    db.close();
  });

  it('refuses focal points outside 0..1 in the schema itself', () => {
    const db = openDatabase(join(tempDir(), 'w.sqlite'));
    expect(() => insertMediaAsset(db, { ...input('2'), focalPoint: { x: 1.2, y: 0.5 } }, [], who, systemClock)).toThrow(/CHECK/);
    expect(listMediaAssets(db, 10, 0).total).toBe(0);
    db.close();
  });

  it('replaces renditions as a set and reports only files no asset still uses', () => {
    const db = openDatabase(join(tempDir(), 'w.sqlite'));
    const one = insertMediaAsset(db, input('3'), [rendition('instagram_square', 'd'), rendition('pinterest_pin', 'e')], who, systemClock);
    // Another asset shares the pin file (same pixels, same content address).
    insertMediaAsset(db, input('4'), [rendition('pinterest_pin', 'e')], who, systemClock);
    const { asset, unusedFiles } = replaceFocalPoint(db, one.id, { x: 0.2, y: 0.8 }, [rendition('instagram_square', 'f'), rendition('pinterest_pin', '9')], who, systemClock);
    expect(asset.focalPoint).toEqual({ x: 0.2, y: 0.8 });
    expect(asset.renditions.map((r) => r.sha256)).toEqual([hex('f'), hex('9')]);
    expect(unusedFiles).toEqual([`renditions/${hex('d')}.jpg`]);
    expect(() => replaceFocalPoint(db, 'missing', { x: 0, y: 0 }, [], who, systemClock)).toThrow(UnknownMediaError);
    db.close();
  });
});
