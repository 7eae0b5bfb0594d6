// The audit page: proves the local audit log is intact (hash chain verified on demand).
import { useState } from 'react';
import { useCall } from '../../hooks/useCall.ts';

export function AuditPage() {
  const [run, setRun] = useState(0);
  const { value, error, loading } = useCall('audit.verify', {}, run);
  return (
    <div className="page">
      <h1>Audit</h1>
      <p>Every decision, account change and import is written to an append-only, hash-chained log. Verification recomputes the chain.</p>
      <button type="button" onClick={() => setRun((n) => n + 1)} disabled={loading}>Verify audit log</button>
      {error ? <p role="alert" className="error">{error.message}</p> : null}
      {value ? (
        <p role="status" className={value.ok ? 'ok' : 'error'}>
          {value.ok
            ? `Audit log intact: ${value.checked.toLocaleString()} entries verified.`
            : `Audit log damaged at entry ${value.firstBadSeq ?? '?'}: ${value.problem ?? 'unknown problem'} (${value.checked} entries before it are intact).`}
        </p>
      ) : null}
    </div>
  );
}
