// posts.schedule, posts.unschedule and posts.resolveMissed: the schedule's endpoints. A post is
// checked again before it is given a time and before a missed one is published now; every change
// wakes the scheduler so it sleeps until the new earliest time.
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import { getPost, type PostRecord } from '../store/posts.ts';
import { clearPostSchedule, ScheduleRefusedError, setPostSchedule } from '../store/postSchedule.ts';
import type { BackendContext } from './context.ts';
import { checkProblem, savedPostReader } from './postHandlers.ts';
import type { PostScheduler } from './postScheduler.ts';
import { scheduleRefusal } from './postSchedulerRules.ts';
import { queuePublishFor } from './publishQueue.ts';

type ScheduleMethod = 'posts.schedule' | 'posts.unschedule' | 'posts.resolveMissed';

export function postSchedulerHandlers(ctx: BackendContext, scheduler: PostScheduler, sendQueued: () => void): Pick<Handlers, ScheduleMethod> {
  const reader = savedPostReader(ctx);
  const postOrFail = (id: string): PostRecord => getPost(ctx.db, id) ?? fail('not_found', `There is no post with id ${id}.`);

  /** Store refusals (the post moved meanwhile) are conflicts the UI shows. */
  function changing(work: () => void): void {
    try {
      work();
    } catch (error) {
      if (error instanceof ScheduleRefusedError) fail('conflict', error.message);
      throw error;
    }
    scheduler.poke();
  }

  function schedule(id: string, at: string): void {
    const post = postOrFail(id);
    const problem = checkProblem(reader.check(id));
    const atMs = Date.parse(at);
    const refusal = scheduleRefusal(post.state, problem === null, atMs, ctx.clock.now().getTime());
    if (refusal !== null) fail(refusal.kind === 'state' ? 'conflict' : 'invalid_input', problem === null ? refusal.message : `${refusal.message} ${problem}`);
    // Stored as UTC with milliseconds, so the scheduler's text comparisons order times correctly.
    changing(() => setPostSchedule(ctx.db, id, new Date(atMs).toISOString(), ctx.who, ctx.clock));
  }

  function unschedule(id: string): void {
    postOrFail(id);
    const ok = checkProblem(reader.check(id)) === null;
    changing(() => clearPostSchedule(ctx.db, id, ok ? 'valid' : 'draft', ctx.who, ctx.clock));
  }

  return {
    'posts.schedule': (input) => {
      schedule(input.id, input.at);
      return reader.view(input.id);
    },
    'posts.unschedule': (input) => {
      unschedule(input.id);
      return reader.view(input.id);
    },
    'posts.resolveMissed': (input) => {
      const post = postOrFail(input.id);
      if (post.state !== 'missed') fail('conflict', `Post ${input.id} is ${post.state}, not missed: there is nothing to decide.`);
      if (input.choice === 'reschedule') schedule(input.id, input.at ?? '');
      else if (input.choice === 'back_to_draft') unschedule(input.id);
      else {
        const problem = checkProblem(reader.check(input.id));
        if (problem !== null) fail('conflict', `Post ${input.id} does not pass its checks: ${problem}`);
        queuePublishFor(ctx, input.id);
        sendQueued();
      }
      return reader.view(input.id);
    },
  };
}
