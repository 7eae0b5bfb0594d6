// The rights request of a post as the validation rule reads it (null for a post not made from a
// community item).
import type { Database } from 'better-sqlite3';
import type { PostRights } from '../core/postValidationRights.ts';
import { rightsRequestForPost } from '../store/rightsRequests.ts';

export function postRightsOf(db: Database, postId: string): PostRights | null {
  const r = rightsRequestForPost(db, postId);
  return r ? { requestId: r.id, author: r.author, platform: r.platform, status: r.status, updatedAt: r.updatedAt, actor: r.actor, sentAt: r.sentAt } : null;
}
