// The score histogram of the what-if tester: one stacked bar per bin (removed/spam, approved,
// undecided), the bins at or above the threshold marked, so a person sees what a threshold cuts.
import type { OutputOf } from '../../../api/endpoints.ts';

type Bin = OutputOf<'whatIf.run'>['histogram'][number];

export function ScoreHistogram({ bins, threshold }: { bins: readonly Bin[]; threshold: number }) {
  // Decided items are few beside the undecided mass: each gets its own scale, the undecided drawn
  // as a pale backdrop, so the removed/approved split stays readable.
  const mostAll = Math.max(1, ...bins.map((b) => b.positive + b.negative + b.undecided));
  const mostDecided = Math.max(1, ...bins.map((b) => b.positive + b.negative));
  return (
    <figure className="whatif-histogram" aria-label="Score histogram">
      <div className="whatif-histogram__bars">
        {bins.map((b) => {
          const n = b.positive + b.negative + b.undecided;
          const decided = (part: number) => `${(part / mostDecided) * 100}%`;
          return (
            <div
              key={b.from}
              className={`whatif-histogram__bin${b.to > threshold ? ' whatif-histogram__bin--flagged' : ''}`}
              title={`${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${b.positive} removed/spam, ${b.negative} approved, ${b.undecided} undecided`}
              aria-label={`${b.from.toFixed(1)} to ${b.to.toFixed(1)}: ${n} items, ${b.positive} removed or spam, ${b.negative} approved`}
              role="img"
            >
              <span className="whatif-histogram__backdrop" style={{ height: `${(n / mostAll) * 100}%` }} />
              <span className="whatif-histogram__negative" style={{ height: decided(b.negative) }} />
              <span className="whatif-histogram__positive" style={{ height: decided(b.positive) }} />
            </div>
          );
        })}
      </div>
      <figcaption className="muted">
        Score from 0 to 1. <span className="whatif-key whatif-histogram__positive" /> removed or spam <span className="whatif-key whatif-histogram__negative" /> approved{' '}
        <span className="whatif-key whatif-histogram__undecided" /> all items (own scale); outlined bins reach the threshold.
      </figcaption>
    </figure>
  );
}
