// Discourse review-queue wire → neutral domain. A reviewable's status means different things per
// type: for a flagged post "approved" means the flags were upheld (the post is hidden: removed),
// "rejected" means the flags were wrong (the post stays: approved); for a queued post approved and
// rejected mean what they say.
import type { PullPage, QuarantinedPayload, RemoteAuthor, RemoteItem, RemoteReport, RemoteSnapshot, RemoteState } from '../platform.ts';
import {
  categorySchema,
  listSchema,
  REVIEWABLE_STATUS,
  reviewableSchema,
  scoreSchema,
  SCORE_TYPES,
  SYSTEM_USER_ID,
  topicSchema,
  userSchema,
  type Reviewable,
} from './wire.ts';
import { decodeEntities, decodeNullable } from '../../core/htmlEntities.ts';

export type ReviewableKind = 'flagged' | 'queued' | 'other';

export function kindOf(type: string): ReviewableKind {
  if (type === 'ReviewableFlaggedPost') return 'flagged';
  if (type === 'ReviewableQueuedPost') return 'queued';
  return 'other';
}

/** Our opaque version: the reviewable's version plus its kind, so act() knows which action ids apply. */
export const encodeVersion = (reviewable: Pick<Reviewable, 'version' | 'type'>): string => `${reviewable.version}:${kindOf(reviewable.type)}`;

export function decodeVersion(version: string | null): { version: number; kind: ReviewableKind } | null {
  const match = /^(\d+):(flagged|queued|other)$/.exec(version ?? '');
  return match ? { version: Number(match[1]), kind: match[2] as ReviewableKind } : null;
}

export function stateOf(reviewable: Pick<Reviewable, 'status' | 'type'>): RemoteState {
  const kind = kindOf(reviewable.type);
  switch (reviewable.status) {
    case REVIEWABLE_STATUS.pending:
      return 'open';
    case REVIEWABLE_STATUS.approved:
      return kind === 'flagged' ? 'removed' : 'approved';
    case REVIEWABLE_STATUS.rejected:
      return kind === 'flagged' ? 'approved' : 'removed';
    case REVIEWABLE_STATUS.ignored:
      return 'ignored';
    default:
      return 'deleted';
  }
}

interface SideLoads {
  readonly users: ReadonlyMap<number, { id: number; username: string }>;
  readonly topics: ReadonlyMap<number, { id: number; title: string }>;
  readonly categories: ReadonlyMap<number, { id: number; name: string }>;
  readonly scores: ReadonlyMap<number, { reviewable_score_type: number; status: number; user_id?: number | null | undefined; reason?: string | null | undefined }>;
}

function index<T extends { id: number }>(entries: readonly unknown[] | undefined, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): Map<number, T> {
  const map = new Map<number, T>();
  for (const entry of entries ?? []) {
    const parsed = schema.safeParse(entry);
    if (parsed.success) map.set(parsed.data.id, parsed.data);
  }
  return map;
}

export function sideLoads(body: { users?: unknown[] | undefined; topics?: unknown[] | undefined; categories?: unknown[] | undefined; reviewable_scores?: unknown[] | undefined }): SideLoads {
  return {
    users: index(body.users, userSchema),
    topics: index(body.topics, topicSchema),
    categories: index(body.categories, categorySchema),
    scores: index(body.reviewable_scores, scoreSchema),
  };
}

function reportsOf(reviewable: Reviewable, loads: SideLoads): RemoteReport[] {
  const grouped = new Map<string, RemoteReport>();
  for (const id of reviewable.reviewable_score_ids ?? []) {
    const score = loads.scores.get(id);
    if (!score) continue;
    const source = score.user_id === SYSTEM_USER_ID ? 'automatic' : 'user';
    const reason = score.reason || SCORE_TYPES[score.reviewable_score_type] || `type ${score.reviewable_score_type}`;
    const key = `${source}/${reason}`;
    const previous = grouped.get(key);
    grouped.set(key, { source, reason, count: (previous?.count ?? 0) + 1 });
  }
  return [...grouped.values()];
}

