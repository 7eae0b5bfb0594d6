// A caption with its evidence marked on the words it came from: commercial evidence and disclosure
// wording in different styles (and named in each mark's title), then the evidence that has no span
// (tags, the paid-partnership flag, wording read from the image).
import { captionSegments, commercialLabel, disclosureLabel, type ScanEvidence } from './complianceEvidence.ts';

export function EvidenceCaption({ caption, evidence }: { caption: string; evidence: ScanEvidence | null }) {
  const unplaced = [
    ...(evidence?.commercial ?? []).filter((c) => c.start === null || c.end === null).map(commercialLabel),
    ...(evidence?.disclosure ?? []).filter((f) => f.where !== 'caption').map(disclosureLabel),
  ];
  return (
    <>
      <p className="compliance-caption" aria-label="Caption">
        {captionSegments(caption, evidence).map((s, i) =>
          s.kind === null ? (
            <span key={i}>{s.text}</span>
          ) : (
            <mark key={i} className={`compliance-mark compliance-mark--${s.kind}`} title={s.labels.join('; ')} data-kind={s.kind}>
              {s.text}
            </mark>
          ),
        )}
      </p>
      <ul aria-label="Evidence">
        {(evidence?.commercial ?? []).filter((c) => c.start !== null).map((c, i) => (
          <li key={`c${i}`} data-kind="commercial">
            {commercialLabel(c)}: “{c.text}”
          </li>
        ))}
        {(evidence?.disclosure ?? []).filter((f) => f.where === 'caption').map((f, i) => (
          <li key={`d${i}`} data-kind="disclosure">
            {disclosureLabel(f)}
          </li>
        ))}
        {unplaced.map((label, i) => (
          <li key={`u${i}`}>{label}</li>
        ))}
      </ul>
    </>
  );
}
