// `stoa train --task T`: trains a model from the labelled datasets and writes models/<task>/.
import type { Command } from 'commander';
import { writeJson } from '../output.ts';

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('Train a model (spam, toxicity or sponsorship) and write model.onnx, manifest.json and MODEL_CARD.md.')
    .requiredOption('--task <task>', 'spam, toxicity or sponsorship')
    .option('--datasets <dir>', 'datasets root (default: $STOA_DATASETS or ../shared/datasets)')
    .option('--permissive-only', 'train only on CC BY / MIT licensed sets', false)
    .option('--out <dir>', 'output directory (default: models/<task>)')
    .option('--seed <n>', 'random seed', (v) => Number.parseInt(v, 10))
    .action(async (flags: { task: string; datasets?: string; permissiveOnly: boolean; out?: string; seed?: number }) => {
      const { parseTask, resolveDatasetsDir, runTraining } = await import('../../backend/models/training.ts');
      const result = await runTraining({
        task: parseTask(flags.task),
        datasetsDir: resolveDatasetsDir(flags.datasets),
        permissiveOnly: flags.permissiveOnly,
        ...(flags.out === undefined ? {} : { outDir: flags.out }),
        ...(flags.seed === undefined ? {} : { seed: flags.seed }),
        log: (line) => process.stderr.write(`${line}\n`),
      });
      const m = result.manifest;
      writeJson({ name: m.name, version: m.version, evaluations: m.evaluations.map((e) => ({ name: e.name, target: e.target ?? null })) });
    });
}
