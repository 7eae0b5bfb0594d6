// The one contract every platform connector implements. The sync engine and the UI talk to
// platforms only through this file: they read `capabilities` and never branch on a platform name.
// Expected outcomes (rate limited, already done, conflict, needs re-auth) are values, not throws;
// a connector throws only on a bug. Secrets come in through `ConnectorConfig.credentials` and are
// never put into a reason, an error or a log line.
import { ITEM_STATES, type ItemKind, type ItemState, type ModerationAction, type PlatformName } from '../core/domain.ts';

// ---------------------------------------------------------------------------------------------
// Injected dependencies

/** Same shape as the store's clock, so one object serves both; tests pass a virtual clock. */
export interface Clock {
  now(): Date;
}

/** The built-in fetch signature; tests and the simulator host inject their own (or the real one). */
export type FetchFn = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** How an account proves itself. Each platform accepts the kinds it documents. */
export type Credentials =
  /** OAuth2 with a refresh token (Reddit rotates it on every refresh; Google does not). */
  | {
      readonly kind: 'oauth2';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly refreshToken: string;
      readonly accessToken?: string | undefined;
      /** ISO time the access token stops working. */
      readonly accessTokenExpiresAt?: string | undefined;
    }
  /** Long-lived key with no refresh (Discourse admin/user API keys). */
  | { readonly kind: 'api_key'; readonly apiKey: string; readonly username: string }
  /** A bearer token refreshed by exchanging itself (Meta long-lived tokens). */
  | { readonly kind: 'access_token'; readonly accessToken: string; readonly expiresAt?: string | undefined };

/**
 * Where rotated credentials go. A connector calls `save` after a refresh and awaits it BEFORE it
 * sends any request with the new token: a crash between refresh and persist must never lose the
 * only valid refresh token (Reddit revokes the old one once the new one is issued). If `save`
 * rejects, the call returns `retry_after` and nothing is sent with the new token; the connector
 * keeps it in memory and tries to save it again on the next call.
 */
export interface CredentialStore {
  save(next: Credentials): Promise<void>;
}

/**
 * Where a connector keeps its own budget between processes (YouTube's daily quota ledger): an opaque
 * JSON value per account. Without one, each process starts counting from zero.
 */
export interface UsageStore {
  load(): unknown;
  save(state: unknown): void;
}

export interface ConnectorConfig {
  /** API root, e.g. https://oauth.reddit.com or http://127.0.0.1:PORT/reddit for the simulator. */
  readonly baseUrl: string;
  /** Token host when it differs from the API root (Reddit: https://www.reddit.com). Defaults to baseUrl. */
  readonly authBaseUrl?: string | undefined;
  /** Platform-specific extras that are not secret (e.g. YouTube channel id, Instagram user id). */
  readonly options?: Readonly<Record<string, string>> | undefined;
  readonly credentials: Credentials;
  readonly credentialStore: CredentialStore;
  /** Descriptive, unique User-Agent; Reddit refuses generic ones. */
  readonly userAgent: string;
  readonly fetch: FetchFn;
  readonly clock: Clock;
  readonly usageStore?: UsageStore | undefined;
}

// ---------------------------------------------------------------------------------------------
// Capabilities: what the UI and the sync engine adapt to

/**
 * Neutral queue vocabulary.
 * - `modqueue`: anything awaiting a verdict (Reddit modqueue, Discourse pending reviewables,
 *   YouTube heldForReview).
 * - `reports`: items other people reported (Reddit reports).
 * - `spam`: items the platform's filter caught (Reddit spam, YouTube likelySpam).
 * - `unmoderated`: items no moderator has looked at yet (Reddit unmoderated).
 * - `comments`: recent comments on the account's own media, with no queue (Instagram).
 */
