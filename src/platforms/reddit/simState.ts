// The Reddit simulator's data: subreddits, things seeded from real forum text (tweets from the
// toxicity sets, with their real handles where the set has them), bans, queue membership
// (front.py keep_fn, PLATFORMS.md §2.2) and listing pagination by fullname anchor, which keeps
// working when the anchor itself has left the queue.
import type { Rng } from '../sim/rng.ts';
import type { SeedRow } from '../sim/seed.ts';

export const SIM_MODERATOR = 'stoa_sim_mod';
/** Subreddits the simulated account moderates, then one it does not (for 403 paths). */
export const MODERATED_SUBS = ['StoaBeautyLab', 'StoaGadgetTalk', 'StoaMusicCorner'] as const;
export const FOREIGN_SUB = 'NotOurSub';
export const LISTING_DEPTH_CAP = 1000;

export type Where = 'modqueue' | 'reports' | 'spam' | 'unmoderated';

export interface SimThing {
  readonly kind: 't1' | 't3';
  readonly id36: string;
  readonly sub: string;
  readonly author: string;
  readonly title: string | null;
  readonly text: string;
  readonly createdUtc: number;
  readonly linkId: string | null;
  /** Sort key: larger is newer; listings are newest first. */
  readonly seq: number;
  userReports: [string | null, number][];
  modReports: [string, string][];
  approvedBy: string | null;
  /** A moderator's name, or true when the spam filter took it. */
  bannedBy: string | true | null;
  removed: boolean;
  spam: boolean;
  ignoreReports: boolean;
  deleted: boolean;
}

export interface SimBan {
  readonly name: string;
  readonly date: number;
  readonly note: string;
  readonly reason: string;
  readonly message: string;
  readonly duration: number | null;
}

const USER_REPORT_REASONS = ['This is spam', "It's rude, vulgar or offensive", 'This is abusive or harassing', 'Breaks r/ rules', null] as const;

export const fullname = (thing: SimThing): string => `${thing.kind}_${thing.id36}`;
export const reportCount = (thing: SimThing): number => thing.userReports.reduce((sum, [, count]) => sum + count, 0) + thing.modReports.length;
/** Removed by the spam filter and not yet looked at by a moderator. */
const filtered = (thing: SimThing): boolean => thing.bannedBy === true && thing.approvedBy === null;

export function inListing(thing: SimThing, where: Where): boolean {
  if (thing.deleted) return false;
  const reported = reportCount(thing) > 0 && !thing.ignoreReports;
  switch (where) {
    case 'reports':
      return reported && !thing.removed;
    case 'spam':
      return thing.removed;
    case 'modqueue':
      return (reported && !thing.removed) || filtered(thing);
    case 'unmoderated':
      return thing.kind === 't3' && thing.approvedBy === null && !thing.removed;
  }
}

export class RedditWorld {
  readonly things = new Map<string, SimThing>();
  /** sub (lower-case) → user (lower-case) → ban. */
  readonly bans = new Map<string, Map<string, SimBan>>();
  readonly users = new Set<string>([SIM_MODERATOR.toLowerCase()]);
  readonly #rng: Rng;
  readonly #rows: readonly SeedRow[];
  readonly #postsBySub = new Map<string, SimThing[]>();
  #nextRow = 0;
  #seq = 0;
  #nextId = 1_500_000_000;

  constructor(rng: Rng, rows: readonly SeedRow[], count: number, nowMs: number) {
    this.#rng = rng;
    this.#rows = rows;
    const start = Math.floor(nowMs / 1000) - 14 * 86_400;
    for (let i = 0; i < count; i += 1) this.#add(start + i * Math.floor((14 * 86_400) / Math.max(1, count)), true);
  }

