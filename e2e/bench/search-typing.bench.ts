import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, startHost, stopHost } from '../fixtures';

// Keystroke → updated list, in Chromium against the real host over a real library.
// The list pane carries `data-query-rendered` = the search text its shown rows
// answer; in the page, each `input` event of the search box is timed, and the
// first animation frame after the attribute equals that text ends the sample.
// Typing is at a brisk human cadence (one key per CADENCE_MS at most, never
// before the previous key's list is shown), so every keystroke is a sample.

const CADENCE_MS = 120;
// KRONIEK_BENCH_DURING_BUILD=1: the library's index snapshot is deleted first, so the
// keys are typed while the host's indexing worker builds the indexes from the stories
// (a first start after an upgrade of the text analysis, or after a large import).
const DURING_BUILD = process.env.KRONIEK_BENCH_DURING_BUILD === '1';
const QUERIES = ['oekraine', 'noord korea', 'kim poetin', '"verenigde staten"', 'minister defensie', 'rusland oorlog', 'leider bezoek'];

test('typing in the search box: keystroke to updated list', async ({ page }) => {
  const dataDir = process.env.KRONIEK_BENCH_DATA ? path.resolve(ROOT, process.env.KRONIEK_BENCH_DATA) : '';
  test.skip(!dataDir || !existsSync(dataDir), 'Set KRONIEK_BENCH_DATA to a library folder (npm run -s bench -- --size 2000 makes bench-data/library-2000).');

  if (DURING_BUILD) rmSync(path.join(dataDir, 'cache', 'indexes.bin'), { force: true });
  const { host, child } = await startHost(dataDir);
  try {
    const openStarted = Date.now();
    await page.goto(host.url);
    const search = page.getByRole('searchbox', { name: /search stories|zoek berichten/i });
    await search.waitFor();
    await page.getByRole('listbox', { name: /stories|verhalen|berichten/i }).getByRole('option').first().waitFor();
    const firstPageMs = Date.now() - openStarted;
    // Measure a built index, not the build (unless asked to measure during it).
    for (; !DURING_BUILD; ) {
      const status = await host.call<{ index: { ready: boolean }; counts: { articles: number; briefs: number } }>('library.status');
      if (status.index.ready) break;
      await page.waitForTimeout(250);
    }
    const status = await host.call<{ index: { ready: boolean }; counts: { articles: number; briefs: number } }>('library.status');
    if (DURING_BUILD) expect(status.index.ready, 'the indexes were still being built when typing began').toBe(false);

    await page.evaluate(() => {
      const w = window as unknown as { __typed: Map<string, number>; __samples: number[]; __texts: string[] };
      w.__typed = new Map();
      w.__samples = [];
      w.__texts = [];
      const box = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      // Keystrokes only: the clearing between queries is not a sample.
      box.addEventListener('input', () => box.value && w.__typed.set(box.value, performance.now()), true);
      const pane = document.querySelector<HTMLElement>('[data-query-rendered]')!;
      new MutationObserver(() => {
        const shown = pane.dataset.queryRendered ?? '';
        const typedAt = w.__typed.get(shown);
        if (typedAt === undefined || shown !== box.value) return;
        w.__typed.delete(shown);
        requestAnimationFrame(() => {
          w.__samples.push(performance.now() - typedAt);
          w.__texts.push(shown);
        });
      }).observe(pane, { attributes: true, attributeFilter: ['data-query-rendered'], subtree: false });
    });

    for (const query of QUERIES) {
      // Clear the box and wait for the unfiltered list (Escape on an empty box would leave it for the list).
      await search.fill('');
      await search.focus();
      await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-query-rendered]')?.dataset.queryRendered === '');
      for (const char of query) {
        const started = Date.now();
        await page.keyboard.press(char === ' ' ? 'Space' : char);
        const typed = await search.inputValue();
        await page.waitForFunction((value) => document.querySelector<HTMLElement>('[data-query-rendered]')?.dataset.queryRendered === value, typed, { polling: 'raf' });
        const wait = CADENCE_MS - (Date.now() - started);
        if (wait > 0) await page.waitForTimeout(wait);
      }
    }
    await page.waitForTimeout(100);
    const { samples, texts } = await page.evaluate(() => {
      const w = window as unknown as { __samples: number[]; __texts: string[] };
      return { samples: w.__samples, texts: w.__texts };
    });
    const typedKeys = QUERIES.join('').length;
    const after = await host.call<{ index: { ready: boolean } }>('library.status');
    // Every key is a sample; fewer means the measurement missed keystrokes, and its figure would be a lie.
    expect(samples.length, 'samples measured, one per keystroke').toBe(typedKeys);
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
    const result = {
      bench: 'search-typing',
      stories: status.counts.articles + status.counts.briefs,
      keystrokes: samples.length,
      cadenceMs: CADENCE_MS,
      duringBuild: DURING_BUILD,
      // During a build: whether all the typing happened before the indexes were ready.
      buildStillRunningAtEnd: DURING_BUILD ? !after.index.ready : null,
      firstPageMs,
      keystrokeToListP50Ms: at(0.5),
      keystrokeToListP95Ms: at(0.95),
      keystrokeToListMaxMs: at(1),
      targetMs: 100,
      // Which text was slowest to show: tells a one-letter prefix from a collection pause.
      slowest: samples
        .map((ms, i) => ({ text: texts[i], ms: Math.round(ms) }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5),
    };
    console.log(JSON.stringify(result));
  } finally {
    await stopHost(child);
  }
});
