// Stateful Reddit contract simulator (PLATFORMS.md §2, §10), mounted at /reddit by the sim host.
// Token host and API host share the prefix: point both baseUrl and authBaseUrl at `${url}/reddit`.
// Faults: rate_limit → 429 with X-Ratelimit-* (option `reset`, default 2 s); token_expired → the
// presented token dies and the reply is 401 invalid_token; commit_then_drop → the action is
// applied, then the socket is reset; malformed_payload → one listing child loses its fullname.
import { DROP, json, transientFaultReply } from '../sim/replies.ts';
import type { Fault, PlatformSimulator, SimContext, SimReply, SimRequest, SimulatorFactory } from '../sim/types.ts';
import { WriteLog } from '../sim/writes.ts';
import { remoteStateOf } from './map.ts';
import { RedditOAuth, SIM_CLIENT_ID, SIM_CLIENT_SECRET } from './simAuth.ts';
import { REASON_PATHS, RedditSimReasons } from './simReasons.ts';
import { FOREIGN_SUB, RedditWorld, SIM_MODERATOR, type SimThing, type Where } from './simState.ts';
import { listingJson, thingJson } from './simWire.ts';
import { thingDataSchema } from './wire.ts';

export interface RedditSimOptions {
  /** Things seeded at start (default 240). */
  readonly items?: number | undefined;
  /** Requests per 600 s window before 429 (default 1000). */
  readonly rateLimit?: number | undefined;
  readonly rotation?: 'on_use' | 'immediate' | undefined;
  /** Bans per subreddit per hour before SUBREDDIT_RATELIMIT (hidden in a 200); default unlimited. */
  readonly banQuota?: number | undefined;
}

const WHERE = new Set<string>(['modqueue', 'reports', 'spam', 'unmoderated']);
const ACTIONS = new Set(['/api/approve', '/api/remove', '/api/ignore_reports', '/api/unignore_reports']);
const FRIEND = /^\/r\/([^/]+)\/api\/(friend|unfriend)$/;
const LISTING = /^\/r\/([^/]+)\/about\/([a-z]+)$/;
const BANNED = /^\/r\/([^/]+)\/about\/banned$/;

const notFound = (): SimReply => json(404, { message: 'Not Found', error: 404 });
const forbidden = (): SimReply => json(403, { message: 'Forbidden', error: 403 });

/** VLimit: default 25, clamped to 1..100, a non-integer falls back to the default. */
function clampLimit(raw: string | null): number {
  const value = raw === null ? Number.NaN : Number(raw);
  if (!Number.isInteger(value)) return 25;
  return Math.min(100, Math.max(1, value));
}

export function createRedditSimulator(options: RedditSimOptions = {}): SimulatorFactory {
  return (context: SimContext) => new RedditSimulator(context, options);
}

export class RedditSimulator implements PlatformSimulator {
  readonly name = 'reddit';
  readonly world: RedditWorld;
  readonly oauth: RedditOAuth;
  /** Removal reasons, removal messages and mod notes that reached the simulator. */
  readonly reasons: RedditSimReasons;
  readonly #context: SimContext;
  readonly #writes: WriteLog;
  readonly #limit: number;
  readonly #banQuota: number;
  /** sub → ban timestamps (ms) in the last hour. */
  readonly #recentBans = new Map<string, number[]>();

  constructor(context: SimContext, options: RedditSimOptions) {
    this.#context = context;
    this.#writes = new WriteLog(context.clock);
    this.#limit = options.rateLimit ?? 1000;
    this.#banQuota = options.banQuota ?? Number.POSITIVE_INFINITY;
    this.world = new RedditWorld(context.rng.fork('world'), context.corpus.forum, options.items ?? 240, context.clock.nowMs());
    this.oauth = new RedditOAuth(context.clock, context.rng.fork('oauth'), options.rotation ?? 'on_use');
    this.reasons = new RedditSimReasons(this.world);
  }

  isWrite(method: string, path: string): boolean {
    return method === 'POST' && !path.startsWith('/api/v1/access_token');
  }

