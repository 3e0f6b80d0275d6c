import type { ReactNode } from 'react';

/**
 * A section's "nothing here yet" line. While its first load is pending (`pending`) it is there
 * already, invisible and hidden from screen readers, so that when the load ends nothing below
 * it moves under the pointer (a click aimed at "Manage tags…" landed a line too high while the
 * saved searches above it loaded).
 */
export function EmptyNote({ className, pending, children }: { className: string; pending: boolean; children: ReactNode }) {
  return (
    <p className={pending ? `${className} sidebar-reserve` : className} aria-hidden={pending || undefined}>
      {children}
    </p>
  );
}