export function toRemoteItem(reviewable: Reviewable, loads: SideLoads, baseUrl: string, raw: unknown): RemoteItem | string {
  const kind = kindOf(reviewable.type);
  const body = reviewable.raw ?? reviewable.payload?.raw;
  if (body === undefined) return `reviewable ${reviewable.id} (${reviewable.type}) carries no text (raw or payload.raw)`;
  const topic = reviewable.topic_id ? loads.topics.get(reviewable.topic_id) : undefined;
  const category = reviewable.category_id ? loads.categories.get(reviewable.category_id) : undefined;
  const authorId = kind === 'queued' ? reviewable.created_by_id : reviewable.target_created_by_id;
  const author = authorId !== null && authorId !== undefined ? loads.users.get(authorId) : undefined;
  const isTopic = kind === 'queued' ? Boolean(reviewable.payload?.title) : reviewable.post_number === 1;
  // target_url is site-relative ("/t/slug/5/3"); a site may live below a path (or our /discourse mount).
  const url = !reviewable.target_url ? null : /^https?:\/\//.test(reviewable.target_url) ? reviewable.target_url : `${baseUrl.replace(/\/$/, '')}${reviewable.target_url}`;
  return {
    platform: 'discourse',
    remoteId: String(reviewable.id),
    kind: isTopic ? 'post' : 'comment',
    community: category ? { remoteId: String(category.id), name: category.name } : { remoteId: String(reviewable.category_id ?? 0), name: `category ${reviewable.category_id ?? 'none'}` },
    author: author ? { remoteId: String(author.id), name: author.username } : null,
    parentRemoteId: null,
    title: isTopic ? decodeNullable(reviewable.payload?.title ?? topic?.title ?? null) : null,
    body: decodeEntities(body),
    url,
    createdAt: new Date(reviewable.target_created_at ?? reviewable.created_at).toISOString(),
    remoteState: stateOf(reviewable),
    version: encodeVersion(reviewable),
    reports: reportsOf(reviewable, loads),
    raw,
  };
}

export function toSnapshot(reviewable: Reviewable, loads: SideLoads, authorBanned: boolean | null): RemoteSnapshot {
  const pendingScores = (reviewable.reviewable_score_ids ?? []).filter((id) => loads.scores.get(id)?.status === 0).length;
  return {
    remoteId: String(reviewable.id),
    state: stateOf(reviewable),
    version: encodeVersion(reviewable),
    reportCount: reviewable.status === REVIEWABLE_STATUS.pending ? pendingScores : 0,
    authorBanned,
    reportsIgnored: reviewable.status === REVIEWABLE_STATUS.ignored,
  };
}

const issues = (error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string =>
  error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('; ');

export interface ParsedList {
  readonly reviewables: readonly { readonly reviewable: Reviewable; readonly raw: unknown }[];
  readonly items: readonly RemoteItem[];
  readonly quarantined: readonly QuarantinedPayload[];
  readonly totalRows: number | null;
  readonly loadMore: string | null;
}

export function parseList(body: unknown, baseUrl: string): ParsedList | string {
  const envelope = listSchema.safeParse(body);
  if (!envelope.success) return `not a Discourse review list: ${issues(envelope.error)}`;
  const loads = sideLoads(envelope.data);
  const reviewables: { reviewable: Reviewable; raw: unknown }[] = [];
  const items: RemoteItem[] = [];
  const quarantined: QuarantinedPayload[] = [];
  for (const entry of envelope.data.reviewables) {
    const parsed = reviewableSchema.safeParse(entry);
    if (!parsed.success) {
      quarantined.push({ payload: entry, error: `discourse reviewable rejected: ${issues(parsed.error)}` });
      continue;
    }
    reviewables.push({ reviewable: parsed.data, raw: entry });
    const item = toRemoteItem(parsed.data, loads, baseUrl, entry);
    if (typeof item === 'string') quarantined.push({ payload: entry, error: item });
    else items.push(item);
  }
  return { reviewables, items, quarantined, totalRows: envelope.data.meta?.total_rows_reviewables ?? null, loadMore: envelope.data.meta?.load_more_reviewables ?? null };
}

export function toPullPage(items: readonly RemoteItem[], quarantined: readonly QuarantinedPayload[], nextCursor: string | null): PullPage {
  const authors = new Map<string, RemoteAuthor>();
  for (const item of items) if (item.author && !authors.has(item.author.remoteId)) authors.set(item.author.remoteId, { ...item.author, platform: 'discourse', raw: { id: Number(item.author.remoteId), username: item.author.name } });
  return {
    items,
    authors: [...authors.values()],
    reports: items.flatMap((item) => item.reports.map((report) => ({ ...report, itemRemoteId: item.remoteId }))),
    nextCursor,
    quarantined,
  };
}
