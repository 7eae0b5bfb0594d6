// Moderation writes: comments.setModerationStatus with up to 50 ids per call (50 quota units per
// call, whatever the number of ids). YouTube fails a whole batch for one bad id, so:
// - 404 commentNotFound: look the ids up (comments.list, 1 unit), settle the missing ones, resend the rest;
// - any other whole-batch 400 (a rejected comment in a publish batch): split in halves until the
//   culprit stands alone, so one bad id costs ~2·log2(n) calls instead of n.
import type { ActOutcome, ActionRequest, RemoteSnapshot } from '../platform.ts';
import type { YoutubeClient } from './client.ts';
import { remoteStateOf } from './map.ts';
import { commentPageSchema, type YtSettableStatus } from './wire.ts';

export const MAX_IDS_PER_CALL = 50;

interface Plan {
  readonly status: YtSettableStatus;
  readonly banAuthor: boolean;
}

/** approve → published; remove → rejected; ban → rejected + banAuthor. YouTube has no spam verdict to set. */
export function planFor(action: ActionRequest['action']): Plan | null {
  switch (action) {
    case 'approve':
      return { status: 'published', banAuthor: false };
    case 'remove':
      return { status: 'rejected', banAuthor: false };
    case 'ban':
      return { status: 'rejected', banAuthor: true };
    case 'spam':
    case 'ignore_reports':
      return null;
  }
}

function snapshotAfter(id: string, plan: Plan): RemoteSnapshot {
  return { remoteId: id, state: remoteStateOf(plan.status), version: null, reportCount: 0, authorBanned: plan.banAuthor ? true : null };
}

type Outcomes = Map<number, ActOutcome>;

async function existing(client: YoutubeClient, ids: readonly string[]): Promise<Set<string> | null> {
  const result = await client.call('comments.list', { part: 'id', id: ids.join(',') });
  if (!result.ok) return null;
  const page = commentPageSchema.safeParse(result.body);
  if (!page.success) return null;
  const found = new Set<string>();
  for (const item of page.data.items) {
    if (typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string') found.add(item.id);
  }
  return found;
}

async function send(client: YoutubeClient, entries: readonly [number, ActionRequest][], plan: Plan, out: Outcomes, lookedUp: boolean): Promise<void> {
  if (entries.length === 0) return;
  const ids = entries.map(([, r]) => r.target.remoteId);
  const result = await client.call('comments.setModerationStatus', {
    id: ids.join(','),
    moderationStatus: plan.status,
    ...(plan.banAuthor ? { banAuthor: 'true' } : {}),
  });
  if (result.ok) {
    for (const [i, r] of entries) out.set(i, { status: 'done', snapshot: snapshotAfter(r.target.remoteId, plan) });
    return;
  }
  if (result.googleReason === 'commentNotFound' && !lookedUp) {
    const found = await existing(client, ids);
    if (found) {
      const gone = entries.filter(([, r]) => !found.has(r.target.remoteId));
      for (const [i, r] of gone) {
        // Deleted by its author: a removal already holds; publishing it can never happen.
        out.set(
          i,
          plan.status === 'rejected' && !plan.banAuthor
            ? { status: 'already_done', snapshot: { remoteId: r.target.remoteId, state: 'deleted', version: null, reportCount: 0, authorBanned: null } }
            : { status: 'permanent_failure', code: 'comment_not_found', reason: 'The comment no longer exists on YouTube.' },
        );
      }
      await send(client, entries.filter(([, r]) => found.has(r.target.remoteId)), plan, out, true);
      return;
    }
  }
  if (result.failure.status === 'permanent_failure' && result.httpStatus === 400 && entries.length > 1) {
    const half = Math.ceil(entries.length / 2);
    await send(client, entries.slice(0, half), plan, out, lookedUp);
    await send(client, entries.slice(half), plan, out, lookedUp);
    return;
  }
  for (const [i] of entries) out.set(i, result.failure);
}

/** Outcomes in request order. Requests are grouped by (status, banAuthor) and sent ≤50 ids at a time. */
export async function moderate(client: YoutubeClient, requests: readonly ActionRequest[]): Promise<ActOutcome[]> {
  const out: Outcomes = new Map();
  const groups = new Map<string, { plan: Plan; entries: [number, ActionRequest][] }>();
  requests.forEach((request, index) => {
    const plan = planFor(request.action);
    if (!plan) {
      out.set(index, { status: 'permanent_failure', code: 'unsupported_action', reason: `YouTube has no "${request.action}" action for comments.` });
      return;
    }
    const key = `${plan.status}/${plan.banAuthor}`;
    const group = groups.get(key) ?? { plan, entries: [] };
    // One id twice in one call is pointless; later duplicates share the first one's outcome.
    group.entries.push([index, request]);
    groups.set(key, group);
  });
  for (const { plan, entries } of groups.values()) {
    const unique = entries.filter(([, r], pos) => entries.findIndex(([, o]) => o.target.remoteId === r.target.remoteId) === pos);
    for (let start = 0; start < unique.length; start += MAX_IDS_PER_CALL) {
      await send(client, unique.slice(start, start + MAX_IDS_PER_CALL), plan, out, false);
    }
    for (const [index, request] of entries) {
      if (out.has(index)) continue;
      const first = unique.find(([, r]) => r.target.remoteId === request.target.remoteId);
      const shared = first ? out.get(first[0]) : undefined;
      if (shared) out.set(index, shared);
    }
  }
  return requests.map((_, index) => out.get(index) ?? { status: 'permanent_failure', code: 'internal', reason: 'No outcome was recorded for this action.' });
}
