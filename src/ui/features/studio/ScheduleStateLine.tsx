// A post's state as a person reads it, the same in the composer and the posts list: scheduled with
// its time, published with the permalink, failed with the reason, missed with the time it missed.
import type { OutputOf } from '../../../api/endpoints.ts';
import { formatScheduleTime } from './ScheduleTimeInput.tsx';

type Post = OutputOf<'posts.get'>;

export const STATE_NAMES: Readonly<Record<string, string>> = {
  draft: 'Draft',
  valid: 'Valid',
  scheduled: 'Scheduled',
  publishing: 'Publishing: waiting for the next sync',
  published: 'Published',
  failed: 'Failed',
  missed: 'Missed its time',
};

export function ScheduleStateLine({ post }: { post: Pick<Post, 'state' | 'scheduledAt' | 'permalink' | 'failure'> }) {
  return (
    <>
      {STATE_NAMES[post.state] ?? post.state}
      {(post.state === 'scheduled' || post.state === 'missed') && post.scheduledAt ? (
        <>
          {post.state === 'scheduled' ? ' for ' : ' ('}
          <time dateTime={post.scheduledAt}>{formatScheduleTime(post.scheduledAt)}</time>
          {post.state === 'missed' ? ')' : null}
        </>
      ) : null}
      {post.state === 'published' && post.permalink ? (
        <>
          {': '}
          <a href={post.permalink} target="_blank" rel="noreferrer noopener">
            {post.permalink}
          </a>
        </>
      ) : null}
      {post.state === 'failed' && post.failure ? `: ${post.failure}` : null}
    </>
  );
}
