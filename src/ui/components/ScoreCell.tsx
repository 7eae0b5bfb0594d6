// A model score as a percentage with a bar, so a column of them reads at a glance.
export function ScoreCell({ value, label }: { value: number | undefined; label: string }) {
  if (value === undefined) {
    return <span className="score score--none" aria-label={`${label}: not scored`}>–</span>;
  }
  const percent = Math.round(value * 100);
  const level = value >= 0.8 ? 'high' : value >= 0.5 ? 'mid' : 'low';
  return (
    // The bar tops out at 22 px so "100%" still fits the narrow score columns at 1280 px; the
    // tooltip carries the value wherever a column is narrower still.
    <span className={`score score--${level}`} aria-label={`${label}: ${percent}%`} title={`${label}: ${percent}%`}>
      <span className="score__bar" style={{ width: `${Math.max(2, percent * 0.22)}px` }} />
      {percent}%
    </span>
  );
}
