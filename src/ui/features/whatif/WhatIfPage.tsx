// The what-if tester: pick a score and a threshold and see what a "flag/hold when score ≥ t" rule
// would have done — how many items it flags, and its precision and recall against what moderators
// already decided (removed/spam = should flag, approved = should not), per community, with the
// score histogram. A rule saved here only shows as "suggested: …" in the queue; a person decides.
import { useState } from 'react';
import type { OutputOf } from '../../../api/endpoints.ts';
import { PLATFORMS, type PlatformName } from '../../../core/domain.ts';
import { SCORE_MODELS, type ScoreModel } from '../../../core/queueSort.ts';
import { useClient } from '../../apiContext.tsx';
import { useCall } from '../../hooks/useCall.ts';
import { ScoreHistogram } from './ScoreHistogram.tsx';
import './whatIf.css';

type Result = OutputOf<'whatIf.run'>;

export const ratio = (value: number | null, hits: number, of: number): string => (value === null ? '—' : `${(value * 100).toFixed(1)}% (${hits} of ${of})`);

function Metrics({ result }: { result: Result }) {
  return (
    <dl className="whatif-metrics" aria-label="Result">
      <dt>Would flag</dt>
      <dd><output aria-label="Flagged">{result.flagged}</output> of {result.total} scored</dd>
      <dt>Precision</dt>
      <dd><output aria-label="Precision">{ratio(result.precision, result.truePositives, result.truePositives + result.falsePositives)}</output></dd>
      <dt>Recall</dt>
      <dd><output aria-label="Recall">{ratio(result.recall, result.truePositives, result.truePositives + result.falseNegatives)}</output></dd>
      <dt>Decided items</dt>
      <dd><output aria-label="Decided">{result.labeled}</output> <span className="muted">(removed or spam: should flag; approved: should not)</span></dd>
    </dl>
  );
}

function Communities({ result }: { result: Result }) {
  return (
    <table className="outbox-table" aria-label="Per community">
      <thead>
        <tr><th>Platform</th><th>Community</th><th>Flagged</th><th>Scored</th><th>Precision</th><th>Recall</th></tr>
      </thead>
      <tbody>
        {result.communities.map((c) => (
          <tr key={`${c.platform}/${c.community ?? ''}`}>
            <td>{c.platform}</td>
            <td>{c.community ?? '—'}</td>
            <td>{c.flagged}</td>
            <td>{c.total}</td>
            <td>{ratio(c.precision, c.truePositives, c.truePositives + c.falsePositives)}</td>
            <td>{ratio(c.recall, c.truePositives, c.truePositives + c.falseNegatives)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Rules({ version, onChange }: { version: number; onChange: () => void }) {
  const client = useClient();
  const { value: rules } = useCall('whatIf.rules.list', {}, version);
  if (!rules || rules.length === 0) return <p className="muted">No suggestion rules yet.</p>;
  return (
    <ul aria-label="Suggestion rules">
      {rules.map((r) => (
        <li key={r.id}>
          Suggest <strong>{r.suggestion}</strong> when {r.model} ≥ {r.threshold.toFixed(2)} <span className="muted">— {r.createdBy}</span>{' '}
          <button type="button" className="btn btn--small" onClick={() => void client.call('whatIf.rules.remove', { id: r.id }).then(onChange)}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

export function WhatIfPage() {
  const client = useClient();
  const [model, setModel] = useState<ScoreModel>('spam');
  const [threshold, setThreshold] = useState(0.5);
  const [platform, setPlatform] = useState<PlatformName | ''>('');
  const [suggestion, setSuggestion] = useState<'flag' | 'hold'>('hold');
  const [rulesVersion, setRulesVersion] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const { value: result, error } = useCall('whatIf.run', { model, threshold, ...(platform ? { platform } : {}) });

  const saveRule = async () => {
    const reply = await client.call('whatIf.rules.save', { model, threshold, suggestion });
    setSaved(reply.ok ? `Saved: the queue suggests “${suggestion}” when ${model} ≥ ${threshold.toFixed(2)}.` : reply.error.message);
    setRulesVersion((v) => v + 1);
  };

  return (
    <div className="page whatif-page">
      <h1>What-if tester</h1>
      <p className="muted">Try a threshold on past decisions before trusting it. Rules saved here are suggestions in the queue; Stoa never acts without a person.</p>
      <div className="whatif-controls">
        <label>
          Score{' '}
          <select value={model} onChange={(e) => setModel(e.target.value as ScoreModel)}>
            {SCORE_MODELS.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        <label>
          Threshold{' '}
          <input type="number" min={0} max={1} step={0.01} value={threshold} onChange={(e) => setThreshold(Math.min(1, Math.max(0, Number(e.target.value) || 0)))} />
        </label>
        <input type="range" aria-label="Threshold slider" min={0} max={1} step={0.01} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} />
        <label>
          Platform{' '}
          <select value={platform} onChange={(e) => setPlatform(e.target.value as PlatformName | '')}>
            <option value="">All</option>
            {PLATFORMS.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
      </div>
      {error ? <p role="alert" className="error">{error.message}</p> : null}
      {result && result.model === model && result.threshold === threshold ? (
        <>
          <Metrics result={result} />
          <ScoreHistogram bins={result.histogram} threshold={threshold} />
          <h2>Per community</h2>
          <Communities result={result} />
        </>
      ) : (
        <p aria-busy="true">Counting…</p>
      )}
      <h2>Suggestions in the queue</h2>
      <div className="whatif-controls">
        <label>
          Suggest{' '}
          <select value={suggestion} onChange={(e) => setSuggestion(e.target.value as 'flag' | 'hold')}>
            <option value="hold">hold</option>
            <option value="flag">flag</option>
          </select>
        </label>
        <button type="button" className="btn btn--small" onClick={() => void saveRule()}>
          Save as suggestion
        </button>
        {saved ? <span role="status">{saved}</span> : null}
      </div>
      <Rules version={rulesVersion} onChange={() => setRulesVersion((v) => v + 1)} />
    </div>
  );
}
