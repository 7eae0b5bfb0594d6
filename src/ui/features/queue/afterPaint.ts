// Work that should not hold back the frame a key press is waiting for: run once the next frame
// has been painted (a task queued from that frame's animation callback), or not at all if
// cancelled first, which a quick run of j presses does for the items it passes over.
export function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
