// What verifying the audit log found: intact, or which of the distinct problems (an entry edited in
// place, the newest entries deleted, the chain recomputed after an edit, the anchor gone), and the
// head the anchor outside the database vouches for.
import type { OutputOf } from '../../../api/endpoints.ts';

type Verification = OutputOf<'audit.verify'>;

const HEADLINES: Record<Exclude<Verification['status'], 'intact' | 'unanchored'>, string> = {
  edited: 'Audit log edited',
  truncated: 'Audit log truncated',
  rewritten: 'Audit log rewritten',
  anchor_missing: 'Audit anchor missing',
  anchor_invalid: 'Audit anchor invalid',
};

function summary(v: Verification): string {
  const entries = `${v.checked.toLocaleString()} entries verified`;
  if (v.status === 'intact') return v.anchor ? `Audit log intact: ${entries}, anchored up to entry ${v.anchor.seq.toLocaleString()}.` : `Audit log intact: ${entries}.`;
  if (v.status === 'unanchored') return `Audit log intact: ${entries} by their hash chain; not anchored yet.`;
  const where = v.status === 'edited' && v.firstBadSeq !== null ? ` at entry ${v.firstBadSeq}` : '';
  return `${HEADLINES[v.status]}${where}: ${v.problem ?? 'unknown problem'}.`;
}

export function ChainStatus({ verification }: { verification: Verification }) {
  const { anchor } = verification;
  return (
    <section aria-label="Audit chain">
      <p role="status" className={verification.ok ? 'ok' : 'error'}>
        {summary(verification)}
      </p>
      <dl>
        <dt>Entries in the log</dt>
        <dd>{verification.lastSeq.toLocaleString()}</dd>
        <dt>Anchored head</dt>
        <dd>{anchor ? `entry ${anchor.seq.toLocaleString()}, ${new Date(anchor.at).toLocaleString()}, hash ${anchor.hash.slice(0, 16)}…` : 'none yet'}</dd>
      </dl>
      <p className="hint">
        The anchor lives beside the database; to prove the log to someone else, export a signed head with <code>stoa audit head --out FILE</code>, keep it
        elsewhere, and check later with <code>stoa audit verify --head FILE</code>.
      </p>
    </section>
  );
}