  demoAccount() {
    return {
      credentials: { kind: 'oauth2' as const, clientId: SIM_CLIENT_ID, clientSecret: SIM_CLIENT_SECRET, refreshToken: this.oauth.initialRefreshToken },
      options: { subreddit: 'mod' },
    };
  }

  state() {
    const items: Record<string, number> = {};
    for (const thing of this.world.things.values()) {
      const parsed = thingDataSchema.safeParse(thingJson(thing, this.world.things).data);
      const state = parsed.success ? remoteStateOf(parsed.data) : 'unreadable';
      items[state] = (items[state] ?? 0) + 1;
    }
    return { items, writes: this.#writes.all(), ...this.reasons.state() };
  }

  externalAction(target: string, action: string): boolean {
    const thing = this.world.things.get(target);
    if (!thing) return false;
    if (action === 'delete') {
      thing.deleted = true;
      return true;
    }
    return this.#apply(thing, action, 'another_mod') !== null;
  }

  insertItems(count: number): string[] {
    return this.world.insert(count, this.#context.clock.nowMs());
  }

  handle(request: SimRequest): SimReply {
    const path = request.path.replace(/\/+$/, '') || '/';
    if (path === '/api/v1/access_token') return this.#token(request);
    const write = this.isWrite(request.method, path);
    const target = write ? this.#targetOf(path, new URLSearchParams(request.body)) : '';
    const action = write ? this.#actionName(path, new URLSearchParams(request.body)) : '';
    const refuse = (reply: SimReply): SimReply => {
      if (write) this.#writes.record(target, action, false);
      return reply;
    };
    const transient = transientFaultReply(request.fault);
    if (transient) return refuse(transient);
    if (request.fault?.kind === 'token_expired') this.oauth.expire(request.headers['authorization']);
    const authError = this.oauth.check(request.headers['authorization']);
    if (authError) {
      return refuse(json(401, { message: 'Unauthorized', error: 401 }, { 'www-authenticate': `Bearer realm="reddit", error="${authError}"` }));
    }
    if (request.fault?.kind === 'rate_limit') {
      const reset = typeof request.fault.options['reset'] === 'number' ? request.fault.options['reset'] : 2;
      return refuse(json(429, { message: 'Too Many Requests', error: 429 }, this.oauth.burstHeaders(this.#limit, reset)));
    }
    const meter = this.oauth.meter(this.#limit);
    if (meter.over) return refuse(json(429, { message: 'Too Many Requests', error: 429 }, meter.headers));
    const reply = write ? this.#write(path, request, target, action) : this.#read(path, request.query, request.fault);
    if ('drop' in reply) return reply;
    return { ...reply, headers: { ...reply.headers, ...meter.headers } };
  }

  #token(request: SimRequest): SimReply {
    const transient = transientFaultReply(request.fault);
    if (transient) return transient;
    if (request.method !== 'POST') return notFound();
    const grant = this.oauth.grant(request.headers['authorization'], new URLSearchParams(request.body));
    return grant.ok ? json(200, grant.body) : json(grant.status, grant.body, grant.headers);
  }

  #targetOf(path: string, form: URLSearchParams): string {
    const friend = FRIEND.exec(path);
    if (friend) return `u/${(form.get('name') ?? '').toLowerCase()}@r/${friend[1] ?? ''}`;
    if (REASON_PATHS.has(path)) return this.reasons.targetOf(path, form);
    return form.get('id') ?? '';
  }

  #actionName(path: string, form: URLSearchParams): string {
    const friend = FRIEND.exec(path);
    if (friend) return friend[2] === 'friend' ? `ban` : 'unban';
    const name = path.replace('/api/', '');
    // The server's default for spam is true (§2.3): an omitted flag is a spam removal.
    if (name === 'remove') return form.get('spam')?.toLowerCase() === 'false' ? 'remove' : 'spam';
    return name;
  }

  /** Applies a mod action; returns whether state changed, or null for an unknown action. */
  #apply(thing: SimThing, action: string, moderator: string): boolean | null {
    const before = JSON.stringify(thing);
    switch (action) {
      case 'approve':
        // Approve un-removes, un-spams and clears reports.
        Object.assign(thing, { approvedBy: moderator, bannedBy: null, removed: false, spam: false, userReports: [], modReports: [], ignoreReports: false });
        break;
      case 'remove':
      case 'spam':
        Object.assign(thing, { bannedBy: moderator, removed: true, spam: action === 'spam', approvedBy: null });
        break;
      case 'ignore_reports':
        thing.ignoreReports = true;
        break;
      case 'unignore_reports':
        thing.ignoreReports = false;
        break;
      default:
        return null;
    }
    return JSON.stringify(thing) !== before;
  }

  #write(path: string, request: SimRequest, target: string, action: string): SimReply {
    // Reddit reads mod-action parameters from a form body only; a JSON body arrives as "no id".
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      this.#writes.record(target, action, false);
      return json(400, { message: 'Bad Request', error: 400 });
    }
    const form = new URLSearchParams(request.body);
    const dropAfterCommit = request.fault?.kind === 'commit_then_drop';
    const friend = FRIEND.exec(path);
    if (friend) return this.#friend(friend[1] ?? '', friend[2] === 'friend', form, target, action, dropAfterCommit);
    if (REASON_PATHS.has(path)) {
      const { reply, applied } = this.reasons.handle(path, form);
      this.#writes.record(target, action, applied);
      return applied && dropAfterCommit ? DROP : reply;
    }
    if (!ACTIONS.has(path)) return notFound();
    const thing = this.world.things.get(form.get('id') ?? '');
    // Unknown or deleted things: the endpoints return early with an empty object.
    if (!thing || thing.deleted) {
      this.#writes.record(target, action, false);
      return dropAfterCommit ? DROP : json(200, {});
    }
    if (!this.world.isModeratedSub(thing.sub)) {
      this.#writes.record(target, action, false);
      return forbidden();
    }
    const changed = this.#apply(thing, action, SIM_MODERATOR) ?? false;
    this.#writes.record(target, action, changed);
    return dropAfterCommit ? DROP : json(200, {});
  }

