// audit.* endpoints: prove the audit log has not been edited since it was written.
import type { Handlers } from '../api/dispatch.ts';
import { verifyAudit } from '../store/audit.ts';
import type { BackendContext } from './context.ts';

export function auditHandlers(ctx: BackendContext): Pick<Handlers, 'audit.verify'> {
  return { 'audit.verify': () => verifyAudit(ctx.db) };
}
