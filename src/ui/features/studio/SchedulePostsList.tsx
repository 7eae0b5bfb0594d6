// Every post in the workspace with its state: draft, valid, scheduled (with the time), publishing,
// published (with the permalink), failed (with the reason and Retry) and missed (with the question
// of what to do now). Read again every few seconds, so a post the scheduler queued at its time, or a
// sync published, changes here without a reload.
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { useClient } from '../../apiContext.tsx';
import { ScheduleControls } from './ScheduleControls.tsx';
import { ScheduleStateLine } from './ScheduleStateLine.tsx';

type Post = OutputOf<'posts.get'>;

const POLL_MS = 2000;
const EXCERPT = 60;

const excerpt = (caption: string): string => (caption.length > EXCERPT ? `${caption.slice(0, EXCERPT)}…` : caption || '(no caption)');

export function SchedulePostsList() {
  const client = useClient();
  const [posts, setPosts] = useState<Post[] | null>(null);
  const [error, setError] = useState('');
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      void client.call('posts.list', { limit: 200 }).then((reply) => {
        if (cancelled) return;
        if (reply.ok) setPosts(reply.value.posts);
        else setError(reply.error.message);
      });
    load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [client, tick]);

  const changed = (post: Post) => {
    setPosts((list) => list?.map((p) => (p.id === post.id ? post : p)) ?? null);
    setTick((n) => n + 1);
  };

  async function retry(id: string) {
    setError('');
    const reply = await client.call('posts.publish', { id });
    if (reply.ok) changed(reply.value);
    else setError(reply.error.message);
  }

  const missed = posts?.filter((p) => p.state === 'missed').length ?? 0;
  return (
    <section className="schedule-posts" aria-label="Posts">
      <h2>Posts</h2>
      {missed > 0 ? (
        <p role="alert" className="schedule-missed-banner">
          {missed === 1 ? 'One scheduled post missed its time' : `${missed} scheduled posts missed their time`} while Stoa was not running: choose what to do below.
        </p>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {posts === null ? <p className="muted">Loading…</p> : null}
      {posts?.length === 0 ? <p className="muted">No posts yet: compose one in the Compose tab.</p> : null}
      <ul className="schedule-post-list">
        {posts?.map((post) => (
          <li key={post.id} data-state={post.state} aria-label={`Post: ${excerpt(post.caption)}`}>
            <p className="schedule-post-caption">{excerpt(post.caption)}</p>
            <p role="status" aria-label="Post state">
              <ScheduleStateLine post={post} />
            </p>
            {post.state === 'failed' ? (
              <button type="button" className="btn" onClick={() => void retry(post.id)}>
                Retry
              </button>
            ) : null}
            <ScheduleControls post={post} onChanged={changed} />
          </li>
        ))}
      </ul>
    </section>
  );
}
