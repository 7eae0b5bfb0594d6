// In-memory state of the Pinterest simulator: users (the demo shop and the seeded creators), their
// boards and pins, newest first, and the pins published through POST /pins for GET /__sim/state.
// Rendering follows the spec's Pin and Board shapes; bookmarks name the last pin of the page, so a
// walk stays correct when new pins arrive at the head of the list mid-walk.
import type { VirtualClock } from '../sim/clock.ts';
import type { Rng } from '../sim/rng.ts';
import type { WriteRecord } from '../sim/types.ts';
import type { SimCreatorSeed } from './simCreators.ts';

export interface SimBoard {
  readonly id: string;
  readonly ownerId: string;
  readonly name: string;
  readonly description: string;
  readonly createdAtMs: number;
}

export interface SimPin {
  readonly id: string;
  readonly ownerId: string;
  readonly boardId: string;
  readonly title: string | null;
  readonly description: string | null;
  readonly link: string | null;
  readonly altText: string | null;
  readonly createdAtMs: number;
  /** One URL for an image pin, 2–5 for a carousel. */
  readonly imageUrls: readonly string[];
}

export interface SimUser {
  readonly id: string;
  readonly username: string;
  /** The ad account whose owner this user is (Business Access lists its pins with ad_account_id). */
  readonly adAccountId: string;
}

export interface SimPublishedPin {
  readonly id: string;
  readonly permalink: string;
  readonly caption: string;
  readonly title: string | null;
  readonly link: string | null;
  readonly board_id: string;
  readonly children: readonly { readonly id: string; readonly image: string; readonly product_tags: readonly never[] }[];
  readonly product_tags: readonly never[];
}

const DAY_MS = 86_400_000;

export class PinterestSimState {
  readonly users = new Map<string, SimUser>();
  readonly boards: SimBoard[] = [];
  /** Newest first. */
  readonly pins: SimPin[] = [];
  readonly published: SimPublishedPin[] = [];
  readonly writes: WriteRecord[] = [];
  private nextPin = 1;
  private nextBoard = 1;

  constructor(private readonly clock: VirtualClock) {}

  addUser(id: string, username: string, adAccountId: string): SimUser {
    const user = { id, username, adAccountId };
    this.users.set(id, user);
    return user;
  }

  addBoard(ownerId: string, name: string, description = ''): SimBoard {
    const board = { id: `5497558${String(this.nextBoard++).padStart(5, '0')}`, ownerId, name, description, createdAtMs: this.clock.nowMs() - 400 * DAY_MS };
    this.boards.push(board);
    return board;
  }

  newPinId(): string {
    return `1125899${String(this.nextPin++).padStart(11, '0')}`;
  }

  /** A pin at the head of the list (it is the newest). */
  addPin(pin: Omit<SimPin, 'id'> & { id?: string }): SimPin {
    const full: SimPin = { ...pin, id: pin.id ?? this.newPinId() };
    const at = this.pins.findIndex((p) => p.createdAtMs <= full.createdAtMs);
    this.pins.splice(at < 0 ? this.pins.length : at, 0, full);
    return full;
  }

  /** Creators, each with one board and their pins spread over the last year, newest first. */
  /** `imageUrl` names a pin's original image (served by the sim host, not i.pinimg.com). */
  seedCreators(seeds: readonly SimCreatorSeed[], rng: Rng, imageUrl: (pinId: string) => string): SimUser[] {
    const now = this.clock.nowMs();
    return seeds.map((seed, i) => {
      const user = this.addUser(`7000000000000${String(i + 1).padStart(5, '0')}`, seed.username, `54900000000${String(i + 1).padStart(4, '0')}`);
      const board = this.addBoard(user.id, `${seed.username}'s finds`);
      seed.pins.forEach((pin, j) => {
        const id = this.newPinId();
        this.addPin({
          id,
          ownerId: user.id,
          boardId: board.id,
          title: null,
          description: pin.description,
          link: pin.link,
          altText: null,
          // Spread back over a year, newest first in seed order, jittered so times differ.
          createdAtMs: now - (j + 1) * 7 * DAY_MS - rng.int(0, DAY_MS - 1),
          imageUrls: [imageUrl(id)],
        });
      });
      return user;
    });
  }

