// Stateful Discourse contract simulator (PLATFORMS.md §3, §10), mounted at /discourse.
// Auth: Api-Key + Api-Username (a wrong pair is 403 invalid_access). Throttle: 60 requests/min per
// key, answered like the middleware (429 text/plain); the rate_limit fault answers like a
// controller (429 JSON with extras.wait_seconds) unless its option format is 'text'; option
// `header: false` drops Retry-After so a client must read the body. token_expired = the key was
// revoked. commit_then_drop applies a perform/suspend and resets the socket.
// Options: items (default 150), rateLimit (per minute, default 60), claimRequired (422 unless claimed).
import { DROP, json, text, transientFaultReply } from '../sim/replies.ts';
import type { Fault, FaultKind, PlatformSimulator, SimContext, SimReply, SimRequest, SimulatorFactory } from '../sim/types.ts';
import { WriteLog } from '../sim/writes.ts';
import { checkRequestBody } from './openapi.ts';
import { DiscourseWorld, SIM_ADMIN } from './simState.ts';
import { reviewableJson, sideLoadJson, statusText } from './simWire.ts';
import { REVIEWABLE_STATUS, STATUS_NAMES } from './wire.ts';

export interface DiscourseSimOptions {
  readonly items?: number | undefined;
  readonly rateLimit?: number | undefined;
  readonly claimRequired?: boolean | undefined;
}

export const SIM_API_KEY = 'stoa-sim-discourse-key';
const PER_PAGE = 10;
const SORTS = new Set(['score', 'score_asc', 'created_at', 'created_at_asc']);
const NOT_FOUND = { errors: ['The requested URL or resource could not be found.'], error_type: 'not_found' };
const INVALID_ACCESS = { errors: ['You are not permitted to view the requested resource.'], error_type: 'invalid_access' };
const BAD_KEY = { errors: ['You are not permitted to view the requested resource. The API username or key is invalid.'], error_type: 'invalid_access' };
const PERFORM = /^\/review\/(\d+)\/perform\/([a-z_]+?)(?:\.json)?$/;
const SHOW = /^\/review\/(\d+)(?:\.json)?$/;
const ADMIN_USER = /^\/admin\/users\/(-?\d+)\.json$/;
const SUSPEND = /^\/admin\/users\/(-?\d+)\/suspend\.json$/;

export function createDiscourseSimulator(options: DiscourseSimOptions = {}): SimulatorFactory {
  return (context) => new DiscourseSimulator(context, options);
}

export class DiscourseSimulator implements PlatformSimulator {
  readonly name = 'discourse';
  // No token to refresh: a random "token_expired" would be a revoked key that only a person fixes.
  readonly randomFaults: readonly FaultKind[] = ['server_error', 'rate_limit', 'drop', 'commit_then_drop', 'malformed_payload'];
  readonly world: DiscourseWorld;
  readonly #context: SimContext;
  readonly #writes: WriteLog;
  readonly #options: DiscourseSimOptions;
  readonly claimed = new Set<number>();
  /** Reasons a removal carried (perform ?reject_reason=), in arrival order, for GET /__sim/state. */
  readonly rejectReasons: { reviewableId: number; actionId: string; rejectReason: string }[] = [];
  #window = -1;
  #used = 0;

  constructor(context: SimContext, options: DiscourseSimOptions) {
    this.#context = context;
    this.#options = options;
    this.#writes = new WriteLog(context.clock);
    const rows = context.corpus.forum.filter((row) => row.source.includes('olid'));
    this.world = new DiscourseWorld(context.rng.fork('world'), rows.length > 0 ? rows : context.corpus.forum, options.items ?? 150, context.clock.nowMs());
  }

  isWrite(method: string): boolean {
    return method === 'PUT' || method === 'POST' || method === 'DELETE';
  }

  demoAccount() {
    return { credentials: { kind: 'api_key' as const, apiKey: SIM_API_KEY, username: SIM_ADMIN.username } };
  }

