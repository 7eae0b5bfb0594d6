// Reddit wire → neutral domain (platform.ts). Pure: the golden fixtures run through this same code.
import type { PullPage, QuarantinedPayload, RemoteAuthor, RemoteItem, RemoteReport, RemoteSnapshot, RemoteState } from '../platform.ts';
import { listingSchema, thingSchema, type ThingData } from './wire.ts';
import { decodeEntities, decodeNullable } from '../../core/htmlEntities.ts';

const WEB = 'https://www.reddit.com';

/**
 * Derives a neutral state. Newer payloads carry approved/removed/spam; older ones only say who
 * removed (`banned_by`: a moderator's name, or `true` for the spam filter) or approved it.
 * An item the spam filter caught is still awaiting a moderator, so it stays `open` and the filter
 * shows up as an automatic report instead.
 */
export function remoteStateOf(data: ThingData): RemoteState {
  const text = data.body ?? data.selftext;
  if (data.author === '[deleted]' && text === '[deleted]') return 'deleted';
  if (data.approved === true || (data.approved_by && !data.banned_by && data.removed !== true && data.spam !== true)) return 'approved';
  if (data.spam === true && data.banned_by !== true) return 'spam';
  if (data.removed === true || typeof data.banned_by === 'string') return 'removed';
  if (data.banned_by === true) return 'open';
  if (data.ignore_reports === true) return 'ignored';
  return 'open';
}

export function reportsOf(data: ThingData): RemoteReport[] {
  const reports: RemoteReport[] = [];
  for (const entry of data.user_reports ?? []) {
    const [reason, count] = entry;
    reports.push({ source: 'user', reason: typeof reason === 'string' && reason !== '' ? reason : 'no reason given', count: typeof count === 'number' ? count : 1 });
  }
  for (const entry of data.mod_reports ?? []) {
    const [reason] = entry;
    reports.push({ source: 'moderator', reason: typeof reason === 'string' && reason !== '' ? reason : 'no reason given', count: 1 });
  }
  if (data.banned_by === true && data.approved !== true) reports.push({ source: 'automatic', reason: 'spam filter', count: 1 });
  return reports;
}

function urlOf(data: ThingData, kind: 't1' | 't3'): string | null {
  if (data.permalink) return `${WEB}${data.permalink}`;
  if (kind === 't1' && data.link_id) return `${WEB}/r/${data.subreddit}/comments/${data.link_id.replace(/^t3_/, '')}/_/${data.id}/`;
  return data.url ?? null;
}

export function toRemoteItem(kind: 't1' | 't3', data: ThingData, raw: unknown): RemoteItem {
  const isPost = kind === 't3';
  const body = isPost ? (data.selftext || (data.is_self === false ? (data.url ?? '') : '')) : (data.body ?? '');
  return {
    platform: 'reddit',
    remoteId: data.name,
    kind: isPost ? 'post' : 'comment',
    community: { remoteId: data.subreddit_id ?? data.subreddit, name: data.subreddit },
    author: data.author === '[deleted]' ? null : { remoteId: data.author, name: data.author },
    parentRemoteId: isPost ? null : (data.parent_id ?? null),
    // Reddit escapes &, < and > in titles and bodies (and datasets keep &#8220;-style codes).
    title: isPost ? decodeNullable(data.title ?? null) : null,
    body: decodeEntities(body),
    url: urlOf(data, kind),
    createdAt: new Date(data.created_utc * 1000).toISOString(),
    remoteState: remoteStateOf(data),
    version: null,
    reports: reportsOf(data),
    raw,
  };
}

export function toSnapshot(data: ThingData, authorBanned: boolean | null): RemoteSnapshot {
  return {
    remoteId: data.name,
    state: remoteStateOf(data),
    version: null,
    reportCount: data.ignore_reports === true ? 0 : (data.num_reports ?? 0),
    authorBanned,
    reportsIgnored: data.ignore_reports ?? null,
  };
}

const issues = (error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string =>
  error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('; ');

export type ListingParse =
  | { readonly ok: true; readonly things: readonly { readonly kind: 't1' | 't3'; readonly data: ThingData; readonly raw: unknown }[]; readonly quarantined: readonly QuarantinedPayload[]; readonly after: string | null }
  | { readonly ok: false; readonly error: string };

/** Validates a listing child by child: bad children are quarantined, good ones kept. */
export function parseListing(body: unknown): ListingParse {
  const envelope = listingSchema.safeParse(body);
  if (!envelope.success) return { ok: false, error: `not a Reddit listing: ${issues(envelope.error)}` };
  const things: { kind: 't1' | 't3'; data: ThingData; raw: unknown }[] = [];
  const quarantined: QuarantinedPayload[] = [];
  for (const child of envelope.data.data.children) {
    const parsed = thingSchema.safeParse(child);
    if (parsed.success) things.push({ kind: parsed.data.kind, data: parsed.data.data, raw: child });
    else quarantined.push({ payload: child, error: `reddit thing rejected: ${issues(parsed.error)}` });
  }
  return { ok: true, things, quarantined, after: envelope.data.data.after ?? null };
}

export function toPullPage(parsed: Extract<ListingParse, { ok: true }>): PullPage {
  const items = parsed.things.map((thing) => toRemoteItem(thing.kind, thing.data, thing.raw));
  const authors = new Map<string, RemoteAuthor>();
  for (const item of items) {
    if (item.author && !authors.has(item.author.remoteId)) authors.set(item.author.remoteId, { ...item.author, platform: 'reddit', raw: { name: item.author.name } });
  }
  return {
    items,
    authors: [...authors.values()],
    reports: items.flatMap((item) => item.reports.map((report) => ({ ...report, itemRemoteId: item.remoteId }))),
    nextCursor: parsed.after,
    quarantined: parsed.quarantined,
  };
}
