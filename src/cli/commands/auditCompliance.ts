// The compliance subcommands of `stoa audit`, as one list that audit.ts spreads into its own.
import type { Command } from 'commander';
import { registerAuditReport } from './auditReport.ts';
import { registerAuditScan } from './auditScan.ts';
import { registerAuditSetup } from './auditSetup.ts';

export const COMPLIANCE_AUDIT_SUBCOMMANDS: readonly ((audit: Command) => void)[] = [registerAuditSetup, registerAuditScan, registerAuditReport];