  state() {
    return { items: Object.fromEntries(STATUS_NAMES.map((name) => [name, this.world.count(name)])), writes: this.#writes.all(), rejectReasons: [...this.rejectReasons] };
  }

  externalAction(target: string, action: string): boolean {
    const reviewable = this.world.find(Number(target));
    return reviewable ? this.world.perform(reviewable, action, this.#context.clock.now().toISOString()) : false;
  }

  insertItems(count: number): string[] {
    return this.world.insert(count, this.#context.clock.nowMs());
  }

  handle(request: SimRequest): SimReply {
    const write = this.isWrite(request.method);
    const { target, action } = write ? this.#writeTarget(request.path) : { target: '', action: '' };
    const refuse = (reply: SimReply): SimReply => {
      if (write) this.#writes.record(target, action, false);
      return reply;
    };
    const transient = transientFaultReply(request.fault);
    if (transient) return refuse(transient);
    if (request.fault?.kind === 'token_expired' || request.headers['api-key'] !== SIM_API_KEY || !['system', SIM_ADMIN.username].includes(request.headers['api-username'] ?? '')) {
      return refuse(json(403, BAD_KEY));
    }
    if (request.fault?.kind === 'rate_limit') return refuse(this.#throttled(request.fault));
    const throttle = this.#meter();
    if (throttle) return refuse(throttle);
    return write ? this.#write(request, target, action) : this.#read(request);
  }

  #writeTarget(path: string): { target: string; action: string } {
    const perform = PERFORM.exec(path);
    if (perform) return { target: perform[1] ?? '', action: perform[2] ?? '' };
    const suspend = SUSPEND.exec(path);
    if (suspend) return { target: `user:${suspend[1] ?? ''}`, action: 'suspend' };
    return { target: path, action: 'unknown' };
  }

  /** The admin-API limit lives in middleware: text/plain with Retry-After (§3.4 format 2). */
  #meter(): SimReply | null {
    const nowS = this.#context.clock.nowMs() / 1000;
    const window = Math.floor(nowS / 60);
    if (window !== this.#window) {
      this.#window = window;
      this.#used = 0;
    }
    this.#used += 1;
    if (this.#used <= (this.#options.rateLimit ?? 60)) return null;
    const wait = Math.max(1, Math.ceil((window + 1) * 60 - nowS));
    return text(429, `Slow down, too many requests from this IP address.\nPlease retry again in ${wait} seconds.\nError code: admin_api_key_60_secs_limit.\n`, {
      'retry-after': String(wait),
      'discourse-rate-limit-error-code': 'admin_api_key_60_secs_limit',
    });
  }

  #throttled(fault: Fault): SimReply {
    const wait = typeof fault.options['wait'] === 'number' ? fault.options['wait'] : 2;
    const headers: Record<string, string> = fault.options['header'] === false ? {} : { 'retry-after': String(wait) };
    headers['discourse-rate-limit-error-code'] = 'perform_reviewable';
    if (fault.options['format'] === 'text') {
      return text(429, `Slow down, too many requests from this IP address.\nPlease retry again in ${wait} seconds.\nError code: ip_10_secs_limit.\n`, headers);
    }
    return json(429, { errors: [`You’ve performed this action too many times. Please wait ${wait} seconds before trying again.`], error_type: 'rate_limit', extras: { wait_seconds: wait, time_left: `${wait} seconds` } }, headers);
  }

  #read(request: SimRequest): SimReply {
    const { path, query } = request;
    if (path === '/review.json' || path === '/review') return this.#list(query, request.fault);
    if (path === '/review/count.json') return json(200, { count: this.world.count('pending') });
    const show = SHOW.exec(path);
    if (show) {
      const reviewable = this.world.find(Number(show[1]));
      if (!reviewable) return json(404, NOT_FOUND);
      return json(200, { reviewable: reviewableJson(this.world, reviewable), ...sideLoadJson(this.world, [reviewable]) });
    }
    const adminUser = ADMIN_USER.exec(path);
    if (adminUser) {
      const user = this.world.users.get(Number(adminUser[1]));
      if (!user) return json(404, NOT_FOUND);
      return json(200, { id: user.id, username: user.username, active: true, admin: user.id === SIM_ADMIN.id, suspended_till: user.suspendedTill, suspend_reason: user.suspendReason, silenced_till: null });
    }
    return json(404, NOT_FOUND);
  }

  #list(query: URLSearchParams, fault: Fault | null): SimReply {
    const status = query.get('status') ?? 'pending';
    const sort = query.get('sort_order') ?? 'score';
    const offset = Number(query.get('offset') ?? '0');
    if (!(['reviewed', 'all'] as string[]).concat(STATUS_NAMES).includes(status) || !SORTS.has(sort) || !Number.isInteger(offset) || offset < 0) {
      return json(400, { errors: ['Invalid parameters: status, sort_order or offset'], error_type: 'invalid_parameters' });
    }
    const type = query.get('type');
    const matches = this.world.reviewables.filter((reviewable) => {
      if (type && reviewable.type !== type) return false;
      if (status === 'all') return true;
      if (status === 'reviewed') return reviewable.status !== REVIEWABLE_STATUS.pending;
      return statusText(reviewable.status) === status;
    });
    const ordered = sort === 'created_at_asc' ? matches : sort === 'created_at' ? [...matches].reverse() : [...matches].sort((a, b) => (sort === 'score' ? b.scoreIds.length - a.scoreIds.length : a.scoreIds.length - b.scoreIds.length) || a.id - b.id);
    const page = ordered.slice(offset, offset + PER_PAGE);
    const reviewables: unknown[] = page.map((reviewable) => reviewableJson(this.world, reviewable));
    if (fault?.kind === 'malformed_payload' && reviewables.length > 0) {
      const index = this.#context.rng.int(0, reviewables.length - 1);
      reviewables[index] = { ...(reviewables[index] as Record<string, unknown>), version: 'v?', status: null };
    }
    const meta: Record<string, unknown> = { status, types: { ReviewableFlaggedPost: 'Flagged post', ReviewableQueuedPost: 'Queued post' }, total_rows_reviewables: ordered.length, reviewable_count: this.world.count('pending'), unseen_reviewable_count: 0 };
    if (offset + PER_PAGE < ordered.length) {
      const next = new URLSearchParams(query);
      next.set('offset', String(offset + PER_PAGE));
      meta['load_more_reviewables'] = `/review?${next.toString()}`;
    }
    return json(200, { reviewables, ...sideLoadJson(this.world, page), meta });
  }

