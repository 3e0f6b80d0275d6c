import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { editName } from '../features/history/edit-name';
import { useTranslator } from '../i18n/use-translator';
import type { HistoryMessage } from '../store';
import { useApp } from '../store';
import { useErrorText } from '../ui/errors/use-error-text';
import type { ServiceError } from '../../../shared/contract/envelope';

function describe(t: TFunction<'history'>, message: HistoryMessage, errorText: (error: ServiceError) => string): string {
  switch (message.kind) {
    // The core names the edit with a code (`{code: 'tag.apply', count: 3}`); the dictionary words it.
    case 'undone':
      return message.label ? t('undoneWhat', { label: editName(t, message.label) }) : t('undone');
    case 'redone':
      return message.label ? t('redoneWhat', { label: editName(t, message.label) }) : t('redone');
    case 'nothing-to-undo':
      return t('nothingToUndo');
    case 'nothing-to-redo':
      return t('nothingToRedo');
    case 'failed':
      return `${t('failed')}: ${errorText(message.error)}`;
  }
}

const SHOW_MS = 5_000;

/** A polite live region for short confirmations (undo/redo); always in the DOM so screen readers hear changes. */
export function StatusToast() {
  const t = useTranslator('history');
  const errorText = useErrorText();
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
      {visible ? describe(t, message, errorText) : ''}
    </div>
  );
}
