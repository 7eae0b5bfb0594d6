// Stateful contract simulator for the Instagram Graph API comment surface (PLATFORMS.md §4.2,
// §4.6, §10), mounted by the shared sim host at /instagram with Graph's path layout below it:
// /instagram/v21.0/{id}[/{edge}] (any /vNN.N/ prefix, or none as on graph.instagram.com) and
// /instagram/refresh_access_token. Throttling is Meta's: usage percentages in X-App-Usage and
// X-Business-Use-Case-Usage on every reply, error code 4 (or 17/32/613/80002 by fault option)
// when the hourly budget is gone — no 429 and no Retry-After.
import { transientFaultReply } from '../sim/replies.ts';
import { simMediaUrl } from '../sim/simMedia.ts';
import type { FaultKind, PlatformSimulator, SimContext, SimReply, SimRequest } from '../sim/types.ts';
import { checkOperation, type OperationName } from './graphSpec.ts';
import { graphError, MetaTokens, objectMissing, THROTTLE_MESSAGES, UsageMeter } from './simMeta.ts';
import { afterOf, DEFAULT_COMMENT_FIELDS, DEFAULT_MEDIA_FIELDS, isAfter, isReply, limitOf, pageReply, renderComment, renderMedia, replyPage, selectFields } from './simRender.ts';
import { creatorsFrom, loadCreatorCaptions } from './simCreators.ts';
import { InstagramSimState } from './simState.ts';
import { SimCatalog, type SimCatalogSeed } from './simCatalog.ts';
import { SimPublishing } from './simPublish.ts';

export interface InstagramSimOptions {
  readonly igUserId?: string;
  readonly username?: string;
  readonly mediaCount?: number;
  /** How many dataset rows to seed (default 600; the set has 3,444). */
  readonly seedLimit?: number;
  /** The app's hourly call budget behind the usage percentages. */
  readonly callsPerHour?: number;
  /** Creator accounts whose media the media edge serves (default 3; real captions when the datasets are there). */
  readonly creatorCount?: number;
  readonly datasetsDir?: string;
  /** The Meta catalog behind catalog_product_search (default: three products, one pending review). */
  readonly catalogId?: string;
  readonly catalogProducts?: readonly SimCatalogSeed[];
  /** API-published posts per rolling 24 h behind content_publishing_limit (default 50). */
  readonly publishQuota?: number;
}

export interface InstagramSimulator extends PlatformSimulator {
  /** Random faults under a fault rate: not token_expired, since Meta's 190 needs a person to reconnect. */
  readonly randomFaults: readonly FaultKind[];
  readonly model: InstagramSimState;
  readonly tokens: MetaTokens;
  readonly usage: UsageMeter;
  readonly catalog: SimCatalog;
  readonly publishing: SimPublishing;
}

const VERSION = /^v\d+\.\d+$/;

function tokenOf(request: SimRequest, form: URLSearchParams): string | null {
  const header = request.headers['authorization'] ?? '';
  return /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header)?.[1] ?? request.query.get('access_token') ?? form.get('access_token');
}

