// The media thumbnail a snapshot captured (a small JPEG, immutable with the snapshot), with its
// hash; or a plain line saying the snapshot has none, because the media could not be read then.
import type { OutputOf } from '../../../api/endpoints.ts';

type Snapshot = OutputOf<'compliance.posts.get'>['snapshots'][number];

export function SnapshotThumbnail({ snapshot, postLabel }: { snapshot: Snapshot | null; postLabel: string }) {
  if (!snapshot) return null;
  if (snapshot.thumbnailJpegBase64 === null || snapshot.thumbnailSha256 === null) {
    return (
      <p aria-label="Snapshot thumbnail" className="hint">
        Snapshot {snapshot.sha256.slice(0, 12)}… has no media thumbnail (the media could not be read when it was captured).
      </p>
    );
  }
  return (
    <figure aria-label="Snapshot thumbnail" className="compliance-thumb">
      <img src={`data:image/jpeg;base64,${snapshot.thumbnailJpegBase64}`} alt={`Media of ${postLabel} as captured ${snapshot.capturedAt}`} />
      <figcaption className="hint">
        Captured {snapshot.capturedAt} · thumbnail SHA-256 {snapshot.thumbnailSha256.slice(0, 12)}…
      </figcaption>
    </figure>
  );
}
