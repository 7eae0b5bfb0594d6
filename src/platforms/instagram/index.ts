// Instagram comments ("lite") as a Platform: no verdict queue, so the "comments" queue walks the
// account's posts and their comments; approve = unhide, remove = hide (reversible), spam =
// delete (permanent). Config: `options.igUserId` (required), `options.graphVersion` (default
// v21.0); `baseUrl` https://graph.facebook.com (or https://graph.instagram.com), `authBaseUrl`
// https://graph.instagram.com for token refresh; the simulator's /instagram for both.
import type { ActOutcome, ActionRequest, ActionTarget, ConnectionProfile, ConnectorConfig, Platform, PlatformCapabilities, PlatformFactory, ReadStateOutcome } from '../platform.ts';
import { isMissingObject } from './classify.ts';
import { DEFAULT_GRAPH_VERSION, GRAPH_ROOT, GraphClient, INSTAGRAM_LOGIN_ROOT } from './client.ts';
import { readMedia, type MediaReadOptions, type MediaReadOutcome } from './media.ts';
import { searchCatalog, type CatalogSearchOptions, type CatalogSearchOutcome } from './catalogSearch.ts';
import { publishToInstagram, type PublishOutcome, type PublishProgress, type PublishRequest } from './publish.ts';
import { PAGE_SIZE, pullComments } from './pull.ts';
import { commentSchema, successSchema } from './wire.ts';

export { createInstagramSimulator } from './simulator.ts';
export type { InstagramSimulator, InstagramSimOptions } from './simulator.ts';
export { DEFAULT_GRAPH_VERSION, GRAPH_ROOT, INSTAGRAM_LOGIN_ROOT } from './client.ts';
export type { InstagramMediaPost, MediaReadOptions, MediaReadOutcome } from './media.ts';
export type { CatalogSearchOptions, CatalogSearchOutcome, InstagramCatalogProduct } from './catalogSearch.ts';

export const INSTAGRAM_CONNECTION: ConnectionProfile = {
  defaultBaseUrl: GRAPH_ROOT,
  defaultAuthBaseUrl: INSTAGRAM_LOGIN_ROOT,
  credentialKinds: ['access_token'],
  options: [
    { key: 'igUserId', label: 'Instagram professional account id', required: true, placeholder: '1784…' },
    { key: 'graphVersion', label: 'Graph API version', required: false, placeholder: DEFAULT_GRAPH_VERSION },
  ],
};

export const instagramCapabilities: PlatformCapabilities = {
  queues: ['comments'],
  actions: ['approve', 'remove', 'spam'],
  ban: null,
  // hide/unhide are idempotent; deleting a deleted comment answers "does not exist", which act()
  // reports as already_done, so a resend is harmless too.
  idempotentActions: ['approve', 'remove', 'spam'],
  optimisticConcurrency: false,
  rateLimit: { kind: 'usage_percent', headers: ['x-app-usage', 'x-business-use-case-usage'] },
  maxBatch: 1,
  pageSize: PAGE_SIZE,
  // Publishing (product tags, paid-partnership label) belongs to the publishing connector, which
  // is not built yet; claim nothing the UI could offer and then fail.
  productTags: false,
  paidPartnershipFlag: false,
  limitProfile: null,
};

const COMMENT_STATE_FIELDS = 'id,hidden,text,timestamp';

async function act(client: GraphClient, request: ActionRequest): Promise<ActOutcome> {
  const id = request.target.remoteId;
  const snapshot = (state: 'open' | 'removed' | 'deleted') => ({ remoteId: id, state, version: null, reportCount: 0, authorBanned: null });
  let result;
  switch (request.action) {
    case 'approve':
      result = await client.call('POST', id, { hide: 'false' });
      break;
    case 'remove':
      result = await client.call('POST', id, { hide: 'true' });
      break;
    case 'spam':
      result = await client.call('DELETE', id, {});
      break;
    case 'ban':
    case 'ignore_reports':
      return { status: 'permanent_failure', code: 'unsupported_action', reason: `Instagram's API has no "${request.action}" action for comments.` };
  }
  if (result.ok) {
    const body = successSchema.safeParse(result.body);
    if (body.success && body.data.success) return { status: 'done', snapshot: request.action === 'remove' ? snapshot('removed') : request.action === 'spam' ? snapshot('deleted') : null };
    return { status: 'permanent_failure', code: 'unexpected_response', reason: 'Instagram did not confirm the change.' };
  }
  if (isMissingObject(result.error)) {
    // The comment is gone: a removal already holds; bringing it back cannot happen.
    return request.action === 'approve'
      ? { status: 'permanent_failure', code: 'comment_not_found', reason: 'The comment no longer exists on Instagram.' }
      : { status: 'already_done', snapshot: snapshot('deleted') };
  }
  return result.failure;
}

