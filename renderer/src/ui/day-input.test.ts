import { describe, expect, it } from 'vitest';
import { formatDayInput, maskDayInput, parseDayInput } from './day-input';

describe('day input: the UI language decides the order, not the browser', () => {
  it('shows a day as dd-mm-jjjj in Dutch and dd/mm/yyyy in English', () => {
    expect(formatDayInput('2023-09-17', 'nl')).toBe('17-09-2023');
    expect(formatDayInput('2023-09-17', 'en')).toBe('17/09/2023');
    expect(formatDayInput('0999-01-02', 'nl')).toBe('02-01-0999');
  });

  it('reads day, month, year with any separator, eight digits, or an ISO day', () => {
    for (const text of ['17-09-2023', '17/09/2023', '17.09.2023', '17 09 2023', ' 17-9-2023 ', '17092023', '2023-09-17', '2023-9-17']) {
      expect(parseDayInput(text), text).toEqual({ kind: 'day', iso: '2023-09-17' });
    }
    expect(parseDayInput('7-9-2023')).toEqual({ kind: 'day', iso: '2023-09-07' });
    // Day first in both languages: 03/04 is the 3rd of April, never 4 March.
    expect(parseDayInput('03/04/2024')).toEqual({ kind: 'day', iso: '2024-04-03' });
  });

  it('refuses days that do not exist, two-digit years and other text', () => {
    for (const text of ['31-09-2023', '29-02-2023', '00-01-2023', '12-13-2023', '17-09-23', '2023-17-09', 'gisteren', '17-09-2023x', '1709202']) {
      expect(parseDayInput(text), text).toEqual({ kind: 'invalid' });
    }
    expect(parseDayInput('29-02-2024')).toEqual({ kind: 'day', iso: '2024-02-29' });
    expect(parseDayInput('   ')).toEqual({ kind: 'empty' });
  });

  it('adds the separator after the day and the month as digits are typed, and never while deleting', () => {
    expect(maskDayInput('1', '17', 'nl')).toBe('17-');
    expect(maskDayInput('17-0', '17-09', 'nl')).toBe('17-09-');
    expect(maskDayInput('1', '17', 'en')).toBe('17/');
    expect(maskDayInput('17/0', '17/09', 'en')).toBe('17/09/');
    expect(maskDayInput('17-09-202', '17-09-2023', 'nl')).toBe('17-09-2023');
    expect(maskDayInput('17-', '17', 'nl')).toBe('17');
    expect(maskDayInput('', '2023-09-17', 'nl')).toBe('2023-09-17');
    // Typing the separator the mask already added changes nothing.
    expect(maskDayInput('17-', '17--', 'nl')).toBe('17-');
    expect(maskDayInput('17/', '17//', 'en')).toBe('17/');
  });
});
