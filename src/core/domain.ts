// Domain vocabulary shared by every room: what an item is and what a moderator can do with it.
export const PLATFORMS = ['reddit', 'discourse', 'youtube', 'instagram', 'pinterest'] as const;
export type PlatformName = (typeof PLATFORMS)[number];

export const ITEM_KINDS = ['post', 'comment', 'caption'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Where an item stands locally: open until a person (or a replayed remote verdict) settles it. */
export const ITEM_STATES = ['open', 'approved', 'removed', 'spam', 'ignored'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const MODERATION_ACTIONS = ['approve', 'remove', 'spam', 'ignore_reports', 'ban'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const OUTBOX_STATES = ['pending', 'sending', 'done', 'failed', 'conflict'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** The state an item moves to once an action is decided; ban and ignore_reports leave it as is. */
export function stateAfter(action: ModerationAction, current: ItemState): ItemState {
  switch (action) {
    case 'approve':
      return 'approved';
    case 'remove':
      return 'removed';
    case 'spam':
      return 'spam';
    case 'ignore_reports':
      return current === 'open' ? 'ignored' : current;
    case 'ban':
      return current;
  }
}
