// What verifying the audit log found (see chainSummary.ts), and the head the anchor outside the
// database vouches for, with how to export a signed head to keep elsewhere.
import { anchorDescription, chainSummary, type Verification } from './chainSummary.ts';

export function ChainStatus({ verification }: { verification: Verification }) {
  return (
    <section aria-label="Audit chain">
      <p role="status" className={verification.ok ? 'ok' : 'error'}>
        {chainSummary(verification)}
      </p>
      <dl>
        <dt>Entries in the log</dt>
        <dd>{verification.lastSeq.toLocaleString()}</dd>
        <dt>Anchored head</dt>
        <dd>{anchorDescription(verification.anchor)}</dd>
      </dl>
      <p className="hint">
        The anchor lives beside the database; to prove the log to someone else, export a signed head with <code>stoa audit head --out FILE</code>, keep it
        elsewhere, and check later with <code>stoa audit verify --head FILE</code>.
      </p>
    </section>
  );
}
