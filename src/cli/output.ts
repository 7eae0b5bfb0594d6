// How the CLI speaks on failure: one clear sentence on stderr, never a stack trace for a known problem.
import { StoaUserError } from '../backend/errors.ts';

export function reportFailure(error: unknown): number {
  if (error instanceof StoaUserError) {
    process.stderr.write(`stoa: ${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(`stoa: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

export const writeJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};
