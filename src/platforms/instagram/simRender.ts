// Renders Instagram nodes the way Graph does: only the fields asked for (defaults otherwise),
// nested selections like from{id,username}, and cursor paging with a `next` URL only when more
// exists. Cursors anchor to the last item's (timestamp, id), so they survive deletions mid-walk.
import type { SimReply } from '../sim/types.ts';
import { IG_COMMENT_EDGES, IG_COMMENT_FIELDS, IG_COMMENT_FROM_FIELDS, IG_MEDIA_FIELDS, parseFields, type FieldSelection } from './graphSpec.ts';

/** IGMedia edges that may be requested through `fields` (field expansion). */
const IG_MEDIA_EDGES = ['comments', 'children'] as const;
import { graphError } from './simMeta.ts';
import type { InstagramSimState, SimComment, SimMedia } from './simState.ts';

export const DEFAULT_COMMENT_FIELDS = 'id,text,timestamp';
export const DEFAULT_MEDIA_FIELDS = 'id';
export const PAGE_DEFAULT = 25;
export const PAGE_MAX = 50;

type Fields = FieldSelection[];

/** Parsed `fields`, or the Graph error for an unknown one. */
export function selectFields(raw: string | null, node: 'IGComment' | 'IGMedia', fallback: string): Fields | SimReply {
  const parsed = parseFields(raw ?? fallback);
  if (!parsed) return graphError(400, 100, `(#100) Syntax error in fields: ${raw ?? ''}`);
  const known: readonly string[] = node === 'IGComment' ? [...IG_COMMENT_FIELDS, ...IG_COMMENT_EDGES] : [...IG_MEDIA_FIELDS, ...IG_MEDIA_EDGES];
  for (const f of parsed) {
    if (!known.includes(f.name)) return graphError(400, 100, `(#100) Tried accessing nonexisting field (${f.name}) on node type (${node})`);
    if (f.name === 'from') {
      const bad = f.sub.find((s) => !(IG_COMMENT_FROM_FIELDS as readonly string[]).includes(s));
      if (bad) return graphError(400, 100, `(#100) Tried accessing nonexisting field (${bad}) on node type (IGCommentFromUser)`);
    }
    if (f.name === 'children') {
      const bad = f.sub.find((s) => !(IG_MEDIA_FIELDS as readonly string[]).includes(s));
      if (bad) return graphError(400, 100, `(#100) Tried accessing nonexisting field (${bad}) on node type (IGMedia)`);
    }
    if (f.name === 'replies') {
      const bad = f.sub.find((s) => !(IG_COMMENT_FIELDS as readonly string[]).includes(s));
      if (bad) return graphError(400, 100, `(#100) Tried accessing nonexisting field (${bad}) on node type (IGComment)`);
    }
  }
  return parsed;
}

/** `replies` renders as a nested page of the parent's replies, with the sub-fields asked for. */
export function renderComment(c: SimComment, fields: Fields, state: InstagramSimState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    switch (f.name) {
      case 'id':
        out['id'] = c.id;
        break;
      case 'text':
        out['text'] = c.text;
        break;
      case 'timestamp':
        out['timestamp'] = c.timestamp;
        break;
      case 'username':
        out['username'] = c.username;
        break;
      case 'like_count':
        out['like_count'] = c.likeCount;
        break;
      case 'hidden':
        out['hidden'] = c.hidden;
        break;
      case 'from': {
        const sub = f.sub.length > 0 ? f.sub : ['id'];
        out['from'] = Object.fromEntries(sub.filter((s) => s !== 'self_ig_scoped_id').map((s) => [s, s === 'id' ? c.fromId : c.username]));
        break;
      }
      case 'media':
        out['media'] = { id: c.mediaId };
        break;
      case 'replies': {
        // Only the first page nests; a longer thread says so with paging, as Graph does.
        const sub = (f.sub.length > 0 ? f.sub : ['id', 'text', 'timestamp']).map((name) => ({ name, sub: [] }));
        const { page, more } = replyPage(state, c.id, null, PAGE_DEFAULT);
        const last = page[page.length - 1];
        if (page.length > 0) {
          const after = last ? encodeCursor(last.timestamp, last.id) : '';
          const paging = { cursors: { after }, ...(more ? { next: `/${c.id}/replies?limit=${PAGE_DEFAULT}&after=${after}` } : {}) };
          out['replies'] = { data: page.map((r) => renderComment(r, sub, state)), paging };
        }
        break;
      }
      case 'parent_id':
        if (c.parentId) out['parent_id'] = c.parentId;
        break;
      default:
        break; // user, legacy id: not modelled
    }
  }
  return out;
}

