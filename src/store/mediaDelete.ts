// Deleting a media asset and knowing which files the library still needs. A post that uses the
// asset (draft, scheduled or published: a published post's record shows its images) keeps it:
// the delete is refused and names the posts. Otherwise the rows go in one transaction and the files
// that no other row names are returned for the caller to remove after the commit, so a crash between
// the two leaves only unreferenced files, which the sweep at the next open removes.
import type { Database } from 'better-sqlite3';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import type { Clock } from './clock.ts';
import { getMediaAsset, UnknownMediaError } from './media.ts';
import { prepared } from './statements.ts';

export class MediaInUseError extends Error {
  constructor(
    readonly assetId: string,
    readonly postIds: readonly string[],
  ) {
    const shown = postIds.slice(0, 3).join(', ');
    const more = postIds.length > 3 ? ` and ${postIds.length - 3} more` : '';
    super(`Media ${assetId} is used by ${postIds.length === 1 ? 'post' : `${postIds.length} posts`} ${shown}${more}; remove it from ${postIds.length === 1 ? 'that post' : 'them'} first.`);
    this.name = 'MediaInUseError';
  }
}

/** Every file (relative to the media folder) a media row names: stored copies, thumbnails, renditions. */
export function referencedMediaFiles(db: Database): Set<string> {
  const rows = prepared(db, 'SELECT file FROM media_assets UNION SELECT thumbnail_file FROM media_assets UNION SELECT file FROM media_renditions').pluck().all() as string[];
  return new Set(rows);
}

/** Removes the asset's rows; returns the files nothing references any more. */
export function deleteMediaAsset(db: Database, id: string, who: Actor, clock: Clock): { unusedFiles: string[] } {
  return db.transaction(() => {
    const asset = getMediaAsset(db, id);
    if (!asset) throw new UnknownMediaError(id);
    const postIds = prepared(db, 'SELECT DISTINCT post_id FROM post_media WHERE asset_id = ? ORDER BY post_id').pluck().all(id) as string[];
    if (postIds.length > 0) throw new MediaInUseError(id, postIds);
    prepared(db, 'DELETE FROM media_assets WHERE id = ?').run(id);
    appendAudit(db, { ...who, action: 'media.delete', subject: id, details: { sha256: asset.sha256, originalName: asset.originalName } }, clock);
    const still = referencedMediaFiles(db);
    const files = [asset.file, asset.thumbnailFile, ...asset.renditions.map((r) => r.file)];
    return { unusedFiles: [...new Set(files)].filter((f) => !still.has(f)) };
  })();
}
