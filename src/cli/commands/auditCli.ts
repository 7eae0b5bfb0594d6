// What the compliance subcommands of `stoa audit` share: open the workspace lazily (so `stoa --help`
// loads none of it), call a compliance handler with its failures as one clear sentence, and find
// the audit a command is about (--audit, or the only one there is).
import { InvalidArgumentError } from 'commander';
import type { Handlers } from '../../api/dispatch.ts';
import type { ParsedInputOf, OutputOf } from '../../api/endpoints.ts';
import { StoaUserError } from '../../backend/errors.ts';

export const DATA_DIR_HELP = 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)';
/** Exit status when a snapshot does not verify: the same one `stoa audit verify` uses for the log. */
export const EXIT_EVIDENCE_FAILED = 4;
export const AUDIT_HELP = 'audit id (default: the only audit in the workspace)';

type ComplianceMethod = Extract<keyof Handlers, `compliance.${string}`>;

export interface ComplianceCli {
  call<M extends ComplianceMethod>(method: M, input: ParsedInputOf<M>): Promise<OutputOf<M>>;
  /** The audit named by --audit, or the only one; a clear error otherwise. */
  auditId(flag: string | undefined): Promise<string>;
}

/** Opens the workspace, runs `work`, and closes it whatever happens. */
export async function withCompliance<T>(dataDir: string | undefined, work: (cli: ComplianceCli) => Promise<T>): Promise<T> {
  const [{ openSyncWorkspace }, { ApiFailure }] = await Promise.all([import('../../backend/sync/workspace.ts'), import('../../api/errors.ts')]);
  const workspace = openSyncWorkspace(dataDir);
  const handlers = workspace.backend.handlers;
  const call = async <M extends ComplianceMethod>(method: M, input: ParsedInputOf<M>): Promise<OutputOf<M>> => {
    try {
      const handler = handlers[method] as (i: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
      return await handler(input);
    } catch (error) {
      if (error instanceof ApiFailure) throw new StoaUserError(error.message);
      throw error;
    }
  };
  const cli: ComplianceCli = {
    call,
    async auditId(flag) {
      const audits = await call('compliance.audits.list', {});
      if (flag !== undefined) {
        if (!audits.some((a) => a.id === flag)) throw new StoaUserError(`There is no audit with id ${flag} (see stoa audit list).`);
        return flag;
      }
      const [only, ...more] = audits;
      if (only === undefined) throw new StoaUserError('There is no audit in this workspace yet: create one with stoa audit create.');
      if (more.length > 0) throw new StoaUserError(`This workspace has ${audits.length} audits: name one with --audit (see stoa audit list).`);
      return only.id;
    },
  };
  try {
    return await work(cli);
  } finally {
    await workspace.close();
  }
}

export function parseDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('a date is YYYY-MM-DD.');
  return value;
}

export function oneOf<T extends string>(values: readonly T[], what: string): (value: string) => T {
  return (value) => {
    if (!(values as readonly string[]).includes(value)) throw new InvalidArgumentError(`${what} is one of ${values.join(', ')}.`);
    return value as T;
  };
}

/** commander collector for repeatable flags (--handle a --handle b). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
