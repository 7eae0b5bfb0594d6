// What follows a Reddit removal when the moderator gave a reason (PLATFORMS.md §2.3, PRAW's
// ThingModerationMixin): the removal reason and its short mod note on the thing
// (POST /api/v1/modactions/removal_reasons, json={"item_ids","mod_note","reason_id"}, valid only
// once removed), the removal message to the author (POST /api/v1/modactions/removal_link_message or
// removal_comment_message, json={"item_id","message","title","type"}) and a mod note about the
// person (POST /api/mod/notes subreddit, user, note, reddit_id). The reason call is a set and
// goes first; a mod note is looked for (GET /api/mod/notes) before it is added, so a retry adds
// none twice; the message goes last, so a retry after a failure earlier in the chain cannot have
// sent it already. A failure here is never "ambiguous" for the sync engine: the removal itself is
// known to have landed, and a read-before-write would settle the entry without the rest.
import { z } from 'zod';
import { permanentFailure } from '../common/http.ts';
import type { ActionRequest, ActOutcome } from '../platform.ts';
import { isFailure, type RedditClient } from './client.ts';

/** Reddit's limits: the removal mod note 100 characters, a mod note 250. */
const REMOVAL_NOTE_MAX = 100;
const MOD_NOTE_MAX = 250;

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Whether a removal carries anything beyond /api/remove. */
export function hasRemovalExtras(request: ActionRequest): boolean {
  const p = request.params ?? {};
  return request.action === 'remove' && Boolean(p.reason || p.reasonId || p.note || p.message);
}

async function post(client: RedditClient, path: string, params: Record<string, string>, what: string): Promise<ActOutcome | null> {
  const reply = await client.call('POST', path, params, true);
  if (isFailure(reply)) {
    const reason = `removed, but the ${what} was not sent yet: ${reply.reason}`;
    return reply.status === 'retry_after' ? { ...reply, ambiguous: false, reason } : { ...reply, reason };
  }
  if (reply.status >= 200 && reply.status < 300) return null;
  return permanentFailure(`http_${reply.status}`, `removed, but Reddit answered ${reply.status} to the ${what}`);
}

/** Sends the reason, the note and the message after a successful removal; null when all landed. */
export async function sendRemovalExtras(client: RedditClient, request: ActionRequest): Promise<ActOutcome | null> {
  const p = request.params ?? {};
  const id = request.target.remoteId;
  if (p.reason || p.reasonId) {
    const body = { item_ids: [id], mod_note: cut(p.reason ?? '', REMOVAL_NOTE_MAX), reason_id: p.reasonId ?? null };
    const failed = await post(client, '/api/v1/modactions/removal_reasons', { api_type: 'json', json: JSON.stringify(body) }, 'removal reason');
    if (failed) return failed;
  }
  if (p.note && request.target.author) {
    const params = { subreddit: request.target.community.name, user: request.target.author.name, note: cut(p.note, MOD_NOTE_MAX), reddit_id: id };
    const seen = await noteExists(client, params);
    if (typeof seen !== 'boolean') return seen;
    if (!seen) {
      const failed = await post(client, '/api/mod/notes', params, 'mod note');
      if (failed) return failed;
    }
  }
  if (p.message) {
    const path = request.target.kind === 'comment' ? '/api/v1/modactions/removal_comment_message' : '/api/v1/modactions/removal_link_message';
    const body = { item_id: [id], message: p.message, title: cut(p.reason || 'Your post was removed', 50), type: 'private' };
    const failed = await post(client, path, { api_type: 'json', json: JSON.stringify(body) }, 'removal message');
    if (failed) return failed;
  }
  return null;
}

const modNotesSchema = z.object({ mod_notes: z.array(z.object({ user_note_data: z.object({ note: z.string().nullable().optional(), reddit_id: z.string().nullable().optional() }).nullable().optional() })) });

/** Whether the person already has this note on this thing (a retry after a later step failed). */
async function noteExists(client: RedditClient, params: { subreddit: string; user: string; note: string; reddit_id: string }): Promise<boolean | ActOutcome> {
  const reply = await client.call('GET', '/api/mod/notes', { subreddit: params.subreddit, user: params.user, filter: 'NOTE', limit: '100' }, false);
  if (isFailure(reply)) return reply.status === 'retry_after' ? { ...reply, ambiguous: false, reason: `removed, but the mod notes could not be read: ${reply.reason}` } : reply;
  const parsed = modNotesSchema.safeParse(reply.body);
  if (reply.status !== 200 || !parsed.success) return false;
  return parsed.data.mod_notes.some((entry) => entry.user_note_data?.note === params.note && entry.user_note_data.reddit_id === params.reddit_id);
}