export function createInstagramSimulator(context: SimContext, options: InstagramSimOptions = {}): InstagramSimulator {
  const { clock, rng } = context;
  const igUserId = options.igUserId ?? '17841400000000001';
  const model = new InstagramSimState(igUserId, options.username ?? 'stoa.demo.shop');
  model.seed(context.corpus.instagram, rng.fork('seed'), clock.nowMs(), options.mediaCount ?? 24, options.seedLimit ?? 600);
  model.seedCreators(creatorsFrom(loadCreatorCaptions(options.datasetsDir), options.creatorCount ?? 3), rng.fork('creators'), clock.nowMs(), (id) => simMediaUrl(context, 'instagram', id, 'original'));
  const tokens = new MetaTokens(clock, rng.fork('tokens'));
  // The demo account's token is two days old, so it can be refreshed at once (≥24 h rule).
  const demoToken = tokens.issue(2 * 86_400_000);
  const usage = new UsageMeter(clock, options.callsPerHour ?? 4800, igUserId);
  const insertRng = rng.fork('insert');
  const catalog = new SimCatalog(options.catalogId, options.catalogProducts);
  const publishing = new SimPublishing(clock, model, catalog, options.publishQuota);

  const withUsage = (reply: SimReply): SimReply => ('drop' in reply ? reply : { ...reply, headers: { ...reply.headers, ...usage.headers() } });

  function write(target: string, action: string, apply: () => boolean, request: SimRequest): SimReply {
    const applied = apply();
    model.writes.push({ target, action, applied, at: clock.now().toISOString() });
    if (request.fault?.kind === 'commit_then_drop') return { drop: true };
    return { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: { success: true } };
  }

  function handleNode(request: SimRequest, id: string, edge: string | undefined, params: URLSearchParams, selfUrl: string): SimReply | Promise<SimReply> {
    const check = (op: OperationName): SimReply | null => {
      const v = checkOperation(op, params);
      return v ? graphError(400, 100, v.message) : null;
    };
    const committed = (reply: SimReply): SimReply => (request.fault?.kind === 'commit_then_drop' ? { drop: true } : reply);
    if (id === igUserId && request.method === 'POST' && edge === 'media') return publishing.create(params).then(committed);
    if (id === igUserId && request.method === 'POST' && edge === 'media_publish') return committed(publishing.publish(params));
    if (id === igUserId && request.method === 'GET' && edge === 'content_publishing_limit') return publishing.limit();
    const container = request.method === 'GET' && edge === undefined ? publishing.read(id, params) : null;
    if (container) return container;
    const comment = model.live(id);
    const media = model.mediaById(id);
    const creator = model.creators.get(id);
    if (request.method === 'GET' && creator && edge === undefined) return { status: 200, body: { id: creator.igUserId, username: creator.username } };
    if (request.method === 'GET' && (id === igUserId || creator) && edge === 'media') {
      const bad = check('IGUser/media#get');
      if (bad) return bad;
      const fields = selectFields(params.get('fields'), 'IGMedia', DEFAULT_MEDIA_FIELDS);
      if (!Array.isArray(fields)) return fields;
      const since = params.get('since');
      const until = params.get('until');
      const toMs = (v: string) => (/^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v));
      const owner = creator ? { id: creator.igUserId, username: creator.username } : { id: igUserId, username: model.username };
      const list = (creator ? creator.media : model.media).filter((m) => {
        const t = Date.parse(m.timestamp.replace('+0000', 'Z'));
        return (since === null || t >= toMs(since)) && (until === null || t <= toMs(until));
      });
      const anchor = afterOf(params);
      if (isReply(anchor)) return anchor;
      const start = anchor === null ? 0 : list.findIndex((m) => isAfter(m, anchor));
      const from = start < 0 ? list.length : start;
      const size = limitOf(params);
      return pageReply(list.slice(from, from + size), from + size < list.length, params, selfUrl, (m) => renderMedia(m, fields, model, owner));
    }
    if (request.method === 'GET' && id === igUserId && edge === undefined) {
      return { status: 200, body: { id: igUserId, username: model.username } };
    }
    if (request.method === 'GET' && media && edge === 'comments') {
      const fields = selectFields(params.get('fields'), 'IGComment', DEFAULT_COMMENT_FIELDS);
      if (!Array.isArray(fields)) return fields;
      const anchor = afterOf(params);
      if (isReply(anchor)) return anchor;
      const { page, more } = model.commentPage(media.id, anchor, limitOf(params));
      const reply = pageReply(page, more, params, selfUrl, (c) => renderComment(c, fields, model));
      if (request.fault?.kind === 'malformed_payload' && 'body' in reply) {
        const data = (reply.body as { data: Record<string, unknown>[] }).data;
        const victim = data[Math.floor(data.length / 2)];
        if (victim) Object.assign(victim, { text: 42, timestamp: 'soon' });
      }
      return reply;
    }
    if (request.method === 'GET' && media && edge === undefined) {
      const fields = selectFields(params.get('fields'), 'IGMedia', DEFAULT_MEDIA_FIELDS);
      return Array.isArray(fields) ? { status: 200, body: renderMedia(media, fields, model) } : fields;
    }
    if (request.method === 'GET' && comment && edge === 'replies') {
      const fields = selectFields(params.get('fields'), 'IGComment', DEFAULT_COMMENT_FIELDS);
      if (!Array.isArray(fields)) return fields;
      const anchor = afterOf(params);
      if (isReply(anchor)) return anchor;
      const { page, more } = replyPage(model, comment.id, anchor, limitOf(params));
      return pageReply(page, more, params, selfUrl, (c) => renderComment(c, fields, model));
    }
    if (request.method === 'GET' && id === igUserId && edge === 'catalog_product_search') return catalog.search(params, selfUrl);
    if (edge !== undefined) return graphError(400, 100, `(#100) Unknown edge or path component: ${edge}`);
    if (request.method === 'GET') {
      if (!comment) return objectMissing(id, 'get');
      const fields = selectFields(params.get('fields'), 'IGComment', DEFAULT_COMMENT_FIELDS);
      return Array.isArray(fields) ? { status: 200, body: renderComment(comment, fields, model) } : fields;
    }
    if (request.method === 'POST') {
      const bad = check('IGComment#update');
      if (bad) return bad;
      if (!comment) {
        model.writes.push({ target: id, action: 'hide', applied: false, at: clock.now().toISOString() });
        return objectMissing(id, 'post');
      }
      const hide = params.get('hide') === 'true' || params.get('hide') === '1';
      return write(id, hide ? 'hide' : 'unhide', () => {
        const changed = comment.hidden !== hide;
        comment.hidden = hide;
        return changed;
      }, request);
    }
    if (request.method === 'DELETE') {
      const bad = check('IGComment#delete');
      if (bad) return bad;
      if (!comment) {
        model.writes.push({ target: id, action: 'delete', applied: false, at: clock.now().toISOString() });
        return objectMissing(id, 'delete');
      }
      return write(id, 'delete', () => {
        model.remove(id);
        return true;
      }, request);
    }
    return graphError(400, 100, `(#100) Unsupported method ${request.method}`);
  }

  /**
   * Every write request lands in the write log, including ones refused before they reached the
   * comment (fault, bad token, throttle): `applied: false`.
   */
  function handle(request: SimRequest): SimReply | Promise<SimReply> {
    const before = model.writes.length;
    const reply = route(request);
    // Only a container create is asynchronous (it fetches image_url); it never touches a comment.
    if (reply instanceof Promise) return reply;
    if ((request.method === 'POST' || request.method === 'DELETE') && model.writes.length === before) {
      const id = request.path.split('/').filter((p) => p !== '' && !VERSION.test(p))[0];
      const params = new URLSearchParams([...request.query, ...new URLSearchParams(request.body)]);
      const action = request.method === 'DELETE' ? 'delete' : params.get('hide') === 'false' || params.get('hide') === '0' ? 'unhide' : 'hide';
      if (id && model.comments.has(id)) model.writes.push({ target: id, action, applied: false, at: clock.now().toISOString() });
    }
    return reply;
  }

  function route(request: SimRequest): SimReply | Promise<SimReply> {
    const transient = request.fault?.options['format'] === 'graph' && request.fault.kind === 'server_error' ? graphError(500, 2, 'An unexpected error has occurred. Please retry your request later.', { transient: true }) : transientFaultReply(request.fault);
    if (transient) return transient;
    const segments = request.path.split('/').filter(Boolean);
    if (segments[0] && VERSION.test(segments[0])) segments.shift();
    const form = request.method === 'GET' ? new URLSearchParams() : new URLSearchParams(request.body);
    const params = new URLSearchParams([...request.query, ...form]);
    if (segments[0] === 'refresh_access_token' && request.method === 'GET') return tokens.refresh(request.query);
    if (request.fault?.kind === 'token_expired') return graphError(400, 190, 'Error validating access token: Session has expired.', { subcode: 463 });
    const denied = tokens.check(tokenOf(request, form));
    if (denied) return denied;
    if (request.fault?.kind === 'rate_limit') {
      const code = Number(request.fault.options['code'] ?? 4);
      const status = Number(request.fault.options['status'] ?? (code === 4 ? 403 : 400));
      // options.usage=false: a throttle without usage headers (the client must back off on its own).
      const headers = request.fault.options['usage'] === false ? {} : usage.headers(100);
      return graphError(status, code, THROTTLE_MESSAGES[code] ?? `(#${code}) Rate limited`, { headers });
    }
    if (usage.exhausted()) return graphError(403, 4, THROTTLE_MESSAGES[4] ?? '', { headers: usage.headers() });
    usage.record();
    const [id, edge, ...rest] = segments;
    if (!id || rest.length > 0) return withUsage(graphError(400, 2500, 'Unknown path components'));
    const selfUrl = `http://${request.headers['host'] ?? '127.0.0.1'}/instagram${request.path}`;
    const reply = handleNode(request, id, edge, params, selfUrl);
    return reply instanceof Promise ? reply.then(withUsage) : withUsage(reply);
  }

  return {
    name: 'instagram',
    model,
    tokens,
    usage,
    catalog,
    publishing,
    isWrite: (method) => method === 'POST' || method === 'DELETE',
    randomFaults: ['server_error', 'rate_limit', 'drop', 'commit_then_drop', 'malformed_payload'],
    handle,
    state: () => ({ items: model.countByState(), writes: [...model.writes], published: [...publishing.published] }),
    demoAccount: () => ({ credentials: { kind: 'access_token', accessToken: demoToken.accessToken, expiresAt: demoToken.expiresAt }, options: { igUserId, catalogId: catalog.catalogId } }),
    externalAction(target, action) {
      // Someone else in the Instagram app: hide, unhide, or delete the comment.
      const c = model.live(target);
      if (!c || !['hide', 'unhide', 'delete', 'remove', 'approve'].includes(action)) return false;
      if (action === 'delete') model.remove(c.id);
      else c.hidden = action === 'hide' || action === 'remove';
      return true;
    },
    insertItems(count) {
      const newest = model.media[0];
      if (!newest) return [];
      const pool = context.corpus.instagram;
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const row = pool.length > 0 ? insertRng.pick(pool) : undefined;
        ids.push(model.add(newest.id, row?.text ?? 'new comment', row?.author ?? `ig_new_${i}`, clock.nowMs() + i).id);
      }
      return ids;
    },
  };
}
