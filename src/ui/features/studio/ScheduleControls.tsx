// Scheduling a saved post from the composer or the posts list: a valid (or failed) post gets a
// time; a scheduled one can be moved or taken off the schedule; a missed one asks what to do.
import { useState } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import type { ApiReply } from '../../../api/errors.ts';
import { useClient } from '../../apiContext.tsx';
import { ScheduleMissedPrompt } from './ScheduleMissedPrompt.tsx';
import { ScheduleTimeInput } from './ScheduleTimeInput.tsx';

type Post = OutputOf<'posts.get'>;

export function ScheduleControls({ post, onChanged }: { post: Post; onChanged: (post: Post) => void }) {
  const client = useClient();
  const [error, setError] = useState('');

  async function run(call: () => Promise<ApiReply<Post>>) {
    setError('');
    const reply = await call();
    if (reply.ok) onChanged(reply.value);
    else setError(reply.error.message);
  }
  const schedule = (at: string) => void run(() => client.call('posts.schedule', { id: post.id, at }));
  const unschedule = () => void run(() => client.call('posts.unschedule', { id: post.id }));

  if (post.state === 'missed') return <ScheduleMissedPrompt post={post} onChanged={onChanged} />;
  return (
    <div className="schedule-controls">
      {post.state === 'valid' || post.state === 'failed' ? <ScheduleTimeInput label="Publish at" action="Schedule" onPick={schedule} /> : null}
      {post.state === 'scheduled' ? (
        <>
          <ScheduleTimeInput key={post.scheduledAt} label="New time" action="Reschedule" initial={post.scheduledAt} onPick={schedule} />{' '}
          <button type="button" className="btn" onClick={unschedule}>
            Unschedule
          </button>
        </>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}
