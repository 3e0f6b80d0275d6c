import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { DossierQuote } from '../../../shared/types';
import { createChromiumPrinter } from './chromium-printer';
import { renderDossierHtml } from './html';
import { renderDossierMarkdown } from './markdown';
import type { DossierDocument } from './model';
import { renderDossierNinjs } from './ninjs';
import { exportDossierPdf } from './pdf';
import { seedDossierDocument } from './test/fixture';
import { ninjsValidator } from './test/ninjs-validator';

// The quotes added to a dossier in every export: an attributed "Citaten / Quotes" section,
// each quote citing its story's number in the dossier; text escaped.

const run = promisify(execFile);

function withQuotes(locale: 'nl' | 'en' = 'nl'): { doc: DossierDocument; treatyStory: number } {
  const doc = seedDossierDocument();
  doc.locale = locale;
  const treaty = doc.stories.findIndex((story) => story.headline.includes('tekenen'));
  const quote = (key: string, text: string, speaker: DossierQuote['speaker'], extra: Partial<DossierQuote> = {}): DossierQuote => ({
    key,
    kind: 'direct',
    text,
    speaker,
    speakerText: speaker?.name ?? null,
    attribution: speaker ? 'named' : 'unresolved',
    storyId: doc.stories[treaty]!.id,
    headline: doc.stories[treaty]!.headline,
    date: '2024-06-19',
    paragraph: 1,
    start: 0,
    end: 20,
    addedAt: '2024-06-20T10:00:00.000Z',
    ...extra,
  });
  doc.dossier = {
    ...doc.dossier,
    quotes: [
      quote('a:1:0', 'Dit is een <script>x</script> *basisdocument*', { key: 'vladimir poetin', name: 'Vladimir Poetin' }),
      quote('a:2:0', 'het verdrag vredelievend en defensief is', { key: 'kim jong-un', name: 'Kim Jong-un' }, { kind: 'indirect' }),
      quote('b:0:0', 'Niemand weet wie dit zei', null, { speakerText: 'hij', storyId: 'elsewhere', headline: 'Elders # kop', date: null }),
    ],
  };
  return { doc, treatyStory: treaty };
}

describe('the quotes in the exports', () => {
  it('HTML, Markdown and ninjs: an attributed section, escaped, citing the stories; ninjs validates', () => {
    const { doc, treatyStory } = withQuotes();
    const html = renderDossierHtml(doc, { mode: 'file' });
    const at = html.indexOf('<section class="quotes"');
    const section = html.slice(at, html.indexOf('</section>', at));
    expect(section).toContain('<h2 class="section-title">Citaten</h2>');
    expect(section).toContain('&lt;script&gt;');
    expect(section).not.toContain('<script>');
    expect(section).toContain('— Vladimir Poetin, 19 juni 2024, Kim en Poetin tekenen');
    expect(section).toContain(`href="#story-${treatyStory + 1}"`);
    expect(section).toContain('(indirect) het verdrag');
    expect(section).toContain('spreker onbekend („hij”), Elders # kop');
    expect(html).toContain('href="#quotes"');

    const md = renderDossierMarkdown(doc);
    expect(md).toContain('## Citaten');
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\*basisdocument\\*');
    expect(md).toMatch(new RegExp(`— Vladimir Poetin, 19 juni 2024, Kim en Poetin tekenen.* \\(→ ${treatyStory + 1}\\)`));
    expect(md).toContain('Elders # kop');

    const en = renderDossierMarkdown(withQuotes('en').doc);
    expect(en).toContain('## Quotes');
    expect(en).toContain('speaker unknown');

    const ninjs = renderDossierNinjs(doc);
    const item = ninjs.associations!.find((association) => association.rel === 'quotes')!;
    expect(item.bodies![0]!.value.split('\n')).toHaveLength(3);
    expect(item.bodies![1]!.value).toContain('&lt;script&gt;');
    const validate = ninjsValidator();
    expect(validate(JSON.parse(JSON.stringify(ninjs))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('PDF: the quotes in the contents and the outline, attributed, with their stories’ pages', async () => {
    const { doc } = withQuotes();
    const printer = createChromiumPrinter();
    const dir = mkdtempSync(path.join(tmpdir(), 'kroniek-quotes-'));
    try {
      const file = path.join(dir, 'dossier.pdf');
      writeFileSync(file, await exportDossierPdf(doc, printer));
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
      const text = stdout.replace(/\s+/g, ' ');
      expect(text).toMatch(/Inhoud.*Citaten \d+/);
      const section = text.slice(text.lastIndexOf('Citaten'));
      expect(section).toMatch(/— Vladimir Poetin, 19 juni 2024, Kim en Poetin tekenen.* → \d+ \(p\. \d+\)/);
    } finally {
      await printer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
