import path from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from './fixtures';

type AxeWindow = { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } };

/**
 * Serious and critical axe-core violations on the page as it is now, each as `rule: targets`.
 * axe is injected as a script, which the app's strict CSP (rightly) blocks: the page's
 * context must be made with `bypassCSP: true`, for this check only.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const result = await (window as unknown as AxeWindow).axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}
