import { useEffect, useState } from 'react';
import type { HistoryMessage } from '../store';
import type { Messages } from '../i18n';
import { useApp, useT } from '../store';

function describe(t: Messages, message: HistoryMessage): string {
  switch (message.kind) {
    // The core words undo labels in English; the dictionary reads the known ones in its language.
    case 'undone':
      return t.undone(message.label && t.historyLabel(message.label));
    case 'redone':
      return t.redone(message.label && t.historyLabel(message.label));
    case 'nothing-to-undo':
      return t.nothingToUndo;
    case 'nothing-to-redo':
      return t.nothingToRedo;
    case 'failed':
      return `${t.historyFailed}: ${message.error.message}`;
  }
}

const SHOW_MS = 5_000;

/** A polite live region for short confirmations (undo/redo); always in the DOM so screen readers hear changes. */
export function StatusToast() {
  const t = useT();
  const message = useApp((s) => s.historyMessage);
  const [hiddenFor, setHiddenFor] = useState<HistoryMessage | null>(null);

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setHiddenFor(message), SHOW_MS);
    return () => clearTimeout(timer);
  }, [message]);

  const visible = message !== null && hiddenFor !== message;
  return (
    <div className={visible ? 'toast visible' : 'toast'} role="status" aria-live="polite">
      {visible ? describe(t, message) : ''}
    </div>
  );
}
