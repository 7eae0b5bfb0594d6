// posts.publish: queues the post's publish jobs (store/publishJobs.ts) against the workspace's
// connected account per target, refusing posts that are not valid. The sync run sends them.
import { fail } from '../api/errors.ts';
import { listAccounts } from '../store/accounts.ts';
import { PublishRefusedError, queuePublish, type PublishJob } from '../store/publishJobs.ts';
import type { BackendContext } from './context.ts';

export function queuePublishFor(ctx: BackendContext, postId: string): PublishJob[] {
  const accounts = listAccounts(ctx.db);
  try {
    return queuePublish(ctx.db, postId, (target) => accounts.find((a) => a.platform === target)?.id ?? null, ctx.who, ctx.clock);
  } catch (error) {
    if (error instanceof PublishRefusedError) return fail('conflict', error.message);
    throw error;
  }
}
