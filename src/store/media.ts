// Media library records: assets (what was imported, how it was stored, focal point, alt text) and
// their renditions per publishing target. Imports, focal-point moves and alt-text edits are audited
// in the transaction that makes them. Files live in the media folder; this module keeps only paths.
import type { Database } from 'better-sqlite3';
import type { FocalPoint } from '../core/renditionTargets.ts';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export interface RenditionRecord {
  readonly target: string;
  readonly ratio: string;
  readonly width: number;
  readonly height: number;
  /** Relative to the media folder. */
  readonly file: string;
  readonly sha256: string;
}

export interface MediaAssetInput {
  readonly sha256: string;
  readonly sourceSha256: string;
  readonly originalName: string;
  readonly format: 'jpeg' | 'png' | 'webp';
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly file: string;
  readonly thumbnailFile: string;
  readonly sourceOrientation: number;
  readonly orientationApplied: boolean;
  readonly metadataStripped: boolean;
}

export interface MediaAsset extends MediaAssetInput {
  readonly id: string;
  readonly focalPoint: FocalPoint;
  readonly altText: string;
  readonly createdAt: string;
  readonly renditions: readonly RenditionRecord[];
}

export class UnknownMediaError extends Error {
  constructor(id: string) {
    super(`There is no media asset with id ${id}.`);
    this.name = 'UnknownMediaError';
  }
}

interface AssetRow {
  id: string;
  sha256: string;
  source_sha256: string;
  original_name: string;
  format: MediaAssetInput['format'];
  width: number;
  height: number;
  bytes: number;
  file: string;
  thumbnail_file: string;
  source_orientation: number;
  orientation_applied: number;
  metadata_stripped: number;
  focal_x: number;
  focal_y: number;
  alt_text: string;
  created_at: string;
}

const toAsset = (row: AssetRow, renditions: readonly RenditionRecord[]): MediaAsset => ({
  id: row.id,
  sha256: row.sha256,
  sourceSha256: row.source_sha256,
  originalName: row.original_name,
  format: row.format,
  width: row.width,
  height: row.height,
  bytes: row.bytes,
  file: row.file,
  thumbnailFile: row.thumbnail_file,
  sourceOrientation: row.source_orientation,
  orientationApplied: row.orientation_applied === 1,
  metadataStripped: row.metadata_stripped === 1,
  focalPoint: { x: row.focal_x, y: row.focal_y },
  altText: row.alt_text,
  createdAt: row.created_at,
  renditions,
});

function renditionsOf(db: Database, assetId: string): RenditionRecord[] {
  return prepared(db, 'SELECT target, ratio, width, height, file, sha256 FROM media_renditions WHERE asset_id = ? ORDER BY rowid').all(assetId) as RenditionRecord[];
}

export function getMediaAsset(db: Database, id: string): MediaAsset | null {
  const row = prepared(db, 'SELECT * FROM media_assets WHERE id = ?').get(id) as AssetRow | undefined;
  return row ? toAsset(row, renditionsOf(db, id)) : null;
}

/** The asset an earlier import of the same bytes (with the same metadata choice) made, if any. */
export function findMediaBySource(db: Database, sourceSha256: string, metadataStripped: boolean): MediaAsset | null {
  const id = prepared(db, 'SELECT id FROM media_assets WHERE source_sha256 = ? AND metadata_stripped = ?').pluck().get(sourceSha256, metadataStripped ? 1 : 0) as string | undefined;
  return id === undefined ? null : getMediaAsset(db, id);
}

export function listMediaAssets(db: Database, limit: number, offset: number): { assets: MediaAsset[]; total: number } {
  const rows = prepared(db, 'SELECT * FROM media_assets ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?').all(limit, offset) as AssetRow[];
  const total = prepared(db, 'SELECT COUNT(*) FROM media_assets').pluck().get() as number;
  return { assets: rows.map((row) => toAsset(row, renditionsOf(db, row.id))), total };
}

