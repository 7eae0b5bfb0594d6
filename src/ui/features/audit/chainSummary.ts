// The sentences the audit page shows for a verification: which distinct problem was found (an
// entry edited in place, the newest entries deleted, the chain recomputed, the anchor gone).
import type { OutputOf } from '../../../api/endpoints.ts';

export type Verification = OutputOf<'audit.verify'>;

const HEADLINES: Record<Exclude<Verification['status'], 'intact' | 'unanchored'>, string> = {
  edited: 'Audit log edited',
  truncated: 'Audit log truncated',
  rewritten: 'Audit log rewritten',
  anchor_missing: 'Audit anchor missing',
  anchor_invalid: 'Audit anchor invalid',
};

export function chainSummary(v: Verification): string {
  const entries = `${v.checked.toLocaleString()} entries verified`;
  if (v.status === 'intact') return v.anchor ? `Audit log intact: ${entries}, anchored up to entry ${v.anchor.seq.toLocaleString()}.` : `Audit log intact: ${entries}.`;
  if (v.status === 'unanchored') return `Audit log intact: ${entries} by their hash chain; not anchored yet.`;
  const where = v.status === 'edited' && v.firstBadSeq !== null ? ` at entry ${v.firstBadSeq}` : '';
  return `${HEADLINES[v.status]}${where}: ${v.problem ?? 'unknown problem'}.`;
}

export const anchorDescription = (anchor: Verification['anchor']): string =>
  anchor ? `entry ${anchor.seq.toLocaleString()}, ${new Date(anchor.at).toLocaleString()}, hash ${anchor.hash.slice(0, 16)}…` : 'none yet';
