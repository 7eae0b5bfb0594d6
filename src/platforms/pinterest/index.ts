// Pinterest (API v5) as a Platform: a publishing target and an audit read side, with no moderation
// queue (Pinterest's API has none), so `queues` and `actions` are empty and the sync engine never
// pulls from it. Publishing is publish.ts (a pin with link and board, or a carousel; exactly once
// through duplicate-pin detection); the audit reads the account's pins (pins.ts readPins).
// Config: `baseUrl` https://api.pinterest.com (or the simulator's /pinterest), OAuth2 credentials
// (client id, secret, refresh token), `options.boardId` the board pins go to when a post names none.
import type { ConnectionProfile, ConnectorConfig, Platform, PlatformCapabilities, PlatformFactory } from '../platform.ts';
import { permanentFailure } from '../common/http.ts';
import { PINTEREST_API_ROOT, PinterestClient } from './client.ts';
import { listBoards, PAGE_SIZE, readPins, type BoardListOutcome, type PinReadOptions, type PinReadOutcome } from './pins.ts';
import { publishPin, type PinPublishOutcome, type PinPublishProgress, type PinPublishRequest } from './publish.ts';
import { accountSchema } from './wire.ts';

export { createPinterestSimulator } from './simulator.ts';
export type { PinterestSimulator, PinterestSimOptions } from './simulator.ts';
export { PINTEREST_API_ROOT } from './client.ts';
export type { PinterestBoard, PinterestPin } from './map.ts';
export type { PinReadOptions, PinReadOutcome, BoardListOutcome } from './pins.ts';
export { EMPTY_PIN_PROGRESS, MAX_CAROUSEL_IMAGES } from './publish.ts';
export type { PinImage, PinImageSource, PinPublishOutcome, PinPublishProgress, PinPublishRequest } from './publish.ts';

export const PINTEREST_CONNECTION: ConnectionProfile = {
  defaultBaseUrl: PINTEREST_API_ROOT,
  defaultAuthBaseUrl: PINTEREST_API_ROOT,
  credentialKinds: ['oauth2'],
  options: [{ key: 'boardId', label: 'Board pins go to when a post names none', required: false, placeholder: '549755885175' }],
};

export const pinterestCapabilities: PlatformCapabilities = {
  queues: [],
  actions: [],
  ban: null,
  idempotentActions: [],
  optimisticConcurrency: false,
  // Pinterest meters per rate-limit category (org_read, org_write) and answers 429; it publishes no
  // fixed numbers for them [K], so the connector waits on Retry-After / x-ratelimit-reset instead.
  rateLimit: { kind: 'request_window', requests: 1000, windowSeconds: 60, reportsBudget: false },
  maxBatch: 1,
  pageSize: PAGE_SIZE,
  // No product-tag field on POST /pins (PLATFORMS.md §7): a shoppable pin carries the product link.
  productTags: false,
  // sponsor_id (paid partnership) is a closed beta.
  paidPartnershipFlag: false,
  limitProfile: 'pinterest-pin-2026-12',
};

export interface PinterestPlatform extends Platform {
  /**
   * Pins for the audit read side: the token owner's, or with `adAccountId` (Business Access) those
   * of that ad account's owner — a creator's ad account id is their remote user id in an audit.
   */
  readPins(adAccountId?: string | null, options?: PinReadOptions): Promise<PinReadOutcome>;
  listBoards(): Promise<BoardListOutcome>;
  /** The account's default board (option boardId), or null. */
  readonly defaultBoardId: string | null;
  /** One resumable publish attempt; `save` stores the progress before the create is sent. */
  publishPin(request: PinPublishRequest, progress: PinPublishProgress, save: (progress: PinPublishProgress) => void): Promise<PinPublishOutcome>;
}

const NO_QUEUE = permanentFailure('unsupported', 'Pinterest has no moderation queue in its API; Stoa publishes to it and reads pins for audits.');

export function createPinterestPlatform(config: ConnectorConfig): PinterestPlatform {
  const client = new PinterestClient(config);
  const boardId = config.options?.['boardId']?.trim();
  return {
    name: 'pinterest',
    capabilities: pinterestCapabilities,
    auth: {
      async ensure() {
        const t = await client.token();
        return t.ok ? { status: 'ok', info: { identity: 'pinterest', expiresAt: t.expiresAt } } : t.failure;
      },
      async verify() {
        const result = await client.call('GET', '/user_account');
        if (!result.ok) return result.failure;
        const account = accountSchema.safeParse(result.body);
        if (!account.success) return permanentFailure('malformed_payload', 'Pinterest sent an unreadable user account.');
        const t = await client.token();
        return { status: 'ok', info: { identity: account.data.username, expiresAt: t.ok ? t.expiresAt : null } };
      },
    },
    pull: () => Promise.resolve(NO_QUEUE),
    act: () => Promise.resolve(NO_QUEUE),
    readState: () => Promise.resolve(NO_QUEUE),
    readPins: (adAccountId, options) => readPins(client, options, adAccountId ?? null),
    listBoards: () => listBoards(client),
    defaultBoardId: boardId ? boardId : null,
    publishPin: (request, progress, save) => publishPin({ client, clock: config.clock, save }, request, progress),
  };
}

export const pinterestFactory: PlatformFactory = createPinterestPlatform;
