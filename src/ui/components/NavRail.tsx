// The app's main navigation.
export const VIEWS = ['queue', 'studio', 'audit', 'auditlog', 'whatif', 'settings'] as const;
export type View = (typeof VIEWS)[number];

const LABELS: Record<View, string> = { queue: 'Queue', studio: 'Studio', audit: 'Audit', auditlog: 'Activity log', whatif: 'What-if', settings: 'Settings' };

export function NavRail({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  return (
    <nav className="nav-rail" aria-label="Main">
      <div className="brand">Stoa</div>
      <ul>
        {VIEWS.map((v) => (
          <li key={v}>
            <button type="button" aria-current={v === view ? 'page' : undefined} onClick={() => onChange(v)}>
              {LABELS[v]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
