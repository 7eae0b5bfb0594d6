// What an import did: counts, the file-level failure or warnings, and the rows that were not read,
// each with its line, so the person can fix the file and import it again.
import type { OutputOf } from '../../../api/endpoints.ts';

type ImportRun = OutputOf<'catalog.import'>;

const SHOWN = 50;

export function CatalogImportReport({ run }: { readonly run: ImportRun }) {
  const summary = `${run.fileName}: ${run.imported} imported, ${run.updated} updated, ${run.errorCount} ${run.errorCount === 1 ? 'row' : 'rows'} with errors`;
  return (
    <section className="catalog-report" aria-label="Import report">
      <p role="status">{summary}</p>
      {run.failure ? <p role="alert">{run.failure}</p> : null}
      {run.warnings.map((warning) => (
        <p key={warning} className="warning">
          {warning}
        </p>
      ))}
      {run.errors.length > 0 ? (
        <ol className="catalog-errors" aria-label="Rows not imported">
          {run.errors.slice(0, SHOWN).map((error) => (
            <li key={`${error.line}-${error.message}`}>
              <span className="line">Line {error.line}</span> {error.message}
            </li>
          ))}
          {run.errorCount > SHOWN ? <li className="muted">… and {run.errorCount - SHOWN} more, kept with the import.</li> : null}
        </ol>
      ) : null}
    </section>
  );
}
