// comments.setModerationStatus for the YouTube simulator (PLATFORMS.md §5.3): query parameters
// only, at most 50 ids, all-or-nothing (one unknown id fails the whole batch with 404), banAuthor
// only together with `rejected`, a rejected comment can never be published again, and setting
// the status a comment already has is a quiet 204. Every id of every call lands in the write log.
import type { SimReply } from '../sim/types.ts';
import { googleError } from './simRender.ts';
import type { YoutubeSimState } from './simState.ts';
import type { YtSettableStatus } from './wire.ts';

export const MAX_IDS_PER_CALL = 50;

export function setModerationStatus(state: YoutubeSimState, query: URLSearchParams, at: string): SimReply {
  const ids = (query.get('id') ?? '').split(',').filter(Boolean);
  const status = query.get('moderationStatus') as YtSettableStatus;
  const ban = query.get('banAuthor') === 'true';
  const action = `setModerationStatus:${status}${ban ? '+banAuthor' : ''}`;
  const refuse = (reply: SimReply): SimReply => {
    for (const id of ids) state.writes.push({ target: id, action, applied: false, at });
    return reply;
  };
  if (ids.length === 0) return refuse(googleError(400, 'invalidParameter', 'The id parameter must name at least one comment.', { domain: 'global', location: 'id' }));
  if (ids.length > MAX_IDS_PER_CALL) return refuse(googleError(400, 'invalidParameter', `The id parameter accepts at most ${MAX_IDS_PER_CALL} comment ids.`, { domain: 'global', location: 'id' }));
  if (ban && status !== 'rejected') return refuse(googleError(400, 'banWithoutReject', 'The banAuthor parameter can only be used if the moderationStatus parameter value is rejected.', { location: 'banAuthor' }));
  const comments = ids.map((id) => state.live(id));
  if (comments.some((c) => c === undefined)) return refuse(googleError(404, 'commentNotFound', 'One or more of the comments that the request is trying to update cannot be found.', { location: 'id' }));
  if (status === 'published' && comments.some((c) => c?.status === 'rejected')) {
    return refuse(googleError(400, 'operationNotSupported', 'A rejected comment cannot be published again.', { location: 'moderationStatus' }));
  }
  for (const c of comments) {
    if (!c) continue;
    const newlyBanned = ban && !state.bannedAuthors.has(c.authorChannelId);
    if (ban) state.bannedAuthors.add(c.authorChannelId);
    const changed = c.status !== status;
    if (changed) {
      c.status = status;
      c.updatedAt = at;
    }
    state.writes.push({ target: c.id, action, applied: changed || newlyBanned, at });
  }
  return { status: 204 };
}
