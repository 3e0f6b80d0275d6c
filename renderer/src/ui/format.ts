import type { Dateline } from '../../../shared/types';
import { localeOf, type Language } from '../i18n';

/** `PYONGYANG (ANP/RTR)`, as a wire dateline is printed; parts left out when unknown. */
export function formatDateline(dateline: Dateline): string {
  const agencies = dateline.agencies.length ? `(${dateline.agencies.join('/')})` : '';
  return [dateline.place, agencies].filter(Boolean).join(' ');
}

/** A calendar date `YYYY-MM-DD` (no time zone: it is a day, not an instant). */
export function formatDay(isoDay: string, language: Language, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  if (!y || !m || !d) return isoDay;
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: 'UTC',
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    year: 'numeric',
  }).format(date);
}

/** An instant (import time) in the editor's local time. */
export function formatInstant(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Enough of a sha256 to tell files apart by eye; the full hash is in the tooltip. */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}

/** True when a key press belongs to a text field, so app shortcuts must leave it alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const field = element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
  if (!field) return false;
  if (field instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(field.type);
  }
  return true;
}
