// The question a missed schedule asks: the post's time passed while Stoa was not running (or the
// machine slept), so nothing was published on its own. Publish now, pick a new time, or take it
// back to editing; the answer goes to posts.resolveMissed.
import { useState } from 'react';
import type { InputOf, OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';
import { formatScheduleTime, ScheduleTimeInput } from './ScheduleTimeInput.tsx';

type Post = OutputOf<'posts.get'>;

export function ScheduleMissedPrompt({ post, onChanged }: { post: Post; onChanged: (post: Post) => void }) {
  const client = useClient();
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState('');

  async function resolve(input: Omit<InputOf<'posts.resolveMissed'>, 'id'>) {
    setError('');
    const reply = await client.call('posts.resolveMissed', { id: post.id, ...input });
    if (reply.ok) onChanged(reply.value);
    else setError(reply.error.message);
  }

  return (
    <div className="schedule-missed" role="group" aria-label="Missed schedule">
      <p>
        This post was scheduled for {post.scheduledAt ? formatScheduleTime(post.scheduledAt) : 'a time'} but Stoa was not running then, so it was not
        published. What should happen now?
      </p>
      <button type="button" className="btn btn--primary" onClick={() => void resolve({ choice: 'publish_now' })}>
        Publish now
      </button>{' '}
      <button type="button" className="btn" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
        Pick a new time
      </button>{' '}
      <button type="button" className="btn" onClick={() => void resolve({ choice: 'back_to_draft' })}>
        Back to draft
      </button>
      {picking ? <ScheduleTimeInput label="New time" action="Schedule at this time" onPick={(at) => void resolve({ choice: 'reschedule', at })} /> : null}
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}
