import { describe, expect, it } from 'vitest';
import { initialLanguage } from '.';

describe('initialLanguage', () => {
  it('follows the first Dutch or English system language', () => {
    expect(initialLanguage(null, ['nl-BE'])).toBe('nl');
    expect(initialLanguage(null, ['de-DE', 'nl-NL', 'en'])).toBe('nl');
    expect(initialLanguage(null, ['en-US', 'nl'])).toBe('en');
  });

  it('falls back to English for other languages', () => {
    expect(initialLanguage(null, ['fr-FR'])).toBe('en');
    expect(initialLanguage(null, [])).toBe('en');
  });

  it('lets a remembered choice win, and ignores a remembered value it does not know', () => {
    expect(initialLanguage('nl', ['en-GB'])).toBe('nl');
    expect(initialLanguage('klingon', ['nl-NL'])).toBe('nl');
  });
});
