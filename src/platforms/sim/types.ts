// The contract between the shared simulator host (one HTTP port, /__sim control API, faults,
// virtual clock) and each platform's simulator. A platform simulator is a pure request → reply
// function over its own in-memory state; the host owns sockets, so faults that break the
// connection ("commit then drop") are expressed as a reply, not as socket code in every simulator.
import type { Credentials } from '../platform.ts';
import type { VirtualClock } from './clock.ts';
import type { Rng } from './rng.ts';
import type { SeedCorpus } from './seed.ts';

/**
 * The fault list of PLATFORMS.md §10.3. The host decides *whether* a request gets a fault; the
 * platform simulator renders it in the platform's exact shape (Reddit 429 + X-Ratelimit-*,
 * Discourse text/plain 429, Meta code 4, ...).
 */
export const FAULT_KINDS = [
  /** Transient 5xx (a CDN HTML 502/503 or the platform's own 500). */
  'server_error',
  /** The platform's throttle response. */
  'rate_limit',
  /** The access token is rejected as expired (the client should refresh once and retry). */
  'token_expired',
  /** Writes only: apply the mutation, then reset the connection before any reply. */
  'commit_then_drop',
  /** Reset the connection without doing anything. */
  'drop',
  /** Reads only: one entry of the returned page is structurally broken. */
  'malformed_payload',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  readonly kind: FaultKind;
  /** Rendering hints; each simulator documents the ones it reads (e.g. { format: 'text' }). */
  readonly options: Readonly<Record<string, string | number | boolean>>;
}

export interface FaultRule {
  /** Simulator name (`reddit`, ...); omitted = any. */
  readonly platform?: string | undefined;
  readonly method?: string | undefined;
  /** Substring of the path below the platform prefix, or a pattern; omitted = any. */
  readonly path?: string | RegExp | undefined;
  readonly kind: FaultKind;
  /** How many matching requests get this fault; default 1. */
  readonly times?: number | undefined;
  readonly options?: Readonly<Record<string, string | number | boolean>> | undefined;
}

export interface SimRequest {
  readonly method: string;
  /** Path below the platform prefix, starting with '/', without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
  /** The fault the host chose for this request, or null. Every simulator must honour all kinds. */
  readonly fault: Fault | null;
}

export type SimReply =
  | {
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>> | undefined;
      /** A string is sent as is; anything else as JSON. Omitted for empty bodies (204). */
      readonly body?: unknown;
    }
  /** Destroy the socket without a reply (after committing, when the fault says so). */
  | { readonly drop: true };

export interface WriteRecord {
  /** The remote id the write was aimed at (fullname, reviewable id, comment id). */
  readonly target: string;
  /** The platform's own action name as received (approve, remove, perform:agree_and_hide, ...). */
  readonly action: string;
  /** Whether the write changed state (false for rejected, no-op, conflicting or throttled writes). */
  readonly applied: boolean;
  /** Virtual-clock ISO time. */
  readonly at: string;
}

export interface PlatformSimState {
  /** Item count per the platform's own state names. */
  readonly items: Readonly<Record<string, number>>;
  readonly writes: readonly WriteRecord[];
  /** Media published through the platform's publishing API (Instagram), newest last. */
  readonly published?: readonly unknown[] | undefined;
}

export interface PlatformSimulator {
  /** Also its mount prefix: /<name>. */
  readonly name: string;
  /** Whether a request is a write, so `commit_then_drop` and `malformed_payload` land where they mean something. */
  isWrite(method: string, path: string): boolean;
  /**
   * Fault kinds this platform can suffer at random under `faultRate` (default: all that apply).
   * Leave out kinds that need a person to recover (Discourse has no token to refresh, so its
   * `token_expired` is a revoked key) so that a fault-rate soak stays recoverable.
   */
  readonly randomFaults?: readonly FaultKind[] | undefined;
  handle(request: SimRequest): SimReply | Promise<SimReply>;
  state(): PlatformSimState;
  /**
   * Credentials (and non-secret options) that work against this simulator, so `stoa init --demo`
   * can create accounts from `GET /__sim/accounts` alone. Also the auth base path if it differs.
   */
  demoAccount(): DemoAccount;
  /**
   * Queue drift: another moderator applies `action` (platform vocabulary, e.g. approve/remove)
   * to `target` outside any client. Not recorded as a write. False when target/action is unknown.
   */
  externalAction(target: string, action: string): boolean;
  /** New items arrive at the head of the queue (pagination under mutation); returns their ids. */
  insertItems(count: number): string[];
}

export interface DemoAccount {
  readonly credentials: Credentials;
  readonly options?: Readonly<Record<string, string>> | undefined;
}

export interface SimContext {
  readonly clock: VirtualClock;
  /** A generator of this simulator's own, forked from the host seed so platforms don't disturb each other. */
  readonly rng: Rng;
  readonly corpus: SeedCorpus;
  /**
   * The host's own http://127.0.0.1:PORT, so a simulator can hand out URLs the host serves (post
   * media under /__sim/media) instead of real CDN hosts. Absent when a test builds a simulator alone.
   */
  readonly baseUrl?: string | undefined;
}

export type SimulatorFactory = (context: SimContext) => PlatformSimulator;