export const QUEUE_KINDS = ['modqueue', 'reports', 'spam', 'unmoderated', 'comments'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

/** How a platform meters requests, so the sync engine can budget before it is throttled. */
export type RateLimitModel =
  /** N requests per rolling/fixed window; remaining budget may be reported in headers. */
  | {
      readonly kind: 'request_window';
      readonly requests: number;
      readonly windowSeconds: number;
      /** Whether responses carry the remaining budget (Reddit X-Ratelimit-*). */
      readonly reportsBudget: boolean;
    }
  /** A daily unit quota that resets at local midnight in `resetTimeZone` (YouTube: 10,000, PT). */
  | {
      readonly kind: 'daily_quota';
      readonly units: number;
      readonly resetTimeZone: string;
      /** Units charged per call kind; `pull` is one list call. */
      readonly costs: Readonly<Partial<Record<ModerationAction | 'pull' | 'readState', number>>>;
    }
  /** Usage percentages in headers, no fixed number (Meta X-App-Usage / X-Business-Use-Case-Usage). */
  | { readonly kind: 'usage_percent'; readonly headers: readonly string[] };

export interface BanCapability {
  /** Longest temporary ban in days; null when the platform has no temporary bans. */
  readonly maxDays: number | null;
  readonly permanent: boolean;
  readonly reasonMaxLength: number | null;
  readonly messageMaxLength: number | null;
}

export interface PlatformCapabilities {
  readonly queues: readonly QueueKind[];
  readonly actions: readonly ModerationAction[];
  /** Present when `actions` includes 'ban'. */
  readonly ban: BanCapability | null;
  /**
   * Actions the platform applies idempotently, so a resend after an ambiguous failure is safe
   * without reading first. Anything else needs `readState` before a resend.
   */
  readonly idempotentActions: readonly ModerationAction[];
  /** True when writes carry an item version and a stale one yields `conflict` (Discourse). */
  readonly optimisticConcurrency: boolean;
  readonly rateLimit: RateLimitModel;
  /** Largest number of targets one `actBatch` call takes; 1 when there is no batch endpoint. */
  readonly maxBatch: number;
  readonly pageSize: { readonly default: number; readonly max: number };
  /** Publishing: product tags at x,y on images. */
  readonly productTags: boolean;
  /** Publishing: a native "paid partnership" label. */
  readonly paidPartnershipFlag: boolean;
  /** Id of the versioned limit profile (caption length, tag caps) that publishing validates against. */
  readonly limitProfile: string | null;
}

// ---------------------------------------------------------------------------------------------
// Neutral domain shapes produced by pull and readState

/** Where an item stands on the platform. `deleted`: its author or a moderator deleted it for good. */
export type RemoteState = ItemState | 'deleted';
export const REMOTE_STATES: readonly RemoteState[] = [...ITEM_STATES, 'deleted'];
export const isRemoteState = (value: unknown): value is RemoteState => (REMOTE_STATES as readonly unknown[]).includes(value);

export interface RemoteRef {
  readonly remoteId: string;
  readonly name: string;
}

export interface RemoteReport {
  readonly source: 'user' | 'moderator' | 'automatic';
  readonly reason: string;
  readonly count: number;
}

export interface RemoteItem {
  readonly platform: PlatformName;
  /** Platform-unique id, as the platform's write endpoints want it (Reddit fullname, Discourse reviewable id). */
  readonly remoteId: string;
  readonly kind: ItemKind;
  readonly community: RemoteRef;
  /** Null when the author deleted their account. */
  readonly author: RemoteRef | null;
  readonly parentRemoteId: string | null;
  readonly title: string | null;
  readonly body: string;
  readonly url: string | null;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly remoteState: RemoteState;
  /** Opaque version for optimistic concurrency; echo it back in `ActionTarget.version`. */
  readonly version: string | null;
  readonly reports: readonly RemoteReport[];
  /** The wire payload as received, kept for audit. */
  readonly raw: unknown;
}

export interface RemoteAuthor extends RemoteRef {
  readonly platform: PlatformName;
  readonly raw: unknown;
}

export interface QuarantinedPayload {
  /** The wire object that failed to map. */
  readonly payload: unknown;
  /** Why, in a sentence (no secrets). */
  readonly error: string;
}

export interface PullRequest {
  readonly queue: QueueKind;
  /** Opaque; null starts from the head of the queue. */
  readonly cursor: string | null;
  /** Defaults to capabilities.pageSize.default; clamped to pageSize.max. */
  readonly limit?: number | undefined;
}

export interface PullPage {
  readonly items: readonly RemoteItem[];
  /** Distinct authors of `items`. */
  readonly authors: readonly RemoteAuthor[];
  /** Every report of every item, flattened, for stores that keep reports in their own table. */
  readonly reports: readonly (RemoteReport & { readonly itemRemoteId: string })[];
  /** Null when the queue has no more pages. */
  readonly nextCursor: string | null;
  /** Payloads that failed validation; the page still succeeds. */
  readonly quarantined: readonly QuarantinedPayload[];
}

/** What `readState` reports, and what `conflict` carries. */
export interface RemoteSnapshot {
  readonly remoteId: string;
  readonly state: RemoteState;
  readonly version: string | null;
  readonly reportCount: number;
  /** Whether the item's author is banned in its community; null when the platform cannot say. */
  readonly authorBanned: boolean | null;
  /**
   * Whether reports on the item are set to be ignored, where the platform keeps such a flag
   * (Reddit ignore_reports). Absent or null: judge by state and report count instead.
   */
  readonly reportsIgnored?: boolean | null | undefined;
}

// ---------------------------------------------------------------------------------------------
// Writes

/** Enough about the target for every platform's write endpoint (Reddit ban needs sub + user name). */
export interface ActionTarget {
  readonly remoteId: string;
  readonly kind: ItemKind;
  readonly community: RemoteRef;
  readonly author: RemoteRef | null;
  /** The version the moderator saw; platforms with optimistic concurrency send it. */
  readonly version: string | null;
}

export interface ActionParams {
  /** Ban: days; omitted or null = permanent. */
  readonly durationDays?: number | null | undefined;
  /** Ban reason / removal reason shown to moderators. */
  readonly reason?: string | undefined;
  /** Ban message sent to the user. */
  readonly message?: string | undefined;
  /** Private moderator note. */
  readonly note?: string | undefined;
  /** Remove: the platform's own removal-reason id (Reddit reason_id), when the template has one. */
  readonly reasonId?: string | undefined;
}

export interface ActionRequest {
  readonly action: ModerationAction;
  readonly target: ActionTarget;
  readonly params?: ActionParams | undefined;
  /** The outbox entry's key; connectors do not send it (no platform accepts one) but log it. */
  readonly idempotencyKey: string;
  /** For an action made of several calls: what earlier attempts got done, kept by the caller. */
  readonly steps?: ActionSteps | undefined;
}

/**
 * The progress of an action that takes several calls (a Reddit removal with its reason, note and
 * message), kept by the sync engine in the outbox entry across attempts and crashes: a step that
 * landed is not sent again, and a step whose request left without an answer is known as such.
 */
export interface ActionSteps {
  /** done: landed; sent: its request left in an earlier attempt and no answer was recorded. */
  state(step: string): 'done' | 'sent' | null;
  /** Recorded before the step's request leaves. */
  sending(step: string): void;
  /** Recorded once the platform answered that the step landed. */
  landed(step: string): void;
  /** Recorded when the platform answered that it did not (a refusal, a rate limit): not sent. */
  notSent(step: string): void;
}

/** Failures shared by every call. */
export type CallFailure =
  | {
      readonly status: 'retry_after';
      /** ISO time after which a retry is reasonable. */
      readonly at: string;
      readonly seconds: number;
      readonly reason: string;
      /**
       * True when the request may have reached the platform and been applied (connection dropped
       * after sending, timeout, 5xx on a write). Call `readState` before sending it again unless
       * the action is in `capabilities.idempotentActions`.
       */
      readonly ambiguous: boolean;
      /** Set where the connector knows: true when the platform answered (a status), false when no answer came. */
      readonly answered?: boolean | undefined;
    }
  /** Credentials no longer work and refreshing did not help: a person must reconnect the account. */
  | { readonly status: 'reauth'; readonly reason: string }
  /** Will never succeed as sent (lost permission, validation error); `code` is stable. */
  | { readonly status: 'permanent_failure'; readonly code: string; readonly reason: string };

export type ActOutcome =
  | { readonly status: 'done'; readonly snapshot: RemoteSnapshot | null }
  /** The target was already in the requested state (someone, maybe us, got there first). */
  | { readonly status: 'already_done'; readonly snapshot: RemoteSnapshot | null }
  /** The remote changed since the moderator looked; a person decides. */
  | { readonly status: 'conflict'; readonly remote: RemoteSnapshot; readonly reason: string }
  | CallFailure;

export type PullOutcome = { readonly status: 'ok'; readonly page: PullPage } | CallFailure;

export type ReadStateOutcome =
  | { readonly status: 'ok'; readonly snapshot: RemoteSnapshot }
  /** The platform no longer knows the item (deleted, purged). */
  | { readonly status: 'not_found' }
  | CallFailure;

export interface AuthInfo {
  /** The account name the platform says we are. */
  readonly identity: string;
  readonly expiresAt: string | null;
}

export type AuthOutcome = { readonly status: 'ok'; readonly info: AuthInfo } | CallFailure;

export interface PlatformAuth {
  /**
   * Make sure a usable token exists: refresh if missing or expiring, persist rotated credentials
   * through the CredentialStore, then return. pull/act/readState call this themselves; the
   * Settings "test account" button calls `verify`.
   */
  ensure(): Promise<AuthOutcome>;
  /** ensure() and then one cheap authenticated request proving the credentials and permissions. */
  verify(): Promise<AuthOutcome>;
}

// ---------------------------------------------------------------------------------------------
// The platform

export interface Platform {
  readonly name: PlatformName;
  readonly capabilities: PlatformCapabilities;
  readonly auth: PlatformAuth;
  pull(request: PullRequest): Promise<PullOutcome>;
  act(request: ActionRequest): Promise<ActOutcome>;
  /** Present when capabilities.maxBatch > 1; outcomes are in request order. */
  actBatch?(requests: readonly ActionRequest[]): Promise<readonly ActOutcome[]>;
  /** Read-before-write: the target's current remote state. */
  readState(target: ActionTarget): Promise<ReadStateOutcome>;
  /**
   * Whether the action has calls after the one a read can confirm (a removal's reason and message):
   * a reconciling read that finds the action applied must still let act() finish them.
   */
  hasFollowUps?(request: ActionRequest): boolean;
}

export type PlatformFactory = (config: ConnectorConfig) => Platform;

/**
 * What a person needs to connect an account, as data the UI renders without knowing platforms:
 * the documented API and token hosts (null where each site has its own, as for Discourse), the
 * sign-in kinds the platform accepts (first is the usual one) and the connector's own settings.
 */
export interface ConnectionProfile {
  readonly defaultBaseUrl: string | null;
  readonly defaultAuthBaseUrl: string | null;
  readonly credentialKinds: readonly Credentials['kind'][];
  readonly options: readonly { readonly key: string; readonly label: string; readonly required: boolean; readonly placeholder: string }[];
}

/**
 * Whether `snapshot` already reflects `action`, for read-before-write reconciliation. Pure, so the
 * sync engine and the connectors agree on it.
 */
export function actionReflected(action: ModerationAction, snapshot: RemoteSnapshot): boolean {
  switch (action) {
    case 'approve':
      return snapshot.state === 'approved';
    case 'remove':
      return snapshot.state === 'removed' || snapshot.state === 'spam' || snapshot.state === 'deleted';
    case 'spam':
      return snapshot.state === 'spam';
    case 'ignore_reports':
      if (snapshot.reportsIgnored !== undefined && snapshot.reportsIgnored !== null) return snapshot.reportsIgnored;
      return snapshot.state === 'ignored' || snapshot.reportCount === 0;
    case 'ban':
      return snapshot.authorBanned === true;
  }
}
