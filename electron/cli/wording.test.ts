import { describe, expect, it } from 'vitest';
import { STATUS as PROPOSAL_STATUS, WORDS as PROPOSAL_WORDS } from './commands-proposals';
import { WORDS as VERSION_WORDS } from './commands-versions';
import { REASONS as SYNC_REASONS, WORDS as SYNC_WORDS } from './sync-messages';
import { REASONS as WATCH_REASONS, WORDS as WATCH_WORDS } from './watch-messages';
import { OUTCOMES, WIRE_REASONS } from './wire-words';

// The Dutch CLI words the desk as the renderer does (issue 15): "bericht(en)", a tag is a tag,
// no English desk words; the same rule as renderer/src/i18n/resources.test.ts.
const NOT_DUTCH = /\b(verhaal|verhalen|labels?|taggings?|dateline|stories|story|briefs?)\b/i;

/** Every string of a dictionary, functions called with sample arguments, keyed by path. */
function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return strings((value as (...args: unknown[]) => unknown)('x1', 2, 3), path);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => strings(inner, `${path}.${key}`));
  return [];
}

describe('the Dutch CLI words', () => {
  it('say bericht(en) and tag, never verhaal, label or English desk words', () => {
    const dictionaries: Record<string, unknown> = {
      versions: VERSION_WORDS.nl,
      proposals: PROPOSAL_WORDS.nl,
      proposalStatus: PROPOSAL_STATUS.nl,
      syncReasons: SYNC_REASONS.nl,
      sync: (SYNC_WORDS as Record<string, unknown>).nl,
      watchReasons: WATCH_REASONS.nl,
      watch: (WATCH_WORDS as Record<string, unknown>).nl,
      wireReasons: WIRE_REASONS.nl,
      // `label` is a key there (the outcome's short name), not a word shown.
      wireOutcomes: OUTCOMES.nl,
    };
    const all = Object.entries(dictionaries).flatMap(([name, dictionary]) => strings(dictionary, name));
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter(([, text]) => NOT_DUTCH.test(text)).map(([path, text]) => `${path}: ${text}`)).toEqual([]);
  });
});