  /** New reported items at the head of the queue (the "new items arrive mid-walk" fault). */
  insert(count: number, nowMs: number): string[] {
    const names: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const thing = this.#add(Math.floor(nowMs / 1000), false, true);
      thing.userReports = [[USER_REPORT_REASONS[0], 1]];
      names.push(fullname(thing));
    }
    return names;
  }

  #row(): SeedRow {
    // Walk the corpus in a seeded order; wrap around for very long simulations.
    const row = this.#rows[(this.#nextRow * 7919 + this.#rng.int(0, 6)) % this.#rows.length];
    this.#nextRow += 1;
    if (!row) throw new Error('the Reddit simulator needs seed rows (forum set)');
    return row;
  }

  #add(createdUtc: number, randomState: boolean, moderatedOnly = false): SimThing {
    const row = this.#row();
    const rng = this.#rng;
    // A small share of seeded things live in a subreddit we do not moderate (for 403 paths).
    const sub = !moderatedOnly && rng.chance(0.03) ? FOREIGN_SUB : rng.pick(MODERATED_SUBS);
    const posts = this.#postsBySub.get(sub) ?? [];
    const isComment = posts.length > 0 && rng.chance(0.35);
    const link = isComment ? rng.pick(posts.slice(-20)) : null;
    this.#seq += 1;
    this.#nextId += rng.int(1, 4000);
    const firstLine = row.text.split(/(?<=[.!?])\s|\n/)[0] ?? row.text;
    const thing: SimThing = {
      kind: isComment ? 't1' : 't3',
      id36: this.#nextId.toString(36),
      sub,
      author: row.author,
      title: isComment ? null : firstLine.slice(0, 300),
      text: row.text,
      createdUtc,
      linkId: link ? fullname(link) : null,
      seq: this.#seq,
      userReports: [],
      modReports: [],
      approvedBy: null,
      bannedBy: null,
      removed: false,
      spam: false,
      ignoreReports: false,
      deleted: false,
    };
    this.users.add(row.author.toLowerCase());
    if (randomState) this.#initialState(thing, row.label);
    this.things.set(fullname(thing), thing);
    if (thing.kind === 't3') this.#postsBySub.set(sub, [...posts, thing].slice(-20));
    return thing;
  }

  /** Rough moderation history from the source label: offensive text is reported or filtered more. */
  #initialState(thing: SimThing, label: string): void {
    const rng = this.#rng;
    const rough = label === 'hate' || label === 'offensive' || label === 'OFF';
    const roll = rng.next();
    if (roll < (rough ? 0.55 : 0.15)) {
      thing.userReports = [[rng.pick(USER_REPORT_REASONS), rng.int(1, 4)]];
      if (rng.chance(0.2)) thing.modReports = [['rule 2: be civil', SIM_MODERATOR]];
    } else if (roll < (rough ? 0.75 : 0.22)) {
      thing.bannedBy = true;
      thing.removed = true;
      thing.spam = true;
    } else if (roll < (rough ? 0.8 : 0.4)) {
      thing.approvedBy = SIM_MODERATOR;
    } else if (roll < (rough ? 0.85 : 0.45)) {
      thing.bannedBy = SIM_MODERATOR;
      thing.removed = true;
    }
  }

  /** Subreddit names a request path names: "mod" = all moderated; "a+b" = several. */
  resolveSubs(spec: string): { ok: true; subs: Set<string> } | { ok: false; status: 403 | 404 } {
    if (spec.toLowerCase() === 'mod') return { ok: true, subs: new Set(MODERATED_SUBS.map((sub) => sub.toLowerCase())) };
    const subs = new Set<string>();
    for (const name of spec.split('+')) {
      const lower = name.toLowerCase();
      if (lower === FOREIGN_SUB.toLowerCase()) return { ok: false, status: 403 };
      if (!MODERATED_SUBS.some((sub) => sub.toLowerCase() === lower)) return { ok: false, status: 404 };
      subs.add(lower);
    }
    return { ok: true, subs };
  }

  isModeratedSub(name: string): boolean {
    return MODERATED_SUBS.some((sub) => sub.toLowerCase() === name.toLowerCase());
  }

  /** One page of a listing, anchored by fullname (after/before) as paginated_listing does. */
  listing(subs: Set<string>, where: Where, only: 'links' | 'comments' | null, limit: number, after: string | null, before: string | null) {
    const members = [...this.things.values()]
      .filter((thing) => subs.has(thing.sub.toLowerCase()) && inListing(thing, where))
      .filter((thing) => only === null || (only === 'links' ? thing.kind === 't3' : thing.kind === 't1'))
      .sort((a, b) => b.seq - a.seq)
      .slice(0, LISTING_DEPTH_CAP);
    // An anchor that has left the queue still has a sort position; an unknown anchor is ignored.
    const afterAnchor = after ? this.things.get(after) : undefined;
    const beforeAnchor = before ? this.things.get(before) : undefined;
    let page: SimThing[];
    let more: boolean;
    if (beforeAnchor) {
      const newer = members.filter((thing) => thing.seq > beforeAnchor.seq);
      page = newer.slice(Math.max(0, newer.length - limit));
      more = newer.length > limit;
      return { page, after: page.length > 0 ? fullname(page[page.length - 1] as SimThing) : null, before: more && page[0] ? fullname(page[0]) : null };
    }
    const rest = afterAnchor ? members.filter((thing) => thing.seq < afterAnchor.seq) : members;
    page = rest.slice(0, limit);
    more = rest.length > limit;
    const last = page[page.length - 1];
    return { page, after: more && last ? fullname(last) : null, before: afterAnchor && page[0] ? fullname(page[0]) : null };
  }
}
