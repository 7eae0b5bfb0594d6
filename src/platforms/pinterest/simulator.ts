// Stateful contract simulator for Pinterest API v5 (PLATFORMS.md §7, §10), mounted by the shared sim
// host at /pinterest with the real path layout below it (/pinterest/v5/pins = api.pinterest.com/v5/pins).
// Every request is checked against openapi.subset.json (query parameters, the POST /pins body) and
// refused with Pinterest's 400 {code, message} when it does not fit. OAuth: POST /v5/oauth/token
// with Basic client auth and grant_type=refresh_token (continuous refresh: the refresh token stays);
// access tokens expire on the virtual clock (401). Throttling: a per-token request budget per
// minute, then 429 with Retry-After and x-ratelimit-* headers. Pagination: `bookmark` + page_size.
// Business Access: ad_account_id on GET /pins lists the pins of that ad account's owner, which is
// how an agency's token reads the creators under audit.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { json, transientFaultReply } from '../sim/replies.ts';
import { simMediaUrl } from '../sim/simMedia.ts';
import type { FaultKind, PlatformSimulator, SimContext, SimReply, SimRequest } from '../sim/types.ts';
import { checkQuery, checkRequestBody } from './openapi.ts';
import { loadCreatorPins } from './simCreators.ts';
import { encodeBookmark, pageStart, PinterestSimState, renderBoard, renderPin, type SimPin, type SimUser } from './simState.ts';

export interface PinterestSimOptions {
  /** Access-token lifetime in seconds (Pinterest: about 30 days). */
  readonly accessTokenTtlSeconds?: number;
  /** Requests per token per minute before 429. */
  readonly requestsPerMinute?: number;
  /** Creators with seeded pins (default 3; Mathur's pins when the datasets are there). */
  readonly creatorCount?: number;
  readonly pinsPerCreator?: number;
  readonly datasetsDir?: string;
  /** A slow platform: POST /pins commits at once and replies this many (real) ms later. */
  readonly createReplyDelayMs?: number;
}

interface TokenGrant {
  readonly userId: string;
  readonly expiresAtMs: number;
}

export interface SimOAuthAccount {
  readonly userId: string;
  readonly username: string;
  readonly adAccountId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

export interface PinterestSimulator extends PlatformSimulator {
  readonly randomFaults: readonly FaultKind[];
  readonly model: PinterestSimState;
  /** The demo shop's account and the creators', each with working OAuth credentials. */
  readonly accountsByUser: ReadonlyMap<string, SimOAuthAccount>;
  readonly shop: SimOAuthAccount;
  readonly creators: readonly SimOAuthAccount[];
  /** Makes every issued access token expire now (the next call gets 401). */
  expireTokens(): void;
}

const DAY_MS = 86_400_000;
const CLIENT_ID = '1480000';
const CLIENT_SECRET = 'sim-pinterest-client-secret';

const error = (status: number, code: number, message: string, headers: Readonly<Record<string, string>> = {}): SimReply => json(status, { code, message }, headers);

function imageBroken(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'media_source.url is not a URL';
  }
  if (parsed.protocol === 'file:') return existsSync(fileURLToPath(parsed)) ? null : 'Sorry! We could not fetch the image.';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'media_source.url must be http(s)';
  return /\/(missing|broken)[^/]*$/.test(parsed.pathname) ? 'Sorry! We could not fetch the image.' : null;
}

/** JPEG starts FF D8 FF, PNG 89 50 4E 47: a payload that is neither is not an image. */
function base64Broken(contentType: unknown, data: unknown): string | null {
  if (typeof data !== 'string') return 'image data is missing';
  const head = Buffer.from(data.slice(0, 16), 'base64');
  const jpeg = head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  const png = head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47;
  if (contentType === 'image/jpeg' ? !jpeg : !png) return `The image data is not a ${String(contentType)} file.`;
  return null;
}

