// In-memory state of the YouTube simulator: comments and threads on the channel's videos, seeded
// from the real YouTube Spam Collection (real comment ids, authors and timestamps), banned authors,
// and the write log. No HTTP here; simulator.ts renders it in YouTube's wire shapes.
import type { Rng } from '../sim/rng.ts';
import type { SeedRow } from '../sim/seed.ts';
import { simMediaUrl } from '../sim/simMedia.ts';
import type { WriteRecord } from '../sim/types.ts';
import type { YtModerationStatus } from './wire.ts';

export interface SimComment {
  readonly id: string;
  readonly threadId: string;
  readonly parentId: string | null;
  readonly videoId: string;
  readonly authorName: string;
  readonly authorChannelId: string;
  readonly text: string;
  readonly publishedAt: string;
  status: YtModerationStatus;
  updatedAt: string;
  /** Deleted by its author: gone from every listing, and a write naming it gets 404. */
  deleted: boolean;
  likeCount: number;
}

export interface SimThread {
  readonly id: string;
  readonly videoId: string;
  readonly replyIds: string[];
}

/** The Spam Collection's four videos (ids from the authors' experiment files). */
const VIDEO_BY_SOURCE: Readonly<Record<string, string>> = {
  'Youtube01-Psy.csv': '9bZkp7q19f0',
  'Youtube02-KatyPerry.csv': 'CevxZvSJLk8',
  'Youtube03-LMFAO.csv': 'KQ6zr6kCPj8',
  'Youtube04-Eminem.csv': 'uelHwf8o7_U',
};

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A stable YouTube-looking channel id derived from a name, so one author keeps one id. */
export function channelIdFor(name: string): string {
  let h = 2166136261;
  let out = 'UC';
  for (let i = 0; out.length < 24; i += 1) {
    h ^= name.charCodeAt(i % Math.max(1, name.length)) + i;
    h = Math.imul(h, 16777619) >>> 0;
    out += ID_ALPHABET[h % 64];
  }
  return out;
}

export class YoutubeSimState {
  readonly comments = new Map<string, SimComment>();
  readonly threads = new Map<string, SimThread>();
  readonly bannedAuthors = new Set<string>();
  readonly videos = new Set<string>();
  readonly writes: WriteRecord[] = [];
  private counter = 0;
  private sorted: SimThread[] | null = null;

  constructor(
    readonly channelId: string,
    readonly channelTitle: string,
    /** Where an author's profile picture is (the sim host's media, never a Google host). */
    readonly avatarUrl: (authorChannelId: string) => string = (id) => simMediaUrl({}, 'youtube', `ytc/${id}`, 'photo', { width: 88, height: 88 }),
  ) {}

  /**
   * Seeds from dataset rows. Spam-labelled rows mostly land in likelySpam, the rest in
   * heldForReview or published; about one row in seven becomes a reply in an earlier thread of the
   * same video, so "a thread matches because of a reply" is exercised.
   */
  seed(rows: readonly SeedRow[], rng: Rng, limit: number): void {
    const lastThreadByVideo = new Map<string, string[]>();
    for (const row of rows.slice(0, limit)) {
      if (this.comments.has(row.sourceId)) continue;
      const file = row.source.split('/').pop() ?? '';
      const videoId = VIDEO_BY_SOURCE[file] ?? 'sim-video-1';
      const roll = rng.next();
      const status: YtModerationStatus =
        row.label === 'spam' ? (roll < 0.6 ? 'likelySpam' : roll < 0.9 ? 'heldForReview' : 'published') : roll < 0.25 ? 'heldForReview' : roll < 0.3 ? 'likelySpam' : 'published';
      const candidates = lastThreadByVideo.get(videoId) ?? [];
      const parent = candidates.length > 0 && rng.chance(0.15) ? rng.pick(candidates) : null;
      const publishedAt = row.createdAt ?? new Date(Date.UTC(2014, 0, 1) + rng.int(0, 365 * 86_400) * 1000).toISOString();
      this.insert({ id: row.sourceId, parentId: parent, videoId, authorName: row.author, text: row.text, publishedAt, status });
      if (!parent) candidates.push(row.sourceId);
      lastThreadByVideo.set(videoId, candidates.slice(-20));
    }
  }