async function readState(client: GraphClient, target: ActionTarget): Promise<ReadStateOutcome> {
  const result = await client.call('GET', target.remoteId, { fields: COMMENT_STATE_FIELDS });
  if (!result.ok) return isMissingObject(result.error) ? { status: 'not_found' } : result.failure;
  const parsed = commentSchema.safeParse(result.body);
  if (!parsed.success) return { status: 'permanent_failure', code: 'malformed_payload', reason: 'Instagram sent an unreadable comment.' };
  return { status: 'ok', snapshot: { remoteId: target.remoteId, state: parsed.data.hidden ? 'removed' : 'open', version: null, reportCount: 0, authorBanned: null } };
}

export interface InstagramPlatform extends Platform {
  /** Latest usage percentages Meta reported (null before the first call). */
  usage(): { percent: number; regainMinutes: number } | null;
  /** A professional account's published posts (compliance audits); the connected account's own by default. */
  readMedia(igUserId?: string | null, options?: MediaReadOptions): Promise<MediaReadOutcome>;
  /** Products of a Meta catalog the account tags from, with Meta's product ids by retailer id. */
  searchCatalog(catalogId: string, options?: CatalogSearchOptions): Promise<CatalogSearchOutcome>;
  /** The Meta catalog product tags come from (account option catalogId), or null. */
  readonly catalogId: string | null;
  /** One resumable publish attempt (publish.ts); `save` stores the progress before each dependent step. */
  publish(request: PublishRequest, progress: PublishProgress, save: (progress: PublishProgress) => void, sleep: (ms: number) => Promise<void>): Promise<PublishOutcome>;
}

export function createInstagramPlatform(config: ConnectorConfig): InstagramPlatform {
  const client = new GraphClient(config);
  const igUserId = config.options?.['igUserId'] ?? '';
  const missing = { status: 'permanent_failure', code: 'missing_ig_user_id', reason: 'The Instagram account has no Instagram user id configured.' } as const;
  return {
    name: 'instagram',
    capabilities: instagramCapabilities,
    auth: {
      async ensure() {
        const t = await client.token();
        return t.ok ? { status: 'ok', info: { identity: igUserId, expiresAt: t.expiresAt } } : t.failure;
      },
      async verify() {
        if (!igUserId) return missing;
        const result = await client.call('GET', igUserId, { fields: 'id,username' });
        if (!result.ok) return result.failure;
        const t = await client.token();
        const username = (result.body as { username?: unknown } | null)?.username;
        return { status: 'ok', info: { identity: typeof username === 'string' ? username : igUserId, expiresAt: t.ok ? t.expiresAt : null } };
      },
    },
    pull: (request) => (igUserId ? pullComments(client, igUserId, request) : Promise.resolve(missing)),
    act: (request) => act(client, request),
    readState: (target) => readState(client, target),
    usage: () => client.usage(),
    searchCatalog: (catalogId, options) => (igUserId ? searchCatalog(client, igUserId, catalogId, options) : Promise.resolve(missing)),
    catalogId: config.options?.['catalogId'] ?? null,
    publish: (request, progress, save, sleep) =>
      igUserId ? publishToInstagram({ client, igUserId, clock: config.clock, save, sleep }, request, progress) : Promise.resolve({ status: 'failed', reason: missing.reason, retryable: false }),
    readMedia: (id, options) => { const target = id ?? igUserId; return target ? readMedia(client, target, options) : Promise.resolve(missing); },
  };
}

export const instagramFactory: PlatformFactory = createInstagramPlatform;
