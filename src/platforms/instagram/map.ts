// Wire → domain for Instagram comments. A comment page is mapped entry by entry: one that fails
// its schema is quarantined with the reason while its siblings still arrive. Instagram has no
// verdict queue, so a visible comment is `open` and a hidden one `removed`.
import type { QuarantinedPayload, RemoteAuthor, RemoteItem } from '../platform.ts';
import { commentSchema, mediaSchema, type WireComment, type WireMedia } from './wire.ts';
import { decodeEntities } from '../../core/htmlEntities.ts';

export interface MediaRef {
  readonly id: string;
  /** What the queue shows as the community: the start of the caption, or the id. */
  readonly name: string;
}

/** Graph writes offsets without a colon (+0000); Date.parse wants +00:00. */
export function graphTimeToIso(timestamp: string): string {
  return new Date(timestamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString();
}

function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

export function mapComment(c: WireComment, media: MediaRef): RemoteItem {
  const username = c.from?.username ?? c.username ?? null;
  return {
    platform: 'instagram',
    remoteId: c.id,
    kind: 'comment',
    community: { remoteId: media.id, name: media.name },
    author: username ? { remoteId: c.from?.id ?? username, name: username } : null,
    parentRemoteId: c.parent_id ?? null,
    title: null,
    body: decodeEntities(c.text),
    url: null,
    createdAt: graphTimeToIso(c.timestamp),
    remoteState: c.hidden ? 'removed' : 'open',
    version: null,
    reports: [],
    raw: c,
  };
}

/** A thread whose nested `replies` page said there is more: where the replies edge resumes. */
export interface ReplyPage {
  readonly commentId: string;
  readonly after: string;
}

/**
 * Comments of one page, each nested first page of replies flattened after its parent. `parentId` is
 * set when `entries` is a page of the replies edge itself.
 */
export function mapComments(
  entries: readonly unknown[],
  media: MediaRef,
  parentId: string | null = null,
): { items: RemoteItem[]; quarantined: QuarantinedPayload[]; replyPages: ReplyPage[] } {
  const items: RemoteItem[] = [];
  const quarantined: QuarantinedPayload[] = [];
  const replyPages: ReplyPage[] = [];
  const take = (entry: unknown, parentId: string | null): WireComment | null => {
    const parsed = commentSchema.safeParse(entry);
    if (!parsed.success) {
      quarantined.push({ payload: entry, error: `Instagram ${parentId ? 'reply' : 'comment'} failed validation: ${describe(parsed.error.issues)}` });
      return null;
    }
    const { replies: _nested, ...comment } = parsed.data;
    items.push(mapComment({ ...comment, parent_id: comment.parent_id ?? parentId ?? undefined }, media));
    return parsed.data;
  };
  for (const entry of entries) {
    const top = take(entry, parentId);
    // Replies come nested under their parent; they are items of their own, pointing at it.
    for (const reply of top?.replies?.data ?? []) take(reply, top?.id ?? null);
    const paging = top?.replies?.paging;
    if (top && paging?.next && paging.cursors?.after) replyPages.push({ commentId: top.id, after: paging.cursors.after });
  }
  return { items, quarantined, replyPages };
}

export function mediaRef(m: WireMedia): MediaRef {
  const caption = m.caption?.trim();
  return { id: m.id, name: caption ? (caption.length > 60 ? `${caption.slice(0, 57)}…` : caption) : m.id };
}

export function mapMediaList(entries: readonly unknown[]): { media: WireMedia[]; quarantined: QuarantinedPayload[] } {
  const media: WireMedia[] = [];
  const quarantined: QuarantinedPayload[] = [];
  for (const entry of entries) {
    const parsed = mediaSchema.safeParse(entry);
    if (parsed.success) media.push(parsed.data);
    else quarantined.push({ payload: entry, error: `Instagram media failed validation: ${describe(parsed.error.issues)}` });
  }
  return { media, quarantined };
}

export function authorsOf(items: readonly RemoteItem[]): RemoteAuthor[] {
  const seen = new Map<string, RemoteAuthor>();
  for (const item of items) {
    if (item.author && !seen.has(item.author.remoteId)) seen.set(item.author.remoteId, { platform: 'instagram', ...item.author, raw: (item.raw as WireComment).from ?? { username: item.author.name } });
  }
  return [...seen.values()];
}
