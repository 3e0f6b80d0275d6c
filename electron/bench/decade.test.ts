import { describe, expect, it } from 'vitest';
import { parseWire } from '../core/import/wire';
import { loadNinjsValidators } from '../core/import/wire/validators/load';
import { decadeFile } from './decade-corpus';
import { ladderSvg, targetAt } from './ladder-plot';

describe('the decade corpus', () => {
  it('is deterministic, spread over ten years in file order, and mixes dated agency items, their versions and pages with briefs', () => {
    const size = 600;
    const files = Array.from({ length: size }, (_, i) => decadeFile(i, size));
    expect(decadeFile(123, size)).toEqual(files[123]);
    const years = files.map((file) => file.modifiedAt.getUTCFullYear());
    expect(Math.min(...years)).toBe(2017);
    expect(Math.max(...years)).toBe(2026);
    expect(new Set(years).size).toBe(10);
    const times = files.map((file) => file.modifiedAt.getTime());
    expect(times.filter((time, i) => i > 0 && time + 86_400_000 < times[i - 1]!)).toEqual([]);
    const wire = files.filter((file) => file.name.endsWith('.json'));
    expect(wire.length / size).toBeGreaterThan(0.45);
    expect(wire.length / size).toBeLessThan(0.7);
    const versions = wire.filter((file) => /"version":"[23]"/.test(file.text));
    expect(versions.length).toBeGreaterThan(5);
    const pages = files.filter((file) => file.name.endsWith('.txt'));
    expect(pages.some((page) => /^Meer uit /m.test(page.text) && /\(bericht \d+\)/.test(page.text))).toBe(true);
    expect(files.some((file) => /[äëïöüéèçşøñ]/i.test(file.text))).toBe(true);
  });

  it('writes agency items the wire parser reads', async () => {
    await loadNinjsValidators();
    const wire = Array.from({ length: 40 }, (_, i) => decadeFile(i, 40)).filter((file) => file.name.endsWith('.json'));
    for (const file of wire) {
      const parsed = parseWire(new TextEncoder().encode(file.text), file.name);
      expect(parsed?.ok, file.name).toBe(true);
      if (parsed?.ok) expect(parsed.result.items[0]?.firstCreated, file.name).toMatch(/^20(1[7-9]|2\d)-/);
    }
  });
});

describe('the ladder plot', () => {
  it('joins the 50,000 and million targets on the log scale', () => {
    expect(targetAt([500, 1_500], 10_000)).toBe(500);
    expect(targetAt([500, 1_500], 2_000_000)).toBe(1_500);
    expect(targetAt([500, 1_500], Math.sqrt(50_000 * 1_000_000))).toBeCloseTo(1_000);
    expect(targetAt([null, 2.5], 10)).toBe(2.5);
  });

  it('draws every figure with its points and escapes text', () => {
    const svg = ladderSvg([{ size: 2_000, startedAt: '2026-12-03T20:14:00.000Z', commit: 'abc<1>', loadBefore: [9], loadAfter: [3], cpus: 2, figures: { coldOpenMs: 400, searchP95Ms: 1.5, diskRatio: 2.9 } }]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('abc&lt;1&gt;');
    expect(svg).toContain('UNDER LOAD');
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg.match(/class="target"/g)).toHaveLength(10);
  });
});
