// How the Reddit simulator renders a thing: the field set of the recorded PRAW cassettes plus the
// newer moderation booleans (approved/removed/spam/ignore_reports), so the connector is exercised
// on both payload generations.
import { fullname, reportCount, type SimThing } from './simState.ts';

const SUB_IDS: Readonly<Record<string, string>> = { StoaBeautyLab: 't5_3b7a1', StoaGadgetTalk: 't5_3b7a2', StoaMusicCorner: 't5_3b7a3', NotOurSub: 't5_3b7a9' };

export function thingJson(thing: SimThing, things: ReadonlyMap<string, SimThing>): { kind: 't1' | 't3'; data: Record<string, unknown> } {
  const name = fullname(thing);
  const deleted = thing.deleted;
  const link = thing.linkId ? things.get(thing.linkId) : undefined;
  const linkSlug = (link?.title ?? thing.title ?? 'post').toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40);
  const permalink = thing.kind === 't3'
    ? `/r/${thing.sub}/comments/${thing.id36}/${linkSlug}/`
    : `/r/${thing.sub}/comments/${link?.id36 ?? 'unknown'}/${linkSlug}/${thing.id36}/`;
  const text = deleted ? '[deleted]' : thing.text;
  const common: Record<string, unknown> = {
    id: thing.id36,
    name,
    subreddit: thing.sub,
    subreddit_id: SUB_IDS[thing.sub] ?? 't5_0',
    author: deleted ? '[deleted]' : thing.author,
    created_utc: thing.createdUtc,
    created: thing.createdUtc + 28_800,
    permalink,
    num_reports: thing.ignoreReports ? 0 : reportCount(thing),
    user_reports: thing.userReports,
    mod_reports: thing.modReports,
    report_reasons: ['This attribute is deprecated. Please use mod_reports and user_reports instead.'],
    approved: thing.approvedBy !== null,
    approved_by: thing.approvedBy,
    approved_at_utc: null,
    banned_by: thing.bannedBy,
    banned_at_utc: null,
    removed: thing.removed && thing.bannedBy !== true,
    spam: thing.spam,
    removed_by_category: thing.removed ? (thing.bannedBy === true ? 'reddit' : 'moderator') : null,
    ignore_reports: thing.ignoreReports,
    removal_reason: null,
    mod_reason_title: null,
    mod_note: null,
    locked: false,
    edited: false,
    distinguished: null,
    stickied: false,
    score: 1,
    ups: 1,
    downs: 0,
    gilded: 0,
    over_18: false,
    archived: false,
    likes: null,
    saved: false,
    quarantine: false,
    author_flair_css_class: null,
    author_flair_text: null,
  };
  if (thing.kind === 't3') {
    return {
      kind: 't3',
      data: {
        ...common,
        title: thing.title ?? '',
        selftext: text,
        selftext_html: null,
        url: `https://www.reddit.com${permalink}`,
        domain: `self.${thing.sub}`,
        is_self: true,
        num_comments: 0,
        hidden: false,
        thumbnail: 'self',
        clicked: false,
        visited: false,
        hide_score: false,
        contest_mode: false,
        spoiler: false,
        suggested_sort: null,
        link_flair_css_class: null,
        link_flair_text: null,
        media: null,
        media_embed: {},
        secure_media: null,
        secure_media_embed: {},
      },
    };
  }
  return {
    kind: 't1',
    data: {
      ...common,
      body: text,
      body_html: null,
      link_id: thing.linkId,
      parent_id: thing.linkId,
      link_title: link?.title ?? '',
      link_author: link?.author ?? '[deleted]',
      link_url: link ? `https://www.reddit.com/r/${thing.sub}/comments/${link.id36}/${linkSlug}/` : '',
      replies: '',
      controversiality: 0,
      score_hidden: false,
    },
  };
}

export function listingJson(children: readonly unknown[], after: string | null, before: string | null) {
  return { kind: 'Listing', data: { after, before, dist: children.length, modhash: null, geo_filter: '', children } };
}
