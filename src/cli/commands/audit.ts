// `stoa audit verify|head`: check the audit log (hash chain and its anchor outside the database, or
// a head exported earlier) and export a signed head to keep somewhere else. Other audit subcommands
// register themselves through AUDIT_SUBCOMMANDS.
import type { Command } from 'commander';
import { StoaUserError } from '../../backend/errors.ts';
import { writeJson } from '../output.ts';
import { COMPLIANCE_AUDIT_SUBCOMMANDS } from './auditCompliance.ts';

/** Exit status when the audit log does not verify (edited, truncated, rewritten, anchor gone). */
export const EXIT_AUDIT_FAILED = 4;

const DATA_DIR_HELP = 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)';

export type AuditSubcommand = (audit: Command) => void;

// Loaded when a subcommand runs, not at start (see commands/index.ts).
const loadAudit = () => import('../../backend/auditHandlers.ts');
const loadWorkspace = () => import('../../backend/sync/workspace.ts');

function registerVerify(audit: Command): void {
  audit
    .command('verify')
    .description(`Check the audit log: its hash chain, and its anchor outside the database (exit ${EXIT_AUDIT_FAILED} when it does not verify).`)
    .option('--head <file>', 'also check against a head exported earlier with `stoa audit head --out FILE`')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print {ok, status, checked, firstBadSeq, problem, lastSeq, anchor}')
    .action(async (flags: { head?: string; dataDir?: string; json?: boolean }) => {
      const { readFileSync } = await import('node:fs');
      const headText = flags.head === undefined ? null : readHeadFile(readFileSync, flags.head);
      const [{ verifyAgainstExportedHead }, { openSyncWorkspace }] = await Promise.all([loadAudit(), loadWorkspace()]);
      const workspace = openSyncWorkspace(flags.dataDir);
      try {
        const ctx = workspace.backend.context;
        const result = headText === null ? await workspace.backend.handlers['audit.verify']({}) : verifyAgainstExportedHead(ctx, headText, flags.head ?? '');
        if (flags.json) writeJson(result);
        else if (result.ok) {
          const anchor = result.anchor ? `; anchored up to entry ${result.anchor.seq} (${result.anchor.at})` : '; not anchored yet';
          process.stdout.write(`Audit log intact: ${result.checked} entries verified${anchor}${headText === null ? '' : `; matches the head in ${flags.head ?? ''}`}.\n`);
        } else {
          process.stdout.write(`Audit log ${result.status.replace('_', ' ')}: ${result.problem ?? 'unknown problem'}.\n`);
        }
        if (!result.ok) process.exitCode = EXIT_AUDIT_FAILED;
      } finally {
        await workspace.close();
      }
    });
}

function registerHead(audit: Command): void {
  audit
    .command('head')
    .description('Print (or write with --out) the audit head signed with the workspace’s Ed25519 key: {seq, hash, at, publicKey, signature}.')
    .option('--out <file>', 'write the signed head to this file instead of stdout')
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the signed head as one JSON line (the default without --out)')
    .action(async (flags: { out?: string; dataDir?: string; json?: boolean }) => {
      const [{ exportSignedHead }, { openSyncWorkspace }] = await Promise.all([loadAudit(), loadWorkspace()]);
      const workspace = openSyncWorkspace(flags.dataDir);
      try {
        const exported = exportSignedHead(workspace.backend.context);
        if (!exported.ok) throw new StoaUserError(exported.problem, EXIT_AUDIT_FAILED);
        if (flags.out === undefined) {
          writeJson(exported.head);
          return;
        }
        const { writeFileSync } = await import('node:fs');
        writeFileSync(flags.out, `${JSON.stringify(exported.head, null, 2)}\n`);
        if (flags.json) writeJson(exported.head);
        else process.stdout.write(`Wrote the signed head of entry ${exported.head.seq} to ${flags.out}; keep it outside this computer, and check the log against it with stoa audit verify --head ${flags.out}.\n`);
      } finally {
        await workspace.close();
      }
    });
}

function readHeadFile(read: (file: string, encoding: 'utf8') => string, file: string): string {
  try {
    return read(file, 'utf8');
  } catch {
    throw new StoaUserError(`The head file ${file} cannot be read (it is missing or not readable by this user).`);
  }
}

/** The `audit` subcommands; another one is one more entry here. */
export const AUDIT_SUBCOMMANDS: AuditSubcommand[] = [registerVerify, registerHead, ...COMPLIANCE_AUDIT_SUBCOMMANDS];

export function registerAudit(program: Command): Command {
  const audit = program.command('audit').description('Verify the audit log and export its signed head.');
  for (const register of AUDIT_SUBCOMMANDS) register(audit);
  return audit;
}
