import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderDossierMarkdown } from './markdown';
import { HOSTILE, HOSTILE_TAG, hostileStory, seedDossierDocument } from './test/fixture';

/** A CommonMark reader's view of backslash escapes. */
const unescape = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('renderDossierMarkdown', () => {
  const doc = seedDossierDocument();
  const md = renderDossierMarkdown(doc);
  const lines = md.split('\n');

  it('is a readable document: title, subtitle, intro, contents, stories as ## with ### subheadings', () => {
    expect(lines[0]).toBe(`# ${doc.dossier.title}`);
    expect(md).toContain(`*${doc.dossier.subtitle}*`);
    expect(md).toContain('Hoe Noord-Korea en Rusland naar elkaar toe groeiden.\n\nVijf berichten');
    const contents = lines.indexOf('## Inhoud');
    expect(lines.slice(contents + 2, contents + 7)).toEqual(
      doc.stories.map((story, index) => expect.stringMatching(new RegExp(`^${index + 1}\\. ${story.headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))),
    );
    const storyHeadings = lines.filter((line) => /^## \d+\. /.test(line));
    expect(storyHeadings).toEqual(doc.stories.map((story, index) => `## ${index + 1}. ${story.headline}`));
    const subheadings = lines.filter((line) => line.startsWith('### ')).map((line) => line.slice(4));
    expect(subheadings).toEqual(doc.stories.flatMap((story) => story.body.filter((block) => block.type === 'heading').map((block) => block.text)));
    for (const word of ['Oekraïne', 'Kumsusanpaleis', 'ceremoniële']) expect(md).toContain(word);
  });

  it('gives each story its dateline, date, tags, note as a quote, links, and lists the sources', () => {
    expect(md).toContain('*PYONGYANG (ANP/RTR) · 19 juni 2024 · Buitenland*');
    expect(md).toContain('Trefwoorden: Noord-Korea · Diplomatie');
    expect(md).toContain('> **Notitie van de redactie**\n>\n> Controleer de citaten met het origineel van Reuters.\\\n> Daarna vrijgeven.');
    expect(md).toContain('**Zie ook in dit dossier**');
    expect(md).toMatch(/- vervolg op: .+ \(\d\)/);
    expect(md).toContain('- verwant: Zuid-Korea reageert op verdrag — SEOUL, 20 juni 2024');
    expect(md).toContain(`## Bronnen`);
    expect(md).toContain(`${doc.stories[0]!.source.fileName.replace(/[_.]/g, '\\$&')} · SHA-256 ${doc.stories[0]!.source.sha256.slice(0, 12)}`);
  });

  it('keeps hostile text literal: no raw HTML, link, image or structure from imported text', () => {
    const evil = hostileStory('evil');
    const hostile = seedDossierDocument({
      dossier: { ...doc.dossier, title: HOSTILE[1], entries: [...doc.dossier.entries, { storyId: 'evil', note: '# geen kop\n> geen citaat' }] },
      stories: [...doc.stories, evil],
      tags: [...doc.tags, HOSTILE_TAG],
    });
    const out = renderDossierMarkdown(hostile);
    // No unescaped `<` anywhere: nothing can open an HTML tag or autolink.
    expect(out).not.toMatch(/(^|[^\\])</m);
    // No unescaped `[` or `` ` ``: no link, image or code span.
    expect(out).not.toMatch(/(^|[^\\])[[`]/m);
    // Headings are ours only.
    const headings = out.split('\n').filter((line) => /^#{1,6}\s/.test(line));
    expect(headings.every((line) => /^(# |## \d+\. |## (Inhoud|Bronnen)$|### )/.test(line))).toBe(true);
    // And a reader gets the imported text back exactly.
    const heading = out.split('\n').find((line) => line.startsWith('## 6. '))!;
    expect(unescape(heading.slice('## 6. '.length))).toBe(`Vijandig ${HOSTILE[0]} ${HOSTILE[1]}`);
    expect(unescape(out.split('\n')[0]!.slice(2))).toBe(HOSTILE[1]);
    const body = out.split('\n').find((line) => unescape(line).startsWith('# kop'));
    expect(body).toBeDefined();
    expect(body!.startsWith('\\#')).toBe(true);
    expect(out).toContain('> \\# geen kop');
  });

  it('keeps bare web and e-mail addresses as text in real CommonMark/GFM renderers (markdown-it with linkify, marked)', () => {
    const addresses = [
      'https://kroniek.example/nieuws?id=1',
      'http://127.0.0.1:9/x',
      'www.kroniek.nl/pad',
      'redactie@kroniek.nl',
      'mailto:redactie@kroniek.nl',
      'xmpp:bureau@kroniek.nl',
      'ftp://files.kroniek.nl',
      'kroniek.nl',
      'nos.nl/artikel/1',
      '//kroniek.nl/pad',
      '<https://kroniek.example>',
      '<redactie@kroniek.nl>',
      'HTTPS://KRONIEK.EXAMPLE',
      'münchen.de',
    ];
    const text = `Zie ${addresses.join(' en ')}, of bel om 10:30 over 3,5 procent.`;
    const linked = seedDossierDocument({
      dossier: { ...doc.dossier, title: `Dossier ${addresses[0]}`, subtitle: addresses[2]!, intro: text, entries: doc.dossier.entries.map((entry) => ({ ...entry, note: text })) },
      stories: doc.stories.map((story) => ({ ...story, headline: `${story.headline} ${addresses[3]}`, body: [...story.body, { type: 'paragraph', text }, { type: 'heading', text }] })),
      tags: doc.tags.map((tag) => ({ ...tag, name: `${tag.name} ${addresses[7]}` })),
    });
    const out = renderDossierMarkdown(linked);
    const renderers = {
      'markdown-it (linkify)': new MarkdownIt({ linkify: true }).render(out),
      'markdown-it (commonmark)': new MarkdownIt('commonmark').render(out),
      'marked (gfm)': marked.parse(out, { gfm: true, async: false }),
    };
    for (const [name, html] of Object.entries(renderers)) {
      expect(html, name).not.toMatch(/<a[\s>]/i);
      // The reader still sees every address as it was imported.
      const shown = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
      for (const address of addresses) expect(shown, `${name}: ${address}`).toContain(address);
    }
  });
});
