// The `stoa` command line: one commander program, one module per command under commands/.
import { Command, CommanderError } from 'commander';
import { STOA_VERSION } from '../backend/version.ts';
import { COMMANDS } from './commands/index.ts';
import { reportFailure } from './output.ts';

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('stoa')
    .description('Stoa: moderation queues, shoppable posts and disclosure compliance, on your machine.')
    .version(STOA_VERSION, '-v, --version')
    .exitOverride()
    .showHelpAfterError();
  for (const register of COMMANDS) register(program);
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    return reportFailure(error);
  }
}
