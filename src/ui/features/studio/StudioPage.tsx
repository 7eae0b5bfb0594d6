// The creator studio's place in the app. Publishing needs the platform connectors; until a
// publishing account exists, the page says what it will do and what it needs.
export function StudioPage() {
  return (
    <div className="page">
      <h1>Studio</h1>
      <p>
        The studio assembles shoppable posts: images, a caption checked against each platform&apos;s limits and
        disclosure rules, and product tags placed on the image. It publishes through a connected account.
      </p>
      <p className="muted">No publishing account is connected in this workspace.</p>
    </div>
  );
}
