// When an image's focal point moves, its renditions are cut again around the new point, so a tag
// placed on a cropped rendition would now sit on another part of the photo. This moves the tags of
// every post that sends that image cropped, so they stay on the same point of the original, as a
// new revision of each post (undo brings the old one back). Posts being published or already
// published keep what they sent. Tags the new crop leaves out are put on its edge and counted, so
// the caller can tell the creator to check them.
import type { Database } from 'better-sqlite3';
import type { FocalPoint, RenditionTarget } from '../core/renditionTargets.ts';
import { cropWindow, remapTags, sameWindow } from '../core/tagRemap.ts';
import type { Actor } from './accounts.ts';
import type { Clock } from './clock.ts';
import { contentOf, getPost, savePostContent } from './posts.ts';
import { prepared } from './statements.ts';

export interface TagRemapSummary {
  /** Posts given a new revision. */
  readonly posts: number;
  /** Tags moved. */
  readonly tags: number;
  /** Of those, tags now outside the new crop (on its edge). */
  readonly outside: number;
}

export function remapTagsForFocalPoint(db: Database, asset: { id: string; width: number; height: number }, from: FocalPoint, to: FocalPoint, who: Actor, clock: Clock): TagRemapSummary {
  return db.transaction(() => {
    const postIds = prepared(
      db,
      `SELECT DISTINCT m.post_id FROM post_media m JOIN posts p ON p.id = m.post_id
        WHERE m.asset_id = ? AND m.crop IS NOT NULL AND p.state NOT IN ('publishing', 'published') ORDER BY m.post_id`,
    )
      .pluck()
      .all(asset.id) as string[];
    let posts = 0;
    let tags = 0;
    let outside = 0;
    for (const id of postIds) {
      const post = getPost(db, id);
      if (!post) continue;
      let productTags = post.productTags;
      let moved = 0;
      post.media.forEach((m, index) => {
        if (m.assetId !== asset.id || m.crop === null) return;
        const before = cropWindow(asset.width, asset.height, m.crop as RenditionTarget, from);
        const after = cropWindow(asset.width, asset.height, m.crop as RenditionTarget, to);
        if (sameWindow(before, after)) return;
        const result = remapTags(productTags, index, before, after);
        moved += productTags.filter((t) => t.mediaIndex === index).length;
        outside += result.outside.length;
        productTags = result.tags;
      });
      if (moved === 0) continue;
      savePostContent(db, id, { ...contentOf(post), productTags }, post.state, null, who, clock);
      posts += 1;
      tags += moved;
    }
    return { posts, tags, outside };
  })();
}