export function createPinterestSimulator(context: SimContext, options: PinterestSimOptions = {}): PinterestSimulator {
  const { clock, rng } = context;
  const model = new PinterestSimState(clock);
  // A pin's image lives on the sim host (loopback), never on i.pinimg.com.
  const pinImage = (name: string): string => simMediaUrl(context, 'pinterest', name, 'originals');
  const ttlMs = (options.accessTokenTtlSeconds ?? 30 * 86_400) * 1000;
  const perMinute = options.requestsPerMinute ?? 1000;
  const tokenRng = rng.fork('tokens');
  const secret = (prefix: string) => `${prefix}.${Array.from({ length: 4 }, () => tokenRng.int(0, 0xffffff).toString(16).padStart(6, '0')).join('')}`;

  const shopUser = model.addUser('1090000000000000001', 'stoa.demo.pins', '549100000000001');
  const shopBoards = [model.addBoard(shopUser.id, 'Shop the look', 'Products from the Stoa demo shop'), model.addBoard(shopUser.id, 'Behind the scenes')];
  const creatorUsers = model.seedCreators(loadCreatorPins(options.creatorCount ?? 3, options.pinsPerCreator ?? 40, options.datasetsDir), rng.fork('creators'), pinImage);

  const accountsByUser = new Map<string, SimOAuthAccount>();
  const refreshTokens = new Map<string, string>();
  const accessTokens = new Map<string, TokenGrant>();
  const oauth = (user: SimUser): SimOAuthAccount => {
    const account = { userId: user.id, username: user.username, adAccountId: user.adAccountId, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, refreshToken: secret('pinr') };
    accountsByUser.set(user.id, account);
    refreshTokens.set(account.refreshToken, user.id);
    return account;
  };
  const shop = oauth(shopUser);
  const creators = creatorUsers.map(oauth);
  /** Budget per token per minute window. */
  const windows = new Map<string, { startMs: number; used: number }>();

  function rateHeaders(token: string): Record<string, string> {
    const w = windows.get(token);
    const reset = w ? Math.max(0, Math.ceil((w.startMs + 60_000 - clock.nowMs()) / 1000)) : 60;
    return { 'x-ratelimit-limit': String(perMinute), 'x-ratelimit-remaining': String(Math.max(0, perMinute - (w?.used ?? 0))), 'x-ratelimit-reset': String(reset) };
  }

  function spend(token: string): SimReply | null {
    const now = clock.nowMs();
    let w = windows.get(token);
    if (!w || now - w.startMs >= 60_000) {
      w = { startMs: now, used: 0 };
      windows.set(token, w);
    }
    if (w.used >= perMinute) {
      const wait = Math.max(1, Math.ceil((w.startMs + 60_000 - now) / 1000));
      return error(429, 8, 'You have exceeded your rate limit. Try again later.', { ...rateHeaders(token), 'retry-after': String(wait) });
    }
    w.used += 1;
    return null;
  }

  function tokenEndpoint(request: SimRequest): SimReply {
    const basic = /^Basic\s+(\S+)$/i.exec(request.headers['authorization'] ?? '')?.[1];
    const [id, pass] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
    if (id !== CLIENT_ID || pass !== CLIENT_SECRET) return error(401, 2, 'Authentication failed.');
    const form = new URLSearchParams(request.body);
    if (form.get('grant_type') !== 'refresh_token') return error(400, 1, 'Invalid grant_type: only refresh_token is served here.');
    const userId = refreshTokens.get(form.get('refresh_token') ?? '');
    if (!userId) return error(400, 1, 'Invalid refresh token.');
    const access = secret('pina');
    accessTokens.set(access, { userId, expiresAtMs: clock.nowMs() + ttlMs });
    const refresh = form.get('refresh_token') ?? '';
    return json(200, {
      access_token: access,
      token_type: 'bearer',
      expires_in: Math.floor(ttlMs / 1000),
      scope: 'boards:read,boards:write,pins:read,pins:write,user_accounts:read',
      response_type: 'refresh_token',
      refresh_token: refresh,
      refresh_token_expires_in: 60 * 86_400,
      refresh_token_expires_at: Math.floor((clock.nowMs() + 60 * DAY_MS) / 1000),
    });
  }

  function page(list: readonly SimPin[], query: URLSearchParams, viewerId: string, break_: boolean): SimReply {
    const size = Number(query.get('page_size') ?? 25);
    const bookmark = query.get('bookmark');
    const start = bookmark === null ? 0 : pageStart(list, bookmark);
    if (start === null) return error(400, 1, 'Invalid bookmark.');
    const slice = list.slice(start, start + size);
    const items = slice.map((p) => renderPin(p, model.users.get(p.ownerId), viewerId));
    // malformed_payload: one pin in the page is structurally broken.
    const victim = break_ ? items[Math.floor(items.length / 2)] : undefined;
    if (victim) Object.assign(victim, { id: 42, created_at: 'soon' });
    const last = slice[slice.length - 1];
    return json(200, { items, bookmark: start + size < list.length && last ? encodeBookmark(last) : null });
  }

  function createPin(request: SimRequest, user: SimUser): SimReply {
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      return error(400, 1, 'Invalid request body: not JSON.');
    }
    const problems = checkRequestBody('/pins', 'POST', body);
    if (problems.length > 0) return error(400, 1, `Invalid parameters: ${problems.slice(0, 3).join('; ')}`);
    const b = body as { board_id?: string; title?: string | null; description?: string | null; link?: string | null; alt_text?: string | null; media_source?: { source_type: string; url?: string; content_type?: string; data?: string; items?: { url?: string; content_type?: string; data?: string }[] } };
    if (!b.board_id) return error(400, 1, 'Invalid parameters: board_id is required.');
    const board = model.boards.find((x) => x.id === b.board_id);
    if (!board) return error(404, 40, 'Board not found.');
    if (board.ownerId !== user.id) return error(403, 29, 'You are not permitted to access that resource.');
    const source = b.media_source;
    if (!source) return error(400, 1, 'Invalid parameters: media_source is required.');
    const id = model.newPinId();
    let images: string[];
    let broken: string | null = null;
    switch (source.source_type) {
      case 'image_url':
        broken = imageBroken(source.url ?? '');
        images = [pinImage(id)];
        break;
      case 'image_base64':
        broken = base64Broken(source.content_type, source.data);
        images = [pinImage(id)];
        break;
      case 'multiple_image_urls':
      case 'multiple_image_base64': {
        const items = source.items ?? [];
        for (const item of items) broken ??= source.source_type === 'multiple_image_urls' ? imageBroken(item.url ?? '') : base64Broken(item.content_type, item.data);
        images = items.map((_, i) => pinImage(`${id}-${i}`));
        break;
      }
      default:
        return error(400, 1, `The simulator does not serve media_source ${source.source_type}.`);
    }
    if (broken) return error(400, 1, broken);
    const pin = model.addPin({ id, ownerId: user.id, boardId: board.id, title: b.title ?? null, description: b.description ?? null, link: b.link ?? null, altText: b.alt_text ?? null, createdAtMs: clock.nowMs(), imageUrls: images });
    model.published.push({
      id: pin.id,
      permalink: `https://www.pinterest.com/pin/${pin.id}/`,
      caption: pin.description ?? '',
      title: pin.title,
      link: pin.link,
      board_id: pin.boardId,
      children: images.length > 1 ? images.map((image, i) => ({ id: `${pin.id}-${i}`, image, product_tags: [] })) : [],
      product_tags: [],
    });
    model.writes.push({ target: board.id, action: 'create_pin', applied: true, at: clock.now().toISOString() });
    if (request.fault?.kind === 'commit_then_drop') return { drop: true };
    return json(201, renderPin(pin, user, user.id));
  }

  function route(request: SimRequest): SimReply {
    const transient = transientFaultReply(request.fault);
    if (transient) return transient;
    const segments = request.path.split('/').filter(Boolean);
    if (segments[0] !== 'v5') return error(404, 404, `Not found: ${request.path} (the API lives under /v5).`);
    const [, first, second, third] = segments;
    if (first === 'oauth' && second === 'token' && request.method === 'POST') return tokenEndpoint(request);
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers['authorization'] ?? '')?.[1] ?? '';
    const grant = accessTokens.get(token);
    if (request.fault?.kind === 'token_expired' || !grant || grant.expiresAtMs <= clock.nowMs()) return error(401, 2, 'Authentication failed.');
    if (request.fault?.kind === 'rate_limit') {
      const wait = Number(request.fault.options['retryAfter'] ?? 30);
      const headers: Record<string, string> = { ...rateHeaders(token), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(wait) };
      // options.header=false: only the x-ratelimit-* headers say when to come back.
      if (request.fault.options['header'] !== false) headers['retry-after'] = String(wait);
      return error(429, 8, 'You have exceeded your rate limit. Try again later.', headers);
    }
    const throttled = spend(token);
    if (throttled) return throttled;
    const user = model.users.get(grant.userId);
    if (!user) return error(401, 2, 'Authentication failed.');
    const template = first === 'boards' && second !== undefined ? (third === 'pins' ? '/boards/{board_id}/pins' : '/boards/{board_id}') : first === 'pins' && second !== undefined ? '/pins/{pin_id}' : `/${first ?? ''}`;
    const known = ['/pins', '/pins/{pin_id}', '/boards', '/boards/{board_id}/pins', '/user_account'];
    if (!known.includes(template) || segments.length > 4) return error(404, 404, `Not found: ${request.path}`);
    if (request.method === 'GET') {
      const problems = checkQuery(template, 'GET', request.query);
      if (problems.length > 0) return error(400, 1, `Invalid parameters: ${problems.slice(0, 3).join('; ')}`);
    }
    const malformed = request.fault?.kind === 'malformed_payload';
    const withRate = (reply: SimReply): SimReply => ('drop' in reply ? reply : { ...reply, headers: { ...reply.headers, ...rateHeaders(token) } });
    if (template === '/user_account' && request.method === 'GET') return withRate(json(200, { account_type: 'BUSINESS', id: user.id, username: user.username, profile_image: '', website_url: 'https://example.com', business_name: user.username, board_count: model.boardsOf(user.id).length, pin_count: model.pinsOf(user.id).length }));
    if (template === '/pins' && request.method === 'POST') return withRate(createPin(request, user));
    if (template === '/pins' && request.method === 'GET') {
      const adAccount = request.query.get('ad_account_id');
      let owner = user;
      if (adAccount !== null) {
        const target = [...model.users.values()].find((u) => u.adAccountId === adAccount);
        // The demo shop's token has Business Access to the creators' ad accounts; others have none.
        if (!target || (target.id !== user.id && user.id !== shopUser.id)) return withRate(error(403, 29, 'You are not permitted to access that ad account.'));
        owner = target;
      }
      return withRate(page(model.pinsOf(owner.id), request.query, user.id, malformed));
    }
    if (template === '/pins/{pin_id}' && request.method === 'GET') {
      const pin = model.pins.find((p) => p.id === second);
      return withRate(pin ? json(200, renderPin(pin, model.users.get(pin.ownerId), user.id)) : error(404, 50, 'Pin not found.'));
    }
    if (template === '/boards' && request.method === 'GET') {
      const boards = model.boardsOf(user.id);
      const size = Number(request.query.get('page_size') ?? 25);
      const offset = request.query.get('bookmark') === null ? 0 : Number(Buffer.from(request.query.get('bookmark') ?? '', 'base64url').toString('utf8'));
      if (!Number.isInteger(offset) || offset < 0) return withRate(error(400, 1, 'Invalid bookmark.'));
      const items = boards.slice(offset, offset + size).map((b) => renderBoard(b, user, model.pinsOnBoard(b.id).length));
      return withRate(json(200, { items, bookmark: offset + size < boards.length ? Buffer.from(String(offset + size)).toString('base64url') : null }));
    }
    if (template === '/boards/{board_id}/pins' && request.method === 'GET') {
      const board = model.boards.find((b) => b.id === second);
      if (!board) return withRate(error(404, 40, 'Board not found.'));
      if (board.ownerId !== user.id) return withRate(error(403, 29, 'You are not permitted to access that board.'));
      return withRate(page(model.pinsOnBoard(board.id), request.query, user.id, malformed));
    }
    return withRate(error(405, 405, `Method ${request.method} is not allowed on ${template}.`));
  }

  const insertRng = rng.fork('insert');
  return {
    name: 'pinterest',
    model,
    accountsByUser,
    shop,
    creators,
    isWrite: (method, path) => method === 'POST' && /\/v5\/pins\/?$/.test(path),
    // token_expired is recoverable here: the connector refreshes with its refresh token.
    randomFaults: ['server_error', 'rate_limit', 'token_expired', 'drop', 'commit_then_drop', 'malformed_payload'],
    handle: (request) => {
      const reply = route(request);
      const delay = options.createReplyDelayMs ?? 0;
      if (delay <= 0 || request.method !== 'POST' || !/\/v5\/pins\/?$/.test(request.path)) return reply;
      return new Promise<SimReply>((resolve) => setTimeout(() => resolve(reply), delay));
    },
    state: () => ({ items: model.countByState(), writes: [...model.writes], published: [...model.published] }),
    demoAccount: () => ({ credentials: { kind: 'oauth2', clientId: shop.clientId, clientSecret: shop.clientSecret, refreshToken: shop.refreshToken }, options: { boardId: shopBoards[0]?.id ?? '' } }),
    externalAction(target, action) {
      // Someone deletes the pin in the Pinterest app.
      return action === 'delete' ? model.remove(target) : false;
    },
    insertItems(count) {
      const board = shopBoards[0];
      if (!board) return [];
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const pin = model.addPin({ ownerId: shopUser.id, boardId: board.id, title: null, description: `New pin ${insertRng.int(1000, 9999)}`, link: null, altText: null, createdAtMs: clock.nowMs() + i, imageUrls: [pinImage(`new-${insertRng.int(0, 0xffffff).toString(16)}`)] });
        ids.push(pin.id);
      }
      return ids;
    },
    expireTokens() {
      for (const [token, grant] of accessTokens) accessTokens.set(token, { ...grant, expiresAtMs: clock.nowMs() });
    },
  };
}