  /** Adds a comment; a banned author's comment is rejected on arrival (banAuthor semantics). */
  insert(c: { id?: string; parentId: string | null; videoId: string; authorName: string; text: string; publishedAt: string; status: YtModerationStatus }): SimComment {
    this.counter += 1;
    const id = c.id ?? `Ugsim${String(this.counter).padStart(8, '0')}`;
    const parentThread = c.parentId ? this.threads.get(c.parentId) : undefined;
    const authorChannelId = channelIdFor(c.authorName);
    const comment: SimComment = {
      id: parentThread ? `${parentThread.id}.${id}` : id,
      threadId: parentThread ? parentThread.id : id,
      parentId: parentThread ? parentThread.id : null,
      videoId: parentThread ? parentThread.videoId : c.videoId,
      authorName: c.authorName,
      authorChannelId,
      text: c.text,
      publishedAt: c.publishedAt,
      updatedAt: c.publishedAt,
      status: this.bannedAuthors.has(authorChannelId) ? 'rejected' : c.status,
      deleted: false,
      likeCount: 0,
    };
    this.comments.set(comment.id, comment);
    this.videos.add(comment.videoId);
    if (parentThread) parentThread.replyIds.push(comment.id);
    else {
      this.threads.set(comment.id, { id: comment.id, videoId: comment.videoId, replyIds: [] });
      this.sorted = null;
    }
    return comment;
  }

  live(id: string): SimComment | undefined {
    const c = this.comments.get(id);
    return c && !c.deleted ? c : undefined;
  }

  /** Whether a thread shows up under a moderationStatus filter: its top comment or any reply has it. */
  threadMatches(thread: SimThread, status: YtModerationStatus): boolean {
    const top = this.live(thread.id);
    if (!top) return false;
    if (top.status === status) return true;
    return thread.replyIds.some((id) => this.live(id)?.status === status);
  }

  /**
   * All threads newest first (order=time), ties broken by id so the order is total and stable.
   * Cached until the next insert: a thread's position never changes (publishedAt is fixed), so
   * listing a page is a binary search plus a short scan even with 100k threads.
   */
  sortedThreads(): readonly SimThread[] {
    if (!this.sorted) {
      this.sorted = [...this.threads.values()];
      this.sorted.sort((a, b) => compareKeys(this.sortKey(a), this.sortKey(b)));
    }
    return this.sorted;
  }

  /** Up to `size` threads passing `filter`, strictly after `anchor`; `more` when another exists. */
  threadPage(anchor: SortKey | null, size: number, filter: (t: SimThread) => boolean): { page: SimThread[]; more: boolean } {
    const all = this.sortedThreads();
    let lo = 0;
    if (anchor !== null) {
      let hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const t = all[mid];
        if (t && compareKeys(this.sortKey(t), anchor) <= 0) lo = mid + 1;
        else hi = mid;
      }
    }
    const page: SimThread[] = [];
    for (let i = lo; i < all.length; i += 1) {
      const t = all[i];
      if (!t || !filter(t)) continue;
      if (page.length === size) return { page, more: true };
      page.push(t);
    }
    return { page, more: false };
  }

  sortKey(thread: SimThread): SortKey {
    return [this.comments.get(thread.id)?.publishedAt ?? '', thread.id];
  }

  countByStatus(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const c of this.comments.values()) {
      const key = c.deleted ? 'deleted' : c.status;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }
}

export type SortKey = readonly [publishedAt: string, id: string];

/** Descending by time, then by id: the position a page token anchors to. */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? 1 : -1;
  if (a[1] !== b[1]) return a[1] < b[1] ? 1 : -1;
  return 0;
}