export function renderMedia(m: SimMedia, fields: Fields, state: InstagramSimState, owner: { id: string; username: string } = { id: state.igUserId, username: state.username }): Record<string, unknown> {
  const values: Record<string, unknown> = {
    id: m.id,
    caption: m.caption,
    comments_count: state.commentsOf(m.id).length,
    timestamp: m.timestamp,
    permalink: m.permalink,
    media_type: m.mediaType,
    username: owner.username,
    owner: { id: owner.id },
    like_count: 0,
    is_comment_enabled: true,
    ...(m.mediaUrl !== undefined && m.children === undefined ? { media_url: m.mediaUrl } : {}),
  };
  const out = Object.fromEntries(fields.filter((f) => f.name in values).map((f) => [f.name, values[f.name]]));
  const children = fields.find((f) => f.name === 'children');
  // Graph answers `children` only for carousels, as a nested page of the children's fields.
  if (children && m.children) {
    const sub = children.sub.length > 0 ? children.sub : ['id'];
    const rendered = m.children.map((c) => Object.fromEntries(sub.flatMap((name): [string, unknown][] => (name === 'id' ? [['id', c.id]] : name === 'media_type' ? [['media_type', c.mediaType]] : name === 'media_url' ? [['media_url', c.mediaUrl]] : name === 'timestamp' ? [['timestamp', m.timestamp]] : []))));
    out['children'] = { data: rendered };
  }
  return out;
}

const encodeCursor = (ts: string, id: string): string => Buffer.from(`${ts}|${id}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string): [string, string] | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [ts, id, ...rest] = text.split('|');
  return ts && id && rest.length === 0 && /^\d{4}-/.test(ts) ? [ts, id] : null;
}

export type Anchor = readonly [timestamp: string, id: string];

/** The page size Graph would use for this request. */
export function limitOf(query: URLSearchParams): number {
  return Math.min(PAGE_MAX, Math.max(1, Number(query.get('limit') ?? PAGE_DEFAULT) || PAGE_DEFAULT));
}

/** The `after` anchor: null when absent, or the Graph error for one that cannot be read. */
export function afterOf(query: URLSearchParams): Anchor | null | SimReply {
  const after = query.get('after');
  if (after === null) return null;
  return decodeCursor(after) ?? graphError(400, 100, '(#100) The after cursor is invalid or has expired');
}

export const isReply = (value: Anchor | null | SimReply): value is SimReply => value !== null && !Array.isArray(value);

/** Whether `item` sorts after `anchor` in a newest-first list. */
export const isAfter = (item: { timestamp: string; id: string }, anchor: Anchor): boolean => item.timestamp < anchor[0] || (item.timestamp === anchor[0] && item.id < anchor[1]);

/** Up to `size` live replies strictly after `anchor`, oldest first (conversation order); `more` when another exists. */
export function replyPage(state: InstagramSimState, commentId: string, anchor: Anchor | null, size: number): { page: SimComment[]; more: boolean } {
  const all = state.repliesOf(commentId);
  const from = anchor === null ? 0 : all.findIndex((r) => r.timestamp > anchor[0] || (r.timestamp === anchor[0] && r.id > anchor[1]));
  const start = from < 0 ? all.length : from;
  return { page: all.slice(start, start + size), more: start + size < all.length };
}

/** A Graph page envelope; the `next` URL repeats the request with `after` only when `more`. */
export function pageReply<T extends { timestamp: string; id: string }>(
  slice: readonly T[],
  more: boolean,
  query: URLSearchParams,
  selfUrl: string,
  render: (item: T) => Record<string, unknown>,
): SimReply {
  const first = slice[0];
  const last = slice[slice.length - 1];
  const paging: Record<string, unknown> = {};
  if (first && last) paging['cursors'] = { before: encodeCursor(first.timestamp, first.id), after: encodeCursor(last.timestamp, last.id) };
  if (last && more) {
    const next = new URLSearchParams(query);
    next.set('after', encodeCursor(last.timestamp, last.id));
    paging['next'] = `${selfUrl}?${next.toString()}`;
  }
  return { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: { data: slice.map(render), ...(first ? { paging } : {}) } };
}
