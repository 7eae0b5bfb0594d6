// `stoa eval --task T --data FILE`: metrics (JSON) of the shipped model on a labelled JSON-lines file.
import type { Command } from 'commander';
import { writeJson } from '../output.ts';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Evaluate a shipped model on JSON lines {"text","label"} and print metrics as JSON.')
    .requiredOption('--task <task>', 'spam, toxicity or sponsorship')
    .requiredOption('--data <file>', 'JSON lines with "text" and "label" (0 or 1)')
    .option(
      '--score <name>',
      'which score and label the data labels (default: the task\u2019s main score); sponsorship: undisclosed_sponsorship, commercial, disclosure_present, disclosure (= disclosure_adequate)',
    )
    .option('--models <dir>', 'models directory (default: the shipped models)')
    .action(async (flags: { task: string; data: string; score?: string; models?: string }) => {
      const { evaluateFile, parseTask } = await import('../../backend/models/training.ts');
      const report = await evaluateFile(parseTask(flags.task), flags.data, {
        ...(flags.models === undefined ? {} : { modelsDir: flags.models }),
        ...(flags.score === undefined ? {} : { score: flags.score }),
      });
      writeJson(report);
    });
}
