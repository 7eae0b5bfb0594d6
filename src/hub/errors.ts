// The hub's expected problems, each with a stable code and one sentence a person can act on.
export type HubProblemCode =
  | 'bad_url'
  | 'unreachable'
  | 'auth_failed'
  | 'no_database'
  | 'newer_schema'
  | 'not_initialized'
  | 'workspace_exists'
  | 'unknown_token'
  | 'not_permitted'
  | 'bad_events'
  | 'bad_request';

export interface HubProblem {
  readonly code: HubProblemCode;
  readonly message: string;
}

/** Thrown where a caller cannot go on (the CLI turns it into one line); push and pull return problems as values. */
export class HubError extends Error {
  constructor(
    readonly code: HubProblemCode,
    message: string,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/** PostgreSQL's SQLSTATE of an error from pg, if it has one. */
export function sqlState(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
