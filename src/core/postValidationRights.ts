// The rights rule of post validation: a post made from a community item (a customer's photo or
// review) may not be published or scheduled until its author granted the rights request. The
// violation names the author and where the request stands, like every other rule's failure.
import type { PlatformName } from './domain.ts';
import type { PostTarget } from './postLimits.ts';
import type { Violation } from './postValidation.ts';
import { platformDisplayName, type RightsStatus } from './rightsTemplate.ts';

export interface PostRights {
  readonly requestId: string;
  readonly author: string;
  readonly platform: PlatformName;
  readonly status: RightsStatus;
  /** When the status was last set, and by whom. */
  readonly updatedAt: string;
  readonly actor: string;
  readonly sentAt: string | null;
}

export const RIGHTS_RULE = 'rights_not_granted';
const SOURCE = 'Stoa › rights requests (reusing a customer’s content needs the author’s permission)';

/** One violation on the post's first target when the request is not granted (none otherwise). */
export function rightsViolations(rights: PostRights | null, targets: readonly PostTarget[]): Violation[] {
  const target = targets[0];
  if (rights === null || rights.status === 'granted' || target === undefined) return [];
  const who = `@${rights.author} on ${platformDisplayName(rights.platform)}`;
  const message =
    rights.status === 'refused'
      ? `Rights not granted: ${who} refused the rights request (${rights.updatedAt.slice(0, 10)}, recorded by ${rights.actor}); this post cannot be published or scheduled. Start a new post without their content.`
      : `Rights not granted: the rights request to ${who} is asked${rights.sentAt ? ` (sent ${rights.sentAt.slice(0, 10)})` : ', not sent yet'}; mark it granted when the author says yes.`;
  return [{ rule: RIGHTS_RULE, target, message, limit: 'granted', actual: rights.status, profile: 'rights', profileDate: rights.updatedAt.slice(0, 10), source: SOURCE, verify: false, mediaIndex: null }];
}
