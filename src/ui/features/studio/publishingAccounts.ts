// What the Studio page says about publishing: for each platform a post can target, the connected
// account it will go through, or that none is connected (and where to connect one). Read from the
// workspace's accounts, so an Instagram account connected in Settings is named here (issue #9: the
// page once said "no publishing account" whatever was connected).
import { POST_TARGETS, type PostTarget } from '../../../core/postLimits.ts';

export interface PublishingAccount {
  readonly platform: string;
  readonly displayName: string;
}

const NAMES: Record<PostTarget, string> = { instagram: 'Instagram', pinterest: 'Pinterest' };

export interface PublishingLine {
  readonly target: PostTarget;
  readonly connected: boolean;
  readonly text: string;
}

export function publishingLines(accounts: readonly PublishingAccount[]): PublishingLine[] {
  return POST_TARGETS.map((target) => {
    const names = accounts.filter((a) => a.platform === target).map((a) => a.displayName);
    const first = names[0];
    if (first === undefined) return { target, connected: false, text: `${NAMES[target]}: no account connected; connect one in Settings to publish there.` };
    const others = names.length > 1 ? ` (${names.length - 1} more connected; the first is used)` : '';
    return { target, connected: true, text: `${NAMES[target]}: publishes through ${first}${others}.` };
  });
}
