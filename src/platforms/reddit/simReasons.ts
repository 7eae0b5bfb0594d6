// The Reddit simulator's removal reasons, removal messages and mod notes (PLATFORMS.md §2.3; the
// PRAW cassettes TestSubmissionModeration.test_remove_with_reason_id), kept so a test can see in
// GET /__sim/state what reached "Reddit". A removal reason is refused (400) unless the thing is
// removed, as on Reddit; a mod note needs the user and the subreddit.
import { json } from '../sim/replies.ts';
import type { SimReply } from '../sim/types.ts';
import type { RedditWorld } from './simState.ts';

export const REASON_PATHS = new Set(['/api/v1/modactions/removal_reasons', '/api/v1/modactions/removal_link_message', '/api/v1/modactions/removal_comment_message', '/api/mod/notes']);

export interface SimRemovalReason {
  readonly itemId: string;
  readonly reasonId: string | null;
  readonly modNote: string;
}

export interface SimRemovalMessage {
  readonly itemId: string;
  readonly title: string;
  readonly message: string;
  readonly type: string;
}

export interface SimModNote {
  readonly subreddit: string;
  readonly user: string;
  readonly note: string;
  readonly redditId: string | null;
}

const badRequest = (): SimReply => json(400, { message: 'Bad Request', error: 400 });

function jsonField(form: URLSearchParams): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(form.get('json') ?? '');
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const idsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);

export class RedditSimReasons {
  /** Latest reason per thing (Reddit keeps one), in the order they were set. */
  readonly reasons = new Map<string, SimRemovalReason>();
  readonly messages: SimRemovalMessage[] = [];
  readonly notes: SimModNote[] = [];
  readonly #world: RedditWorld;

  constructor(world: RedditWorld) {
    this.#world = world;
  }

  /** The write log's target for one of these calls: the thing, or the user a note is about. */
  targetOf(path: string, form: URLSearchParams): string {
    if (path === '/api/mod/notes') return form.get('reddit_id') ?? `u/${form.get('user') ?? ''}`;
    const body = jsonField(form);
    return idsOf(body?.['item_ids'] ?? body?.['item_id'])[0] ?? '';
  }

  /** Handles one call; `applied` says whether anything was stored, for the write log. */
  handle(path: string, form: URLSearchParams): { reply: SimReply; applied: boolean } {
    if (path === '/api/mod/notes') return this.#note(form);
    const body = jsonField(form);
    if (!body) return { reply: badRequest(), applied: false };
    if (path === '/api/v1/modactions/removal_reasons') {
      const ids = idsOf(body['item_ids']);
      const things = ids.map((id) => this.#world.things.get(id));
      if (ids.length === 0 || things.some((thing) => !thing || !thing.removed)) return { reply: badRequest(), applied: false };
      const reasonId = typeof body['reason_id'] === 'string' ? body['reason_id'] : null;
      const modNote = typeof body['mod_note'] === 'string' ? body['mod_note'] : '';
      for (const id of ids) this.reasons.set(id, { itemId: id, reasonId, modNote });
      return { reply: { status: 200, headers: {}, body: '' }, applied: true };
    }
    const ids = idsOf(body['item_id']);
    const message = typeof body['message'] === 'string' ? body['message'] : '';
    if (ids.length === 0 || message === '' || ids.some((id) => !this.#world.things.get(id)?.removed)) return { reply: badRequest(), applied: false };
    for (const id of ids) this.messages.push({ itemId: id, title: typeof body['title'] === 'string' ? body['title'] : '', message, type: typeof body['type'] === 'string' ? body['type'] : 'public' });
    return { reply: json(200, {}), applied: true };
  }

  #note(form: URLSearchParams): { reply: SimReply; applied: boolean } {
    const subreddit = form.get('subreddit') ?? '';
    const user = form.get('user') ?? '';
    const note = form.get('note') ?? '';
    if (!this.#world.isModeratedSub(subreddit) || user === '' || note === '' || note.length > 250) return { reply: badRequest(), applied: false };
    const entry: SimModNote = { subreddit, user, note, redditId: form.get('reddit_id') };
    this.notes.push(entry);
    return { reply: json(200, { created: { subreddit: entry.subreddit, user: entry.user, user_note_data: { note: entry.note, reddit_id: entry.redditId } } }), applied: true };
  }

  /** GET /api/mod/notes?subreddit&user[&filter]: the person's notes, newest first, in Reddit's shape. */
  list(query: URLSearchParams): SimReply {
    const subreddit = query.get('subreddit') ?? '';
    const user = (query.get('user') ?? '').toLowerCase();
    if (!this.#world.isModeratedSub(subreddit) || user === '') return badRequest();
    const notes = this.notes.filter((n) => n.subreddit.toLowerCase() === subreddit.toLowerCase() && n.user.toLowerCase() === user).reverse();
    return json(200, { mod_notes: notes.map((n) => ({ subreddit: n.subreddit, user: n.user, type: 'NOTE', user_note_data: { note: n.note, reddit_id: n.redditId } })), has_next_page: false, end_cursor: null });
  }

  state() {
    return { removalReasons: [...this.reasons.values()], removalMessages: [...this.messages], modNotes: [...this.notes] };
  }
}