  #write(request: SimRequest, target: string, action: string): SimReply {
    const drop = request.fault?.kind === 'commit_then_drop';
    const record = (applied: boolean, reply: SimReply): SimReply => {
      this.#writes.record(target, action, applied);
      return applied && drop ? DROP : reply;
    };
    const perform = PERFORM.exec(request.path);
    if (perform && request.method === 'PUT') {
      const reviewable = this.world.find(Number(perform[1]));
      if (!reviewable) return record(false, json(404, NOT_FOUND));
      const version = request.query.get('version');
      if (version === null || version === '') return record(false, json(422, { errors: ['You must supply a version when performing an action.'], error_type: 'missing_version' }));
      if (Number(version) !== reviewable.version) return record(false, json(409, { errors: ['This item was changed by someone else. Reload it and try again.'], error_type: 'conflict' }));
      if (this.#options.claimRequired && !this.claimed.has(reviewable.id)) return record(false, json(422, { errors: ['You must claim this item before acting on it.'], error_type: 'must_claim' }));
      const applied = this.world.perform(reviewable, perform[2] ?? '', this.#context.clock.now().toISOString());
      if (!applied) return record(false, json(403, INVALID_ACCESS));
      const rejectReason = request.query.get('reject_reason');
      if (rejectReason) this.rejectReasons.push({ reviewableId: reviewable.id, actionId: perform[2] ?? '', rejectReason });
      return record(true, json(200, {
        reviewable_perform_result: {
          success: true,
          transition_to: statusText(reviewable.status),
          transition_to_id: reviewable.status,
          version: reviewable.version,
          reviewable_count: this.world.count('pending'),
          unseen_reviewable_count: 0,
          remove_reviewable_ids: [reviewable.id],
        },
      }));
    }
    const suspend = SUSPEND.exec(request.path);
    if (suspend && request.method === 'PUT') return this.#suspend(Number(suspend[1]), request, record);
    return record(false, json(404, NOT_FOUND));
  }

  #suspend(userId: number, request: SimRequest, record: (applied: boolean, reply: SimReply) => SimReply): SimReply {
    let body: unknown;
    try {
      body = (request.headers['content-type'] ?? '').includes('application/json') ? JSON.parse(request.body) : Object.fromEntries(new URLSearchParams(request.body));
    } catch {
      return record(false, json(400, { errors: ['The request body is not valid JSON.'], error_type: 'invalid_parameters' }));
    }
    // Checked against the saved OpenAPI: required suspend_until + reason, no unknown fields.
    const problems = checkRequestBody('/admin/users/{id}/suspend.json', 'put', body);
    if (problems.length > 0) return record(false, json(400, { errors: problems, error_type: 'invalid_parameters' }));
    const user = this.world.users.get(userId);
    if (!user) return record(false, json(404, NOT_FOUND));
    if (user.id === SIM_ADMIN.id) return record(false, json(403, INVALID_ACCESS));
    const now = this.#context.clock.now();
    if (user.suspendedTill && Date.parse(user.suspendedTill) > now.getTime()) return record(false, json(409, { errors: ['User is already suspended.'], error_type: 'conflict' }));
    const { suspend_until: until, reason } = body as { suspend_until: string; reason: string };
    if (Number.isNaN(Date.parse(until))) return record(false, json(400, { errors: ['suspend_until is not a date'], error_type: 'invalid_parameters' }));
    user.suspendedTill = new Date(until).toISOString();
    user.suspendReason = reason;
    return record(true, json(200, {
      suspension: {
        suspend_reason: reason,
        full_suspend_reason: reason,
        suspended_till: user.suspendedTill,
        suspended_at: now.toISOString(),
        suspended_by: { id: SIM_ADMIN.id, username: SIM_ADMIN.username, name: 'Stoa Sim Admin', avatar_template: '/letter_avatar_proxy/v4/letter/s/{size}.png' },
      },
    }));
  }
}
