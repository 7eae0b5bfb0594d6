// `stoa audit report --from DATE --to DATE --format csv|html|pdf --out FILE`: per creator, each
// non-compliant (or reviewed) post with its evidence, the rule that decided it, its content hash
// and its snapshot hash; the snapshots are verified as the report is made and any problem is in it.
import type { Command } from 'commander';
import { writeJson } from '../output.ts';
import { AUDIT_HELP, DATA_DIR_HELP, oneOf, parseDay, withCompliance } from './auditCli.ts';

const FORMATS = ['csv', 'html', 'pdf'] as const;

export function registerAuditReport(audit: Command): void {
  audit
    .command('report')
    .description('Write a compliance report (CSV, self-contained HTML or PDF) for a period.')
    .option('--from <date>', 'first day (YYYY-MM-DD; default: the audit’s period)', parseDay)
    .option('--to <date>', 'last day (YYYY-MM-DD; default: the audit’s period)', parseDay)
    .requiredOption('--format <format>', FORMATS.join('|'), oneOf(FORMATS, 'a format'))
    .requiredOption('--out <file>', 'where to write the report')
    .option('--audit <id>', AUDIT_HELP)
    .option('-d, --data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print {out, format, posts, nonCompliant, snapshotProblems, bytes} as JSON')
    .action(async (flags: { from?: string; to?: string; format: (typeof FORMATS)[number]; out: string; audit?: string; dataDir?: string; json?: boolean }) => {
      const report = await withCompliance(flags.dataDir, async (cli) =>
        cli.call('compliance.report', { auditId: await cli.auditId(flags.audit), format: flags.format, ...(flags.from ? { from: flags.from } : {}), ...(flags.to ? { to: flags.to } : {}) }),
      );
      const { writeFileSync } = await import('node:fs');
      const bytes = Buffer.from(report.contentBase64, 'base64');
      writeFileSync(flags.out, bytes);
      const summary = { out: flags.out, format: report.format, posts: report.posts, nonCompliant: report.nonCompliant, snapshotProblems: report.snapshotProblems, bytes: bytes.length };
      if (flags.json) writeJson(summary);
      else process.stdout.write(`Wrote ${flags.out}: ${report.posts} posts, ${report.nonCompliant} non-compliant${report.snapshotProblems > 0 ? `; ${report.snapshotProblems} SNAPSHOT PROBLEM(S) listed in the report` : ''}.\n`);
    });
}
