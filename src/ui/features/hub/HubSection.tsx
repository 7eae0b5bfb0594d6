// Settings → Team hub: a team of moderators shares one queue through a PostgreSQL hub (decisions,
// notes, claims). Not joined: the join form. Joined: which hub and workspace, who this desk is,
// the members, where sync stands, and "Sync with hub now" / "Leave hub".
import { HubJoinForm } from './HubJoinForm.tsx';
import { HubLinkedView } from './HubLinkedView.tsx';
import { useHubSnapshot } from './useHub.ts';
import './hub.css';

export function HubSection() {
  const { status, problem } = useHubSnapshot();
  return (
    <section aria-labelledby="team-hub-heading">
      <h2 id="team-hub-heading">Team hub</h2>
      {problem ? <p role="alert" className="error">{problem}</p> : null}
      {status === null ? (problem ? null : <p className="muted">Loading…</p>) : status.link === null ? <HubJoinForm /> : <HubLinkedView status={status} link={status.link} />}
    </section>
  );
}
