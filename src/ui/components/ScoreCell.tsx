// A model score as a percentage with a bar, so a column of them reads at a glance.
export function ScoreCell({ value, label }: { value: number | undefined; label: string }) {
  if (value === undefined) {
    return <span className="score score--none" aria-label={`${label}: not scored`}>–</span>;
  }
  const percent = Math.round(value * 100);
  const level = value >= 0.8 ? 'high' : value >= 0.5 ? 'mid' : 'low';
  return (
    <span className={`score score--${level}`} aria-label={`${label}: ${percent}%`}>
      <span className="score__bar" style={{ width: `${Math.max(2, percent * 0.3)}px` }} />
      {percent}%
    </span>
  );
}
