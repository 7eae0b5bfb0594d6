// How the CLI speaks on failure: one clear sentence on stderr, never a stack trace for a known problem.
import { StoaUserError, userFacingMessage } from '../backend/errors.ts';

export function reportFailure(error: unknown): number {
  const sentence = userFacingMessage(error);
  if (sentence !== null) {
    process.stderr.write(`stoa: ${sentence}\n`);
    return error instanceof StoaUserError ? error.exitCode : 2;
  }
  process.stderr.write(`stoa: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

export const writeJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};
