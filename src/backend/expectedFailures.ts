// Problems a person must fix, thrown deep in the backend (a key file gone, a damaged file, a
// request the workspace cannot serve), reach the UI as typed API errors with their one sentence
// instead of dispatch()'s "unexpected problem", which is kept for bugs.
import type { Handlers } from '../api/dispatch.ts';
import { ApiFailure, apiError } from '../api/errors.ts';
import { SecretUnavailableError, StoaUserError, userFacingMessage } from './errors.ts';

function asApiFailure(error: unknown): unknown {
  if (error instanceof ApiFailure) return error;
  if (error instanceof StoaUserError) return new ApiFailure(apiError('invalid_input', error.message));
  // A stored secret, a key, the database or a file the workspace needs cannot serve right now.
  if (error instanceof SecretUnavailableError) return new ApiFailure(apiError('unavailable', error.message));
  const sentence = userFacingMessage(error);
  return sentence === null ? error : new ApiFailure(apiError('unavailable', sentence));
}

/** The same handlers, with known user-facing problems turned into ApiFailure. */
export function withExpectedFailures(handlers: Handlers): Handlers {
  const wrapped: Record<string, (input: never) => unknown> = {};
  for (const [method, handler] of Object.entries(handlers) as [string, (input: never) => unknown][]) {
    wrapped[method] = async (input: never) => {
      try {
        return await handler(input);
      } catch (error) {
        throw asApiFailure(error);
      }
    };
  }
  return wrapped as unknown as Handlers;
}
