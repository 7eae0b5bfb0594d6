// Queued publishes in the shape `stoa sync` lists the outbox's waiting actions in, so a script sees
// a deferred publish (Instagram's publishing limit, images still processing, offline) as something
// still to send and runs the sync again. Scheduled posts are not listed: they are not due yet, and
// a sync never sends them early.
import { PLATFORMS, type PlatformName } from '../core/domain.ts';
import { waitingPublishGroups } from '../store/publishWaiting.ts';
import type { BackendContext } from './context.ts';

export interface WaitingPublishes {
  readonly accountId: string | null;
  readonly platform: PlatformName;
  readonly count: number;
  readonly nextAttemptAt: string | null;
  readonly reason: string | null;
  readonly kind: 'publish';
}

const isPlatform = (name: string): name is PlatformName => (PLATFORMS as readonly string[]).includes(name);

export function waitingPublishes(ctx: BackendContext): WaitingPublishes[] {
  const now = ctx.clock.now().toISOString();
  return waitingPublishGroups(ctx.db).flatMap((group) => {
    if (!isPlatform(group.target)) return [];
    // A time already past is "now": the next sync sends it.
    const next = group.nextAttemptAt === null || group.nextAttemptAt < now ? now : group.nextAttemptAt;
    const posts = `${group.count} post${group.count === 1 ? '' : 's'} to publish`;
    return [{ accountId: group.accountId, platform: group.target, count: group.count, nextAttemptAt: next, reason: group.reason ? `${posts}: ${group.reason}` : posts, kind: 'publish' as const }];
  });
}
