import type { Dateline } from '../../../shared/types';
import { localeOf, type Language } from '../i18n';

/** `PYONGYANG (ANP/RTR)`, as a wire dateline is printed; parts left out when unknown. */
export function formatDateline(dateline: Dateline): string {
  const agencies = dateline.agencies.length ? `(${dateline.agencies.join('/')})` : '';
  return [dateline.place, agencies].filter(Boolean).join(' ');
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The Intl.DateTimeFormat for a language and a form of date (`form` names `options`: the same
 * form, the same options), made once: making one takes about as long as rendering a row, and
 * the list formats a date on every row it renders, for every keystroke of a search.
 */
export function dateFormat(language: Language, form: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language} ${form}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(localeOf(language), options)));
  return format;
}

const DAY_LONG: Intl.DateTimeFormatOptions = { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' };
const DAY_SHORT: Intl.DateTimeFormatOptions = { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' };

/** A calendar date `YYYY-MM-DD` (no time zone: it is a day, not an instant). */
export function formatDay(isoDay: string, language: Language, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  if (!y || !m || !d) return isoDay;
  const date = new Date(Date.UTC(y, m - 1, d));
  return style === 'long' ? dateFormat(language, 'day-long', DAY_LONG).format(date) : dateFormat(language, 'day-short', DAY_SHORT).format(date);
}

/** An instant (import time) in the editor's local time. */
export function formatInstant(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(language, 'instant', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
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
