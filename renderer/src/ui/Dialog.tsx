import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface DialogProps {
  titleId: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}

/** Open dialogs, innermost last: only the innermost one answers keys that reach no dialog. */
const openDialogs: HTMLElement[] = [];

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]):not([hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus moves in on open, Tab stays inside, Escape closes, and
 * focus returns to where it was. When the focused control goes away (a deleted
 * tag's button, say), focus falls to the page body for a moment; keys pressed
 * then still belong to the dialog, not to the app's shortcuts behind it.
 */
export function Dialog({ titleId, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);

  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    openDialogs.push(dialog);
    const onStrayKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (openDialogs.at(-1) !== dialog || target?.closest('[role="dialog"]')) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopImmediatePropagation();
        onCloseRef.current();
      } else if (event.key === 'Tab') {
        event.preventDefault();
        event.stopImmediatePropagation();
        (dialog.querySelector<HTMLElement>(FOCUSABLE) ?? dialog).focus();
      } else {
        // Shortcuts of the window behind (keys 1-9, arrows, Delete) must not act under a modal.
        event.stopImmediatePropagation();
        dialog.focus();
      }
    };
    window.addEventListener('keydown', onStrayKey, true);
    return () => {
      window.removeEventListener('keydown', onStrayKey, true);
      openDialogs.splice(openDialogs.indexOf(dialog), 1);
    };
  }, []);

  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? ref.current;
    first?.focus();
    return () => {
      if (returnTo && returnTo.isConnected) returnTo.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={ref} className={`dialog ${className ?? ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>
  );
}
