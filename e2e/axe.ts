import path from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from './fixtures';

type AxeWindow = { axe: { run(options?: { rules: Record<string, { enabled: boolean }> }): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } };

/**
 * Waits for the page's running finite animations to end: axe measures colours as they are
 * painted, and a pane still fading in (the narrow reader slides in from 40% opacity in
 * 160 ms) fails colour contrast that the settled page passes (seen once in CI).
 */
async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Serious and critical axe-core violations on the page as it is now, each as `rule: targets`.
 * axe is injected as a script, which the app's strict CSP (rightly) blocks: the page's
 * context must be made with `bypassCSP: true`, for this check only.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  await animationsDone(page);
  return page.evaluate(async () => {
    const result = await (window as unknown as AxeWindow).axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

/**
 * Like `seriousAxeViolations`, plus the named rules, switched on and reported whatever their
 * impact (e.g. the moderate `landmark-unique`, which the desk's states must also pass).
 */
export async function axeViolationsWith(page: Page, alsoRules: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  await animationsDone(page);
  return page.evaluate(async (rules) => {
    // Named rules run even where axe leaves them off by default (`label-content-name-mismatch` is experimental).
    const result = await (window as unknown as AxeWindow).axe.run({ rules: Object.fromEntries(rules.map((rule) => [rule, { enabled: true }])) });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical' || rules.includes(v.id))
      .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, alsoRules);
}
