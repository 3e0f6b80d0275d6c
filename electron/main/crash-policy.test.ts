import { describe, expect, it } from 'vitest';
import { crashPageUrl, createCrashPolicy } from './crash-policy';
import { labelsFor } from './labels';

describe('createCrashPolicy', () => {
  it('reloads a crashed window at most N times within the window of time, then shows the error page', () => {
    let now = 0;
    const policy = createCrashPolicy({ maxReloads: 3, windowMs: 60_000, now: () => now });
    const actions = [0, 1, 2, 3, 4].map(() => {
      now += 1_000;
      return policy.next('crashed');
    });
    expect(actions).toEqual(['reload', 'reload', 'reload', 'error-page', 'error-page']);
    // Long after, a single crash is reloaded again.
    now += 120_000;
    expect(policy.next('oom')).toBe('reload');
  });

  it('does nothing when the renderer ended normally (the window closed)', () => {
    const policy = createCrashPolicy({ maxReloads: 0 });
    expect(policy.next('clean-exit')).toBe('none');
  });
});

describe('crashPageUrl', () => {
  it('is a self-contained local page: no script, no request, nothing remote', () => {
    const url = crashPageUrl(labelsFor('nl'));
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    const html = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<img|<link|<iframe|src=|href=|url\(|https?:/i);
    expect(html).toContain(labelsFor('nl').crashTitle);
  });
});