  #friend(sub: string, add: boolean, form: URLSearchParams, target: string, action: string, dropAfterCommit: boolean): SimReply {
    const fail = (code: string, message: string, field: string): SimReply => {
      this.#writes.record(target, action, false);
      return json(200, { json: { errors: [[code, message, field]] } });
    };
    if (sub.toLowerCase() === FOREIGN_SUB.toLowerCase()) {
      this.#writes.record(target, action, false);
      return forbidden();
    }
    if (!this.world.isModeratedSub(sub)) {
      this.#writes.record(target, action, false);
      return notFound();
    }
    if (form.get('type') !== 'banned') return fail('INVALID_OPTION', 'that option is not valid', 'type');
    const name = form.get('name') ?? '';
    if (!this.world.users.has(name.toLowerCase())) return fail('USER_DOESNT_EXIST', "that user doesn't exist", 'name');
    if (name.toLowerCase() === SIM_MODERATOR.toLowerCase()) return fail('CANT_RESTRICT_MODERATOR', "You can't do that to that user.", 'name');
    const bans = this.world.bans.get(sub.toLowerCase()) ?? new Map();
    this.world.bans.set(sub.toLowerCase(), bans);
    if (!add) {
      const had = bans.delete(name.toLowerCase());
      this.#writes.record(target, action, had);
      return dropAfterCommit ? DROP : json(200, {});
    }
    const durationRaw = form.get('duration');
    const duration = durationRaw === null || durationRaw === '' ? null : Number(durationRaw);
    if (duration !== null && !(Number.isInteger(duration) && duration >= 1 && duration <= 999)) return fail('BAD_NUMBER', 'that number is out of range (1 - 999)', 'duration');
    const reason = form.get('ban_reason') ?? '';
    const message = form.get('ban_message') ?? '';
    const note = form.get('note') ?? '';
    if (reason.length > 100) return fail('TOO_LONG', 'this is too long (max: 100)', 'ban_reason');
    if (message.length > 1000) return fail('TOO_LONG', 'this is too long (max: 1000)', 'ban_message');
    if (note.length > 300) return fail('TOO_LONG', 'this is too long (max: 300)', 'note');
    const nowMs = this.#context.clock.nowMs();
    const recent = (this.#recentBans.get(sub.toLowerCase()) ?? []).filter((at) => at > nowMs - 3_600_000);
    if (recent.length >= this.#banQuota) {
      const minutes = Math.max(1, Math.ceil(((recent[0] ?? nowMs) + 3_600_000 - nowMs) / 60_000));
      return fail('SUBREDDIT_RATELIMIT', `you are doing that too much. try again in ${minutes} minutes.`, 'ratelimit');
    }
    this.#recentBans.set(sub.toLowerCase(), [...recent, nowMs]);
    const previous = bans.get(name.toLowerCase());
    const ban = { name, date: Math.floor(this.#context.clock.nowMs() / 1000), note, reason, message, duration };
    // A ban is an upsert: the same ban again changes nothing.
    const lapsed = previous !== undefined && previous.duration !== null && previous.date + previous.duration * 86_400 <= nowMs / 1000;
    const changed = !previous || lapsed || previous.duration !== duration || previous.reason !== reason || previous.note !== note;
    if (changed) bans.set(name.toLowerCase(), ban);
    this.#writes.record(target, action, changed);
    return dropAfterCommit ? DROP : json(200, { json: { errors: [] } });
  }

  #read(path: string, query: URLSearchParams, fault: Fault | null): SimReply {
    if (path === '/api/v1/me') return json(200, { name: SIM_MODERATOR, id: '6c1xj', is_mod: true });
    if (path === '/api/mod/notes') return this.reasons.list(query);
    if (path === '/api/info') {
      const ids = (query.get('id') ?? '').split(',').filter((id) => id !== '');
      const children = ids.flatMap((id) => {
        const thing = this.world.things.get(id);
        return thing ? [thingJson(thing, this.world.things)] : [];
      });
      return json(200, listingJson(children, null, null));
    }
    const banned = BANNED.exec(path);
    if (banned) return this.#banned(banned[1] ?? '', query);
    const listing = LISTING.exec(path);
    if (!listing || !WHERE.has(listing[2] ?? '')) return notFound();
    const subs = this.world.resolveSubs(listing[1] ?? '');
    if (!subs.ok) return subs.status === 403 ? forbidden() : notFound();
    const onlyRaw = query.get('only');
    const only = onlyRaw === 'links' || onlyRaw === 'comments' ? onlyRaw : null;
    const page = this.world.listing(subs.subs, listing[2] as Where, only, clampLimit(query.get('limit')), query.get('after'), query.get('before'));
    const children: unknown[] = page.page.map((thing) => thingJson(thing, this.world.things));
    if (fault?.kind === 'malformed_payload' && children.length > 0) {
      const index = this.#context.rng.int(0, children.length - 1);
      const broken = children[index] as { kind: string; data: Record<string, unknown> };
      children[index] = { kind: broken.kind, data: { ...broken.data, name: undefined, created_utc: 'yesterday' } };
    }
    return json(200, listingJson(children, page.after, page.before));
  }

  #banned(sub: string, query: URLSearchParams): SimReply {
    if (!this.world.isModeratedSub(sub)) return sub.toLowerCase() === FOREIGN_SUB.toLowerCase() ? forbidden() : notFound();
    const user = query.get('user')?.toLowerCase();
    const nowS = this.#context.clock.nowMs() / 1000;
    // A temporary ban lapses after its duration in days on the virtual clock.
    const active = (ban: { date: number; duration: number | null }) => ban.duration === null || ban.date + ban.duration * 86_400 > nowS;
    const bans = [...(this.world.bans.get(sub.toLowerCase())?.values() ?? [])].filter((ban) => active(ban) && (user === undefined || ban.name.toLowerCase() === user));
    return json(200, listingJson(bans.map((ban) => ({ date: ban.date, note: ban.note, name: ban.name, id: `t2_${ban.name.length.toString(36)}` })), null, null));
  }
}
