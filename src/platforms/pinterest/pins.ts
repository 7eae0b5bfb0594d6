// Reads of the Pinterest connector: the account's boards (GET /boards), a board's pins
// (GET /boards/{id}/pins, what publish reconciliation reads) and the account's pins
// (GET /pins, the audit's read side), each walked through `bookmark` pages. A pin that fails
// validation is quarantined with its reason, never fatal to the walk; a page that is not a page at
// all stops the walk with a clear failure.
import type { CallFailure, QuarantinedPayload } from '../platform.ts';
import { permanentFailure } from '../common/http.ts';
import type { PinterestClient } from './client.ts';
import { toBoard, toPin, type PinterestBoard, type PinterestPin } from './map.ts';
import { boardSchema, pageSchema, pinSchema } from './wire.ts';

export const PAGE_SIZE = { default: 25, max: 250 } as const;

export interface PinReadOptions {
  /** Bounds on created_at, unix seconds or ISO (Pinterest has no date filter, so the walk filters and stops early). */
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  /** Stop after this many pages (default 40). */
  readonly maxPages?: number | undefined;
  /** Items per page, 1–250 (default 100). */
  readonly pageSize?: number | undefined;
}

export type PinReadOutcome = { readonly status: 'ok'; readonly pins: PinterestPin[]; readonly quarantined: QuarantinedPayload[] } | CallFailure;
export type BoardListOutcome = { readonly status: 'ok'; readonly boards: PinterestBoard[] } | CallFailure;

async function walk<T>(
  client: PinterestClient,
  path: string,
  options: { pageSize: number; maxPages: number; query?: Readonly<Record<string, string>> },
  accept: (raw: unknown) => { ok: true; value: T } | { ok: false; error: string },
  stop: (value: T) => boolean = () => false,
): Promise<{ status: 'ok'; values: T[]; quarantined: QuarantinedPayload[] } | CallFailure> {
  const values: T[] = [];
  const quarantined: QuarantinedPayload[] = [];
  let bookmark: string | null = null;
  for (let page = 0; page < options.maxPages; page += 1) {
    const query: Record<string, string> = { ...options.query, page_size: String(Math.min(PAGE_SIZE.max, Math.max(1, options.pageSize))) };
    if (bookmark !== null) query['bookmark'] = bookmark;
    const result = await client.call('GET', path, query);
    if (!result.ok) return result.failure;
    const parsed = pageSchema.safeParse(result.body);
    if (!parsed.success) return permanentFailure('malformed_payload', `Pinterest sent a page of ${path} that is not a list of items (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
    let done = false;
    for (const raw of parsed.data.items) {
      const item = accept(raw);
      if (!item.ok) quarantined.push({ payload: raw, error: item.error });
      else if (stop(item.value)) done = true;
      else values.push(item.value);
    }
    bookmark = parsed.data.bookmark ?? null;
    if (done || bookmark === null || bookmark === '') break;
  }
  return { status: 'ok', values, quarantined };
}

const acceptPin = (raw: unknown): { ok: true; value: PinterestPin } | { ok: false; error: string } => {
  const p = pinSchema.safeParse(raw);
  if (!p.success) return { ok: false, error: `Pinterest pin failed validation at ${p.error.issues[0]?.path.join('.') ?? '?'}: ${p.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, value: toPin(p.data) };
};

export async function listBoards(client: PinterestClient): Promise<BoardListOutcome> {
  const result = await walk(client, '/boards', { pageSize: 100, maxPages: 20 }, (raw) => {
    const b = boardSchema.safeParse(raw);
    return b.success ? { ok: true, value: toBoard(b.data) } : { ok: false, error: 'Pinterest board failed validation' };
  });
  return result.status === 'ok' ? { status: 'ok', boards: result.values } : result;
}

/** Unix seconds (as the Instagram read side takes them) or ISO. */
const toMs = (v: string): number => (/^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v));

/**
 * The account's pins, newest first as Pinterest lists them, within since/until when given. With an
 * ad account id (Business Access), the pins of that ad account's owner: how an agency reads the
 * creators it audits through its own token.
 */
export async function readPins(client: PinterestClient, options: PinReadOptions = {}, adAccountId: string | null = null): Promise<PinReadOutcome> {
  const since = options.since ? toMs(options.since) : Number.NEGATIVE_INFINITY;
  const until = options.until ? toMs(options.until) : Number.POSITIVE_INFINITY;
  const result = await walk(client, '/pins', { pageSize: options.pageSize ?? 100, maxPages: options.maxPages ?? 40, query: adAccountId ? { ad_account_id: adAccountId } : {} }, acceptPin, (pin) => Date.parse(pin.createdAt) < since);
  if (result.status !== 'ok') return result;
  return { status: 'ok', pins: result.values.filter((p) => Date.parse(p.createdAt) <= until), quarantined: result.quarantined };
}

/** A board's most recent pins (the first `pages` pages), for duplicate detection before a re-send. */
export async function recentBoardPins(client: PinterestClient, boardId: string, pages = 2): Promise<PinReadOutcome> {
  const result = await walk(client, `/boards/${encodeURIComponent(boardId)}/pins`, { pageSize: 50, maxPages: pages }, acceptPin);
  return result.status === 'ok' ? { status: 'ok', pins: result.values, quarantined: result.quarantined } : result;
}
