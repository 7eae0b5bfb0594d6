// What follows a Reddit removal when the moderator gave a reason (PLATFORMS.md §2.3, PRAW's
// ThingModerationMixin): the removal reason and its short mod note on the thing
// (POST /api/v1/modactions/removal_reasons, json={"item_ids","mod_note","reason_id"}, valid only
// once removed), the removal message to the author (POST /api/v1/modactions/removal_link_message or
// removal_comment_message, json={"item_id","message","title","type"}) and a mod note about the
// person (POST /api/mod/notes subreddit, user, note, reddit_id). The reason call is a set and
// goes first; a mod note is looked for (GET /api/mod/notes) before it is added, so a retry adds
// none twice; the message goes last, so a retry after a failure earlier in the chain cannot have
// sent it already. A failure here is never "ambiguous" for the sync engine: the removal itself is
// known to have landed. Each step's progress is recorded in the request's `steps` (the outbox
// entry), so an attempt after a crash sends only what is missing; a message whose request left
// without a recorded answer is not sent again blindly — a person is asked (Retry sends it).
import { z } from 'zod';
import { permanentFailure } from '../common/http.ts';
import type { ActionRequest, ActionSteps, ActOutcome } from '../platform.ts';
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

/** A step that did not land; `maybeApplied` when its request left and no answer came back. */
interface StepFailure {
  readonly outcome: ActOutcome;
  readonly maybeApplied: boolean;
}

async function post(client: RedditClient, path: string, params: Record<string, string>, what: string): Promise<StepFailure | null> {
  const reply = await client.call('POST', path, params, true);
  if (isFailure(reply)) {
    // Only a request that got no answer at all may have landed unseen; a 5xx is taken as not sent
    // (Reddit answers them often, and asking a person after each would stall every macro).
    const maybeApplied = reply.status === 'retry_after' && reply.ambiguous && reply.answered === false;
    const reason = `removed, but the ${what} was not sent yet: ${reply.reason}`;
    return { outcome: reply.status === 'retry_after' ? { ...reply, ambiguous: false, reason } : { ...reply, reason }, maybeApplied };
  }
  if (reply.status >= 200 && reply.status < 300) return null;
  return { outcome: permanentFailure(`http_${reply.status}`, `removed, but Reddit answered ${reply.status} to the ${what}`), maybeApplied: false };
}

/** A caller that keeps no progress: every step is tried each time (the chain's own order keeps it safe). */
const NO_STEPS: ActionSteps = { state: () => null, sending: () => undefined, landed: () => undefined, notSent: () => undefined };

/** One step: skipped when it landed before, recorded around its request. */
async function step(steps: ActionSteps, name: string, send: () => Promise<StepFailure | null>): Promise<ActOutcome | null> {
  if (steps.state(name) === 'done') return null;
  steps.sending(name);
  const failed = await send();
  if (!failed) steps.landed(name);
  else if (!failed.maybeApplied) steps.notSent(name);
  return failed?.outcome ?? null;
}

/** Sends the reason, the note and the message after a successful removal; null when all landed. */
export async function sendRemovalExtras(client: RedditClient, request: ActionRequest): Promise<ActOutcome | null> {
  const p = request.params ?? {};
  const id = request.target.remoteId;
  const steps = request.steps ?? NO_STEPS;
  if (p.reason || p.reasonId) {
    // A set on the thing: sending it again after an unanswered request changes nothing.
    const body = { item_ids: [id], mod_note: cut(p.reason ?? '', REMOVAL_NOTE_MAX), reason_id: p.reasonId ?? null };
    const failed = await step(steps, 'removal_reason', () => post(client, '/api/v1/modactions/removal_reasons', { api_type: 'json', json: JSON.stringify(body) }, 'removal reason'));
    if (failed) return failed;
  }
  const author = request.target.author;
  if (p.note && author) {
    const params = { subreddit: request.target.community.name, user: author.name, note: cut(p.note, MOD_NOTE_MAX), reddit_id: id };
    // Read first, so an unanswered earlier request adds no second note.
    const failed = await step(steps, 'mod_note', async () => {
      const seen = await noteExists(client, params);
      if (typeof seen !== 'boolean') return { outcome: seen, maybeApplied: false };
      return seen ? null : post(client, '/api/mod/notes', params, 'mod note');
    });
    if (failed) return failed;
  }
  if (p.message) {
    // Reddit cannot be asked whether a removal message went out: one that may have, is not resent.
    if (steps.state('removal_message') === 'sent') {
      return permanentFailure(
        'message_unconfirmed',
        'removed with its reason, but Stoa stopped while the removal message was being sent, so it may have reached the author; check the modmail, then Retry to send it again',
      );
    }
    const path = request.target.kind === 'comment' ? '/api/v1/modactions/removal_comment_message' : '/api/v1/modactions/removal_link_message';
    const body = { item_id: [id], message: p.message, title: cut(p.reason || 'Your post was removed', 50), type: 'private' };
    const failed = await step(steps, 'removal_message', () => post(client, path, { api_type: 'json', json: JSON.stringify(body) }, 'removal message'));
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
