// Queue orderings a person can pick; score orderings name the model whose score sorts the queue.
export const SCORE_MODELS = ['spam', 'toxicity', 'undisclosed_sponsorship', 'commercial', 'disclosure'] as const;
export type ScoreModel = (typeof SCORE_MODELS)[number];

export const QUEUE_SORTS = [
  'newest',
  'oldest',
  'most_reported',
  'score:spam',
  'score:toxicity',
  'score:undisclosed_sponsorship',
  'score:commercial',
  'score:disclosure',
] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export function scoreModelOf(sort: QueueSort): ScoreModel | null {
  return sort.startsWith('score:') ? (sort.slice('score:'.length) as ScoreModel) : null;
}
