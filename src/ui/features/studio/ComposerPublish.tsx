// Publishing the saved post: queues it (only a valid post can go), then follows its state —
// publishing until a sync sends it, then the permalink, or the reason it failed. The send itself
// happens in the next sync (background, or "Sync now"), so this works the same offline.
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';
import { ScheduleControls } from './ScheduleControls.tsx';
import { formatScheduleTime } from './ScheduleTimeInput.tsx';

type Post = OutputOf<'posts.get'>;

const POLL_MS = 1500;
const STATE_NAMES: Record<string, string> = {
  draft: 'Draft',
  valid: 'Valid',
  scheduled: 'Scheduled',
  publishing: 'Publishing: waiting for the next sync',
  published: 'Published',
  failed: 'Failed',
  missed: 'Missed its time',
};

export function ComposerPublish({ postId, state }: { postId: string | null; state: string | null }) {
  const client = useClient();
  const [post, setPost] = useState<Post | null>(null);
  const [error, setError] = useState('');
  const shown = post?.id === postId ? post : null;
  const currentState = shown?.state ?? state;

  // The saved post itself (its schedule, permalink, failure), read again when a save changes its state.
  useEffect(() => {
    if (!postId) return;
    void client.call('posts.get', { id: postId }).then((reply) => {
      if (reply.ok) setPost(reply.value);
    });
  }, [client, postId, state]);

  // While it is publishing (or scheduled: the app queues it at its time), read the post again until it has moved on.
  useEffect(() => {
    if (!postId || (currentState !== 'publishing' && currentState !== 'scheduled')) return;
    const timer = setInterval(() => {
      void client.call('posts.get', { id: postId }).then((reply) => {
        if (reply.ok) setPost(reply.value);
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [client, postId, currentState]);

  async function publish() {
    if (!postId) return;
    setError('');
    const reply = await client.call('posts.publish', { id: postId });
    if (reply.ok) setPost(reply.value);
    else setError(reply.error.message);
  }

  const canPublish = postId !== null && (currentState === 'valid' || currentState === 'failed');
  return (
    <section className="composer-publish" aria-label="Publishing">
      <p role="status" aria-label="Post state">
        {currentState ? (STATE_NAMES[currentState] ?? currentState) : 'Not saved yet'}
        {shown?.state === 'scheduled' && shown.scheduledAt ? ` for ${formatScheduleTime(shown.scheduledAt)}` : null}
        {shown?.state === 'published' && shown.permalink ? (
          <>
            {': '}
            <a href={shown.permalink} target="_blank" rel="noreferrer noopener">
              {shown.permalink}
            </a>
          </>
        ) : null}
        {shown?.state === 'failed' && shown.failure ? `: ${shown.failure}` : null}
      </p>
      {error ? <p role="alert">{error}</p> : null}
      <button type="button" className="btn btn--primary" disabled={!canPublish} onClick={() => void publish()}>
        {currentState === 'failed' ? 'Publish again' : 'Publish'}
      </button>
      {shown ? <ScheduleControls post={shown} onChanged={setPost} /> : null}
    </section>
  );
}
