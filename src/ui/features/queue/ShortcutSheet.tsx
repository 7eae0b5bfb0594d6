// The `?` sheet: every queue shortcut, from the same table the key handler uses. Esc or the
// Close button shuts it and focus goes back to the list.
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts.ts';

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="shortcut-sheet" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.keys} className="shortcut-sheet__row">
            <dt><kbd>{s.keys}</kbd></dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
      <button ref={close} type="button" className="btn" onClick={onClose}>Close <kbd>Esc</kbd></button>
    </div>
  );
}
