import { describe, expect, it } from 'vitest';
import { dateFormat, formatDay, formatInstant } from './format';

describe('date formats', () => {
  it('words a calendar day in each language, whatever the time zone', () => {
    expect(formatDay('2024-03-05', 'nl')).toBe('5 maart 2024');
    expect(formatDay('2024-03-05', 'en')).toBe('5 March 2024');
    expect(formatDay('2024-03-05', 'nl', 'short')).toBe('5 mrt 2024');
    expect(formatDay('2024-13', 'nl')).toBe('2024-13');
    expect(formatInstant('geen tijd', 'en')).toBe('geen tijd');
    expect(formatInstant('2024-03-05T09:12:00Z', 'nl')).toMatch(/2024/);
  });

  it('makes one formatter per language and form, and keeps it', () => {
    const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    const first = dateFormat('nl', 'test-year', options);
    expect(dateFormat('nl', 'test-year', options)).toBe(first);
    expect(dateFormat('en', 'test-year', options)).not.toBe(first);
    expect(first.format(new Date(Date.UTC(2019, 5, 1)))).toBe('2019');
  });
});
