// The JSON form of one classification as `stoa classify` prints it (snake_case, language details only
// when a model declined the text), produced once, in the worker thread that scored it.
import type { Classification } from './classifier.ts';

export function classificationJson(c: Classification): string {
  return JSON.stringify({
    scores: c.scores,
    labels: c.labels,
    evidence: c.evidence,
    ...(c.unsupportedLanguage.length > 0 ? { unsupported_language: { language: c.language?.language ?? 'und', tasks: c.unsupportedLanguage } } : {}),
  });
}
