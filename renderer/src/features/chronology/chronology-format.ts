import type { TFunction } from 'i18next';
import type { ChronologyDate } from '../../../../shared/types';
import type { Language } from '../../i18n';
import { dateFormat, formatDay } from '../../ui/format';

/**
 * A chronology date as precise as it is known, in the UI language: `13 september 2023`,
 * `juni 2024`, `2019`, `week van 17 juni 2024` (a week is stored as its Monday).
 */
export function formatChronologyDate(date: ChronologyDate, language: Language, t: TFunction<'chronology'>): string {
  const [y, m] = date.date.split('-').map(Number);
  if (!y || !m) return date.date;
  switch (date.granularity) {
    case 'year':
      return String(y);
    case 'month':
      return dateFormat(language, 'month', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, 1)));
    case 'week':
      return t('date.week', { date: formatDay(date.date, language) });
    default:
      return formatDay(date.date, language);
  }
}

/** How sure the draft is, in three steps the editor can read at a glance. */
export function confidenceLevel(confidence: number): 'high' | 'medium' | 'low' {
  if (confidence >= 0.75) return 'high';
  if (confidence >= 0.5) return 'medium';
  return 'low';
}
