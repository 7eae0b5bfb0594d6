// audit.* endpoints: prove the audit log has not been edited, truncated or rewritten since it was
// written (hash chain plus the anchor kept outside the database), and the signed head a person can
// export and later check the log against.
import type { Handlers } from '../api/dispatch.ts';
import { verifyAudit, type AuditVerification } from '../store/audit.ts';
import { flushAuditAnchor } from '../store/auditAnchor.ts';
import { exportAuditHead, parseSignedHead, verifyAgainstHead, type HeadExport } from '../store/auditHead.ts';
import type { BackendContext } from './context.ts';
import { StoaUserError } from './errors.ts';

export type { AuditVerification } from '../store/audit.ts';
export type { SignedHead } from '../store/auditHead.ts';

export function auditHandlers(ctx: BackendContext): Pick<Handlers, 'audit.verify'> {
  return {
    // Anchor what is committed first: a verify right after a decision should not see a lagging head.
    'audit.verify': () => {
      flushAuditAnchor(ctx.db);
      return verifyAudit(ctx.db);
    },
  };
}

export const exportSignedHead = (ctx: BackendContext): HeadExport => exportAuditHead(ctx.db, ctx.clock);

/** Checks the log against a head exported earlier; `text` is the exported file's content. */
export function verifyAgainstExportedHead(ctx: BackendContext, text: string, source: string): AuditVerification {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  const head = parseSignedHead(value);
  if (!head) throw new StoaUserError(`${source} is not an exported Stoa audit head (stoa audit head --out FILE writes one).`);
  return verifyAgainstHead(ctx.db, head);
}
