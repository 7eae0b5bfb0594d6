// `stoa act --item <id> --action approve|remove|spam|ban|ignore_reports [--reason TEXT]`: records
// the decision and queues it for the platform (sent by the next `stoa sync`).
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { StoaUserError } from '../../backend/errors.ts';
import { MODERATION_ACTIONS, type ModerationAction } from '../../backend/moderationActions.ts';
import { writeJson } from '../output.ts';

function parseAction(value: string): ModerationAction {
  if (!(MODERATION_ACTIONS as readonly string[]).includes(value)) throw new InvalidArgumentError(`an action is one of ${MODERATION_ACTIONS.join(', ')}.`);
  return value as ModerationAction;
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1) throw new InvalidArgumentError('a ban lasts a whole number of days, 1 or more.');
  return days;
}

export function registerAct(program: Command): void {
  program
    .command('act')
    .description('Decide on an item (approve, remove, spam, ban, ignore_reports) and queue the action for its platform.')
    .requiredOption('--item <id>', 'item id (see `stoa items`)')
    .requiredOption('--action <action>', MODERATION_ACTIONS.join('|'), parseAction)
    .option('--reason <text>', 'why (kept with the decision; sent as the ban reason for bans)')
    .option('--days <n>', 'ban duration in days (default: permanent)', parseDays)
    .option('--message <text>', 'ban message sent to the user')
    .option('-d, --data-dir <dir>', 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)')
    .option('--json', 'print the decision and outbox entry as JSON')
    .action(async (flags: { item: string; action: ModerationAction; reason?: string; days?: number; message?: string; dataDir?: string; json?: boolean }) => {
      const { openSyncWorkspace } = await import('../../backend/sync/workspace.ts');
      const workspace = openSyncWorkspace(flags.dataDir);
      try {
        const params = {
          ...(flags.days === undefined ? {} : { durationDays: flags.days }),
          ...(flags.message === undefined ? {} : { message: flags.message }),
        };
        const result = workspace.sync.decide({ itemId: flags.item, action: flags.action, reason: flags.reason ?? null, params });
        if (!result.ok) throw new StoaUserError(result.error.message);
        const { decision, outbox } = result.value;
        if (flags.json) {
          writeJson({ decision, outbox: outbox ? { id: outbox.id, state: outbox.state, idempotencyKey: outbox.idempotencyKey } : null });
        } else {
          process.stdout.write(`${decision.action} recorded for ${decision.itemId}${outbox ? '; queued for the next sync' : ' (local only: the item has no account)'}\n`);
        }
      } finally {
        await workspace.close();
      }
    });
}