function writeRenditions(db: Database, assetId: string, focal: FocalPoint, renditions: readonly RenditionRecord[], at: string): void {
  prepared(db, 'DELETE FROM media_renditions WHERE asset_id = ?').run(assetId);
  const insert = prepared(
    db,
    `INSERT INTO media_renditions (asset_id, target, ratio, width, height, file, sha256, focal_x, focal_y, rendered_at)
     VALUES (@assetId, @target, @ratio, @width, @height, @file, @sha256, @x, @y, @at)`,
  );
  for (const r of renditions) insert.run({ assetId, ...r, x: focal.x, y: focal.y, at });
}

export function insertMediaAsset(
  db: Database,
  input: MediaAssetInput & { readonly focalPoint: FocalPoint },
  renditions: readonly RenditionRecord[],
  who: Actor,
  clock: Clock,
): MediaAsset {
  return db.transaction(() => {
    const id = newId();
    const at = isoNow(clock);
    prepared(
      db,
      `INSERT INTO media_assets (id, sha256, source_sha256, original_name, format, width, height, bytes, file, thumbnail_file,
         source_orientation, orientation_applied, metadata_stripped, focal_x, focal_y, actor, device_id, created_at)
       VALUES (@id, @sha256, @sourceSha256, @originalName, @format, @width, @height, @bytes, @file, @thumbnailFile,
         @sourceOrientation, @orientationApplied, @metadataStripped, @x, @y, @actor, @deviceId, @at)`,
    ).run({
      ...input,
      id,
      orientationApplied: input.orientationApplied ? 1 : 0,
      metadataStripped: input.metadataStripped ? 1 : 0,
      x: input.focalPoint.x,
      y: input.focalPoint.y,
      actor: who.actor,
      deviceId: who.deviceId,
      at,
    });
    writeRenditions(db, id, input.focalPoint, renditions, at);
    appendAudit(
      db,
      {
        ...who,
        action: 'media.import',
        subject: id,
        details: { name: input.originalName, sha256: input.sha256, sourceSha256: input.sourceSha256, format: input.format, width: input.width, height: input.height, metadataStripped: input.metadataStripped },
      },
      clock,
    );
    return getMediaAsset(db, id) as MediaAsset;
  })();
}

/** Moves the focal point and swaps in the renditions cut around it; returns the files no row uses any more. */
export function replaceFocalPoint(db: Database, id: string, focal: FocalPoint, renditions: readonly RenditionRecord[], who: Actor, clock: Clock): { asset: MediaAsset; unusedFiles: string[] } {
  return db.transaction(() => {
    const before = getMediaAsset(db, id);
    if (!before) throw new UnknownMediaError(id);
    prepared(db, 'UPDATE media_assets SET focal_x = ?, focal_y = ? WHERE id = ?').run(focal.x, focal.y, id);
    writeRenditions(db, id, focal, renditions, isoNow(clock));
    appendAudit(db, { ...who, action: 'media.focal_point', subject: id, details: { from: before.focalPoint, to: focal } }, clock);
    const stillUsed = prepared(db, 'SELECT 1 FROM media_renditions WHERE file = ? LIMIT 1').pluck();
    const unusedFiles = before.renditions.map((r) => r.file).filter((file) => stillUsed.get(file) === undefined);
    return { asset: getMediaAsset(db, id) as MediaAsset, unusedFiles };
  })();
}

export function setMediaAltText(db: Database, id: string, altText: string, who: Actor, clock: Clock): MediaAsset {
  return db.transaction(() => {
    const changed = prepared(db, 'UPDATE media_assets SET alt_text = ? WHERE id = ?').run(altText, id).changes;
    if (changed === 0) throw new UnknownMediaError(id);
    appendAudit(db, { ...who, action: 'media.alt_text', subject: id, details: { length: altText.length } }, clock);
    return getMediaAsset(db, id) as MediaAsset;
  })();
}
