// Studio posts in the workspace: the current content of each post (with its media in order and its
// product tags) and every saved version of that content in post_revisions, so a draft autosaved on
// each change can be undone after a restart. Creation, every save and every state change are
// audited in the transaction that makes them.
import type { Database } from 'better-sqlite3';
import type { PostTarget } from '../core/postLimits.ts';
import type { PostState } from '../core/postValidationStates.ts';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { prepared } from './statements.ts';

export interface PostMediaRecord {
  readonly assetId: string;
  readonly altText: string;
  /** The rendition sent instead of the original (e.g. "instagram_portrait"), or null. */
  readonly crop: string | null;
}

export interface PostTagRecord {
  readonly mediaIndex: number;
  readonly productId: string;
  readonly x: number;
  readonly y: number;
}

/** What the creator edits; one revision holds one of these. */
export interface PostContent {
  readonly targets: readonly PostTarget[];
  readonly caption: string;
  readonly title: string | null;
  readonly link: string | null;
  readonly paidPartnership: boolean;
  readonly brandPartner: string | null;
  readonly scheduledAt: string | null;
  readonly media: readonly PostMediaRecord[];
  readonly productTags: readonly PostTagRecord[];
}

export interface PostRecord extends PostContent {
  readonly id: string;
  readonly state: PostState;
  readonly revision: number;
  readonly permalink: string | null;
  readonly failure: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface PostRevision {
  readonly revision: number;
  readonly at: string;
  readonly actor: string;
  readonly content: PostContent;
}

interface PostRow {
  id: string;
  state: PostState;
  targets: string;
  caption: string;
  title: string | null;
  link: string | null;
  paid_partnership: number;
  brand_partner: string | null;
  scheduled_at: string | null;
  permalink: string | null;
  failure: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
}

function toRecord(db: Database, row: PostRow): PostRecord {
  const media = prepared(db, 'SELECT asset_id AS assetId, alt_text AS altText, crop FROM post_media WHERE post_id = ? ORDER BY position').all(row.id) as PostMediaRecord[];
  const productTags = prepared(db, 'SELECT media_index AS mediaIndex, product_id AS productId, x, y FROM post_product_tags WHERE post_id = ? ORDER BY seq').all(row.id) as PostTagRecord[];
  return {
    id: row.id,
    state: row.state,
    revision: row.revision,
    targets: JSON.parse(row.targets) as PostTarget[],
    caption: row.caption,
    title: row.title,
    link: row.link,
    paidPartnership: row.paid_partnership === 1,
    brandPartner: row.brand_partner,
    scheduledAt: row.scheduled_at,
    permalink: row.permalink,
    failure: row.failure,
    media,
    productTags,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getPost(db: Database, id: string): PostRecord | null {
  const row = prepared(db, 'SELECT * FROM posts WHERE id = ?').get(id) as PostRow | undefined;
  return row ? toRecord(db, row) : null;
}

export function listPosts(db: Database, limit: number, offset: number, state: PostState | null): { posts: PostRecord[]; total: number } {
  const rows = prepared(db, 'SELECT * FROM posts WHERE (@state IS NULL OR state = @state) ORDER BY updated_at DESC, id DESC LIMIT @limit OFFSET @offset').all({ state, limit, offset }) as PostRow[];
  const total = prepared(db, 'SELECT COUNT(*) FROM posts WHERE (@state IS NULL OR state = @state)').pluck().get({ state }) as number;
  return { posts: rows.map((r) => toRecord(db, r)), total };
}

export const contentOf = (p: PostContent): PostContent => ({
  targets: p.targets,
  caption: p.caption,
  title: p.title,
  link: p.link,
  paidPartnership: p.paidPartnership,
  brandPartner: p.brandPartner,
  scheduledAt: p.scheduledAt,
  media: p.media.map((m) => ({ assetId: m.assetId, altText: m.altText, crop: m.crop })),
  productTags: p.productTags.map((t) => ({ mediaIndex: t.mediaIndex, productId: t.productId, x: t.x, y: t.y })),
});

function writeContent(db: Database, id: string, content: PostContent): void {
  prepared(db, 'DELETE FROM post_media WHERE post_id = ?').run(id);
  prepared(db, 'DELETE FROM post_product_tags WHERE post_id = ?').run(id);
  const media = prepared(db, 'INSERT INTO post_media (post_id, position, asset_id, alt_text, crop) VALUES (?, ?, ?, ?, ?)');
  content.media.forEach((m, i) => media.run(id, i, m.assetId, m.altText, m.crop));
  const tag = prepared(db, 'INSERT INTO post_product_tags (post_id, seq, media_index, product_id, x, y) VALUES (?, ?, ?, ?, ?, ?)');
  content.productTags.forEach((t, i) => tag.run(id, i, t.mediaIndex, t.productId, t.x, t.y));
}

function writeRevision(db: Database, id: string, revision: number, content: PostContent, who: Actor, at: string): void {
  prepared(db, 'INSERT INTO post_revisions (post_id, revision, content, actor, device_id, at) VALUES (?, ?, ?, ?, ?, ?)').run(id, revision, JSON.stringify(contentOf(content)), who.actor, who.deviceId, at);
}

const columns = (c: PostContent) => ({
  targets: JSON.stringify(c.targets),
  caption: c.caption,
  title: c.title,
  link: c.link,
  paidPartnership: c.paidPartnership ? 1 : 0,
  brandPartner: c.brandPartner,
  scheduledAt: c.scheduledAt,
});

export function insertPost(db: Database, content: PostContent, state: PostState, who: Actor, clock: Clock): PostRecord {
  return db.transaction(() => {
    const id = newId();
    const at = isoNow(clock);
    prepared(
      db,
      `INSERT INTO posts (id, state, targets, caption, title, link, paid_partnership, brand_partner, scheduled_at, revision, actor, device_id, created_at, updated_at)
       VALUES (@id, @state, @targets, @caption, @title, @link, @paidPartnership, @brandPartner, @scheduledAt, 1, @actor, @deviceId, @at, @at)`,
    ).run({ id, state, ...columns(content), actor: who.actor, deviceId: who.deviceId, at });
    writeContent(db, id, content);
    writeRevision(db, id, 1, content, who, at);
    appendAudit(db, { actor: who.actor, deviceId: who.deviceId, action: 'post.create', subject: id, details: { state, targets: content.targets, media: content.media.length, productTags: content.productTags.length } }, clock);
    return getPost(db, id) as PostRecord;
  })();
}

export class PostRevisionConflictError extends Error {
  constructor(
    readonly id: string,
    readonly current: number,
    readonly base: number,
  ) {
    super(`Post ${id} is at revision ${current}, not ${base}: it was saved elsewhere; reload it and apply the change again.`);
    this.name = 'PostRevisionConflictError';
  }
}

/** Saves new content as the next revision (refused when `baseRevision` is given and is not the current one). */
export function savePostContent(db: Database, id: string, content: PostContent, state: PostState, baseRevision: number | null, who: Actor, clock: Clock): PostRecord {
  return db.transaction(() => {
    const current = prepared(db, 'SELECT revision, state FROM posts WHERE id = ?').get(id) as { revision: number; state: PostState } | undefined;
    if (!current) throw new Error(`There is no post with id ${id}.`);
    if (baseRevision !== null && baseRevision !== current.revision) throw new PostRevisionConflictError(id, current.revision, baseRevision);
    const revision = current.revision + 1;
    const at = isoNow(clock);
    prepared(
      db,
      `UPDATE posts SET state = @state, targets = @targets, caption = @caption, title = @title, link = @link, paid_partnership = @paidPartnership,
         brand_partner = @brandPartner, scheduled_at = @scheduledAt, revision = @revision, updated_at = @at WHERE id = @id`,
    ).run({ id, state, ...columns(content), revision, at });
    writeContent(db, id, content);
    writeRevision(db, id, revision, content, who, at);
    appendAudit(db, { actor: who.actor, deviceId: who.deviceId, action: 'post.save', subject: id, details: { revision, state, from: current.state } }, clock);
    return getPost(db, id) as PostRecord;
  })();
}

export function listPostRevisions(db: Database, id: string, limit: number): PostRevision[] {
  const rows = prepared(db, 'SELECT revision, at, actor, content FROM post_revisions WHERE post_id = ? ORDER BY revision DESC LIMIT ?').all(id, limit) as { revision: number; at: string; actor: string; content: string }[];
  return rows.map((r) => ({ revision: r.revision, at: r.at, actor: r.actor, content: JSON.parse(r.content) as PostContent }));
}
