import { describe, expect, it } from 'vitest';
import { emptyMeta } from './meta';
import { checkMeta } from './meta-shape';
import { StoryMap } from './story-map';

// The document's shape check on open; the two records that grow with the library are checked
// by hand (meta-shape.ts recordProblem), by the same rules a schema would apply.
const doc = (patch: Record<string, unknown>) => ({ ...JSON.parse(JSON.stringify(emptyMeta('2026-01-01T00:00:00.000Z'))), ...patch });

describe('checkMeta', () => {
  it('takes valid per-story records, extra keys in a story edit included, and keeps them as StoryMaps', () => {
    const checked = checkMeta(
      doc({
        taggings: { s1: ['t1', 't2'], __proto__x: [] },
        storyEdits: { s1: { note: 'Bron: ANP', publishedAt: null }, s2: { publishedAt: '2024-06-19', publishedAtEstimated: true, pageVersions: ['p1'], later: 1 } },
      }),
    );
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.meta.taggings).toBeInstanceOf(StoryMap);
    expect(checked.meta.taggings.get('s1')).toEqual(['t1', 't2']);
    expect(checked.meta.storyEdits.get('s2')?.pageVersions).toEqual(['p1']);
    // A document already held (StoryMaps) is checked as well.
    expect(checkMeta(checked.meta).ok).toBe(true);
  });

  it('refuses a damaged record with the path of the first bad entry', () => {
    const reason = (patch: Record<string, unknown>) => {
      const checked = checkMeta(doc(patch));
      return checked.ok ? null : checked.reason;
    };
    expect(reason({ taggings: ['t1'] })).toBe('unexpected shape at taggings: expected an object');
    expect(reason({ taggings: null })).toBe('unexpected shape at taggings: expected an object');
    expect(reason({ taggings: undefined })).toBe('unexpected shape at taggings: expected an object');
    expect(reason({ taggings: { s1: ['t1'], s2: 't2' } })).toBe('unexpected shape at taggings.s2: expected an array of strings');
    expect(reason({ taggings: { s1: ['t1', 7] } })).toBe('unexpected shape at taggings.s1: expected an array of strings');
    expect(reason({ storyEdits: { s1: 'notitie' } })).toBe('unexpected shape at storyEdits.s1: expected an object');
    expect(reason({ storyEdits: { s1: { note: 3 } } })).toBe('unexpected shape at storyEdits.s1.note: expected a string');
    expect(reason({ storyEdits: { s1: { publishedAt: 20240619 } } })).toBe('unexpected shape at storyEdits.s1.publishedAt: expected a string or null');
    expect(reason({ storyEdits: { s1: { publishedAtEstimated: 'ja' } } })).toBe('unexpected shape at storyEdits.s1.publishedAtEstimated: expected a boolean');
    expect(reason({ storyEdits: { s1: { pageVersions: 'p1' } } })).toBe('unexpected shape at storyEdits.s1.pageVersions: expected an array of strings');
    const held = { ...emptyMeta(), taggings: StoryMap.from<unknown>({ s1: 'kapot' }) };
    expect(checkMeta(held)).toEqual({ ok: false, reason: 'unexpected shape at taggings.s1: expected an array of strings' });
  });
});
