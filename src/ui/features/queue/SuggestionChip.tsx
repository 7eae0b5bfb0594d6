// "suggested: hold" beside the open item when a rule saved in the what-if tester matches its
// scores. Only a hint for the person deciding: nothing is done to the item because of it.
import { suggestionsFor } from '../../../core/whatIf.ts';
import { useCall } from '../../hooks/useCall.ts';
import './savedViews.css';

export function SuggestionChip({ item }: { item: { readonly id: string; readonly scores: Readonly<Record<string, number>> } }) {
  const { value: rules } = useCall('whatIf.rules.list', {});
  const matched = suggestionsFor(item.scores, rules ?? []);
  if (matched.length === 0) return null;
  // A hold outranks a flag: show the strongest suggestion, name every rule that matched.
  const kind = matched.some((r) => r.suggestion === 'hold') ? 'hold' : 'flag';
  const why = matched.map((r) => `${r.model} ≥ ${r.threshold.toFixed(2)}`).join(', ');
  return (
    <span className="suggestion-chip" role="note" aria-label="Suggestion" title={`A what-if rule matched (${why}); Stoa does not act on it.`}>
      suggested: {kind} <span className="muted">({why})</span>
    </span>
  );
}
