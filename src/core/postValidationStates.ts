// A post's lifecycle: draft → valid → scheduled → publishing → published | failed. Validation
// decides between draft and valid on every save; scheduling and publishing move it on from valid;
// a failed post can be edited (back to draft/valid) or retried. Published and publishing posts are
// no longer edited here: what the platform holds is the record. A scheduled post whose time passed
// while the app was not running becomes missed and waits for a person (publish now, a new time, or
// back to editing); one that no longer passes its checks at its time becomes failed.

export const POST_STATES = ['draft', 'valid', 'scheduled', 'publishing', 'published', 'failed', 'missed'] as const;
export type PostState = (typeof POST_STATES)[number];

const NEXT: Readonly<Record<PostState, readonly PostState[]>> = {
  draft: ['valid'],
  valid: ['draft', 'scheduled', 'publishing'],
  scheduled: ['draft', 'valid', 'publishing', 'failed', 'missed'],
  publishing: ['published', 'failed'],
  published: [],
  failed: ['draft', 'valid', 'publishing'],
  missed: ['draft', 'valid', 'scheduled', 'publishing'],
};

export const canMovePost = (from: PostState, to: PostState): boolean => from === to || NEXT[from].includes(to);

/** Whether the content (caption, media, tags…) may still change. */
export const isPostEditable = (state: PostState): boolean => state !== 'publishing' && state !== 'published';

/** The state a save leaves an editable post in: valid when nothing blocks it, else draft. */
export const stateAfterSave = (ok: boolean): PostState => (ok ? 'valid' : 'draft');
