// What stands between the draft and publishing, listed live: limit violations (rule, limit,
// actual, source and profile date) and disclosure findings (the rule from the jurisdiction
// profile, the words pointed at) with their one-click fixes.
import type { Check, Fix } from './composerDraft.ts';

export function ComposerChecks({ check, caption, onFix }: { check: Check | null; caption: string; onFix: (fix: Fix) => void }) {
  if (!check) return <p className="muted">Checking…</p>;
  return (
    <section className="composer-checks" aria-label="Checks">
      <p className={check.ok ? 'ok' : 'error'} data-testid="composer-ok">
        {check.ok ? 'Ready: no limit or disclosure problem.' : 'Not ready yet.'}
      </p>
      {check.violations.length > 0 ? <ViolationsPerTarget violations={check.violations} /> : null}
      {check.violations.length > 0 ? (
        <ul className="composer-violations" aria-label="Limit violations">
          {check.violations.map((v, i) => (
            <li key={`${v.rule}-${v.target}-${v.mediaIndex ?? ''}-${i}`} data-rule={v.rule} data-target={v.target}>
              <strong>{v.rule}</strong> ({v.target}): {v.message}
              <br />
              <span className="muted">
                limit {v.limit}, actual {v.actual} · {v.source} · profile {v.profile} of {v.profileDate}
                {v.verify ? ' · disputed, verify' : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {check.findings.length > 0 ? (
        <ul className="composer-findings" aria-label="Disclosure findings">
          {check.findings.map((f) => (
            <li key={`${f.jurisdiction}-${f.id}`} data-finding={f.id} data-jurisdiction={f.jurisdiction} className={f.severity}>
              <strong>{f.jurisdiction}</strong>: {f.message}
              {f.start !== null && f.end !== null ? <q className="finding-span">{caption.slice(f.start, f.end)}</q> : null}
              <br />
              <span className="muted">
                {f.rule.id}: {f.rule.says} ({f.rule.source}, {f.rule.date})
              </span>
              <div className="finding-fixes">
                {f.fixes.map((fix) => (
                  <button key={fix.label} type="button" className="btn" onClick={() => onFix(fix)}>
                    {fix.label}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** For a post with several targets: how many violations each has, so one target's problems are not read as the other's. */
function ViolationsPerTarget({ violations }: { violations: Check['violations'] }) {
  const targets = [...new Set(violations.map((v) => v.target))];
  return (
    <p className="composer-violations-per-target" aria-label="Violations per target">
      {targets.map((t, i) => {
        const n = violations.filter((v) => v.target === t).length;
        return (
          <span key={t} data-target={t} data-count={n}>
            {i > 0 ? ' · ' : ''}
            {t}: {n} violation{n === 1 ? '' : 's'}
          </span>
        );
      })}
    </p>
  );
}