  boardsOf(userId: string): SimBoard[] {
    return this.boards.filter((b) => b.ownerId === userId);
  }

  pinsOf(userId: string): SimPin[] {
    return this.pins.filter((p) => p.ownerId === userId);
  }

  pinsOnBoard(boardId: string): SimPin[] {
    return this.pins.filter((p) => p.boardId === boardId);
  }

  remove(pinId: string): boolean {
    const at = this.pins.findIndex((p) => p.id === pinId);
    if (at < 0) return false;
    this.pins.splice(at, 1);
    return true;
  }

  countByState(): Record<string, number> {
    return { pins: this.pins.length, published: this.published.length };
  }
}

/** Pinterest writes date-time without an offset or milliseconds (UTC). */
export const pinTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '');

/** The renditions of an original (…/<pin>/originals.png on the sim host), each at the size it declares. */
function imageSizes(url: string): Record<string, { width: number; height: number; url: string }> {
  const sized = (name: string, width: number, height: number) => ({ width, height, url: url.replace(/\/originals\.png$/, `/${name}.png?w=${width}&h=${height}`) });
  return { '150x150': sized('150x150', 150, 150), '600x': sized('600x', 600, 900), '1200x': sized('1200x', 1200, 1800) };
}

export function renderPin(pin: SimPin, owner: SimUser | undefined, viewerId: string): Record<string, unknown> {
  const carousel = pin.imageUrls.length > 1;
  return {
    id: pin.id,
    created_at: pinTime(pin.createdAtMs),
    link: pin.link,
    title: pin.title,
    description: pin.description,
    dominant_color: '#6E7874',
    alt_text: pin.altText,
    creative_type: carousel ? 'CAROUSEL' : 'REGULAR',
    board_id: pin.boardId,
    board_section_id: null,
    board_owner: { username: owner?.username ?? 'unknown' },
    is_owner: pin.ownerId === viewerId,
    is_standard: true,
    has_been_promoted: false,
    parent_pin_id: null,
    media: carousel
      ? { media_type: 'multiple_images', items: pin.imageUrls.map((u) => ({ item_type: 'image', title: null, description: null, link: null, images: imageSizes(u) })) }
      : { media_type: 'image', images: imageSizes(pin.imageUrls[0] ?? '') },
    pin_metrics: null,
  };
}

export function renderBoard(board: SimBoard, owner: SimUser | undefined, pinCount: number): Record<string, unknown> {
  return {
    id: board.id,
    created_at: pinTime(board.createdAtMs),
    board_pins_modified_at: pinTime(board.createdAtMs),
    name: board.name,
    description: board.description,
    collaborator_count: 0,
    pin_count: pinCount,
    follower_count: 0,
    media: { image_cover_url: null, pin_thumbnail_urls: [] },
    owner: { username: owner?.username ?? 'unknown' },
    privacy: 'PUBLIC',
    is_ads_only: false,
  };
}

export const encodeBookmark = (last: SimPin): string => Buffer.from(JSON.stringify({ after: last.id, t: last.createdAtMs })).toString('base64url');

/**
 * Where the page after `bookmark` starts in `list` (newest first): behind the named pin, or — when
 * that pin is gone — at the first pin older than it. Null for an unreadable bookmark.
 */
export function pageStart(list: readonly SimPin[], bookmark: string): number | null {
  let value: { after?: unknown; t?: unknown };
  try {
    value = JSON.parse(Buffer.from(bookmark, 'base64url').toString('utf8')) as { after?: unknown; t?: unknown };
  } catch {
    return null;
  }
  if (typeof value.after !== 'string' || typeof value.t !== 'number') return null;
  const at = list.findIndex((p) => p.id === value.after);
  if (at >= 0) return at + 1;
  const t = value.t;
  const older = list.findIndex((p) => p.createdAtMs < t);
  return older < 0 ? list.length : older;
}
