import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ChronologyLine } from '../../../shared/types';
import { createChromiumPrinter } from './chromium-printer';
import { renderDossierHtml } from './html';
import { renderDossierMarkdown } from './markdown';
import type { DossierDocument } from './model';
import { renderDossierNinjs } from './ninjs';
import { exportDossierPdf } from './pdf';
import { seedDossierDocument } from './test/fixture';
import { ninjsValidator } from './test/ninjs-validator';

// The dossier's chronology in every export: only approved lines, oldest first, each citing
// its stories by their number in the dossier (and page in the PDF); text escaped.

const run = promisify(execFile);

function withChronology(): { doc: DossierDocument; treatyStory: number } {
  const doc = seedDossierDocument();
  const treaty = doc.stories.findIndex((story) => story.headline.includes('tekenen'));
  const visit = doc.stories.findIndex((story) => story.headline.includes('zeldzaam'));
  const line = (key: string, date: ChronologyLine['date'], summary: string, stories: number[], status: ChronologyLine['status']): ChronologyLine => ({
    key,
    date,
    summary,
    sources: stories.map((k) => ({ storyId: doc.stories[k]!.id, paragraph: 0, start: 0, end: 10, sentence: summary })),
    status,
    confidence: 0.8,
  });
  doc.dossier = {
    ...doc.dossier,
    chronology: [
      line('a:0:0', { granularity: 'day', date: '2024-06-19' }, 'Poetin en Kim tekenen een "alomvattend strategisch partnerschap" <script>x</script>.', [treaty, visit], 'approved'),
      line('b:0:0', { granularity: 'year', date: '2000-01-01' }, 'Poetin was voor het laatst in Pyongyang.', [visit], 'approved'),
      line('c:0:0', { granularity: 'month', date: '2023-09-01' }, 'Een afgewezen regel.', [visit], 'rejected'),
      line('d:0:0', { granularity: 'week', date: '2024-06-10' }, 'Een samengevoegde regel.', [visit], 'merged'),
    ],
  };
  return { doc, treatyStory: treaty };
}

describe('the chronology in the exports', () => {
  it('HTML: a section after the contents with the approved lines in date order, escaped, linking to the stories', () => {
    const { doc, treatyStory } = withChronology();
    const html = renderDossierHtml(doc, { mode: 'file' });
    const section = html.slice(html.indexOf('<section class="chronology"'), html.indexOf('</section>', html.indexOf('<section class="chronology"')));
    expect(section).toContain('Tijdlijn');
    expect(section.indexOf('2000')).toBeLessThan(section.indexOf('19 juni 2024'));
    expect(section).toContain('&lt;script&gt;');
    expect(section).not.toContain('<script>');
    expect(section).toContain(`href="#story-${treatyStory + 1}"`);
    expect(section).not.toContain('afgewezen');
    expect(section).not.toContain('samengevoegde');
    expect(html.indexOf('class="chronology"')).toBeLessThan(html.indexOf('class="story'));
  });

  it('Markdown and ninjs: the same lines, ninjs as a text item of the package that validates against ninjs 3.1', () => {
    const { doc, treatyStory } = withChronology();
    const md = renderDossierMarkdown(doc);
    expect(md).toContain('## Tijdlijn');
    expect(md).toMatch(new RegExp(`- \\*\\*19 juni 2024\\*\\*: .*partnerschap.* \\(→ ${treatyStory + 1}, \\d\\)`));
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('afgewezen');

    const ninjs = renderDossierNinjs(doc);
    const item = ninjs.associations!.find((association) => association.rel === 'chronology')!;
    expect(item.bodies![0]!.value.split('\n')).toHaveLength(2);
    expect(item.bodies![1]!.value).toContain('&lt;script&gt;');
    const validate = ninjsValidator();
    expect(validate(JSON.parse(JSON.stringify(ninjs))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('PDF: the chronology in the contents and the outline, its lines citing the stories with their pages', async () => {
    const { doc } = withChronology();
    const printer = createChromiumPrinter();
    const dir = mkdtempSync(path.join(tmpdir(), 'kroniek-chronology-'));
    try {
      const file = path.join(dir, 'dossier.pdf');
      writeFileSync(file, await exportDossierPdf(doc, printer));
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
      const text = stdout.replace(/\s+/g, ' ');
      expect(text).toMatch(/Inhoud.*Tijdlijn \d+/);
      const lines = text.slice(text.lastIndexOf('Tijdlijn'));
      expect(lines).toMatch(/2000 Poetin was voor het laatst in Pyongyang\. → \d+ \(p\. \d+\)/);
      expect(lines).toMatch(/19 juni 2024 Poetin en Kim tekenen .*partnerschap.* → \d+ \(p\. \d+\), \d+ \(p\. \d+\)/);
    } finally {
      await printer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
