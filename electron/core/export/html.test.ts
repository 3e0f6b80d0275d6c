// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { CSP, renderDossierHtml } from './html';
import { storyReferences } from './relations';
import { HOSTILE, HOSTILE_TAG, hostileStory, seedDossierDocument } from './test/fixture';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function hostileDocument() {
  const base = seedDossierDocument();
  const evil = hostileStory('evil');
  return seedDossierDocument({
    dossier: {
      ...base.dossier,
      title: `Dossier ${HOSTILE[1]}`,
      subtitle: HOSTILE[0],
      intro: `${HOSTILE[2]}\n\n${HOSTILE[3]}`,
      entries: [...base.dossier.entries, { storyId: 'evil', note: HOSTILE[4] }],
    },
    stories: [...base.stories, evil],
    tags: [...base.tags, HOSTILE_TAG],
    links: [...base.links, { id: 'le', from: 'evil', to: 'outside-evil', type: 'related', note: HOSTILE[0], createdAt: '2026-03-01T10:00:00.000Z' }],
    outsideStories: [...base.outsideStories, { id: 'outside-evil', headline: HOSTILE[1], dateline: { place: HOSTILE[0], agencies: [] }, publishedAt: null }],
  });
}

describe('renderDossierHtml', () => {
  const doc = seedDossierDocument();

  it('is one self-contained document: strict CSP, title, language, one inline style, nothing external', () => {
    for (const mode of ['file', 'print'] as const) {
      const html = renderDossierHtml(doc, { mode });
      const dom = parse(html);
      expect(dom.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(CSP);
      expect(CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      expect(dom.title).toBe(doc.dossier.title);
      expect(dom.documentElement.lang).toBe('nl');
      expect(dom.querySelectorAll('style')).toHaveLength(1);
      expect(dom.querySelectorAll('script, link, img, iframe, object, embed, base, form, meta[http-equiv="refresh"]')).toHaveLength(0);
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).not.toMatch(/url\(/);
      // Every link stays inside the document.
      for (const anchor of dom.querySelectorAll('a')) expect(anchor.getAttribute('href')).toMatch(/^#[a-z0-9-]+$/);
    }
  });

  it('has a cover, contents, every story as an h2 in dossier order, and the sources appendix', () => {
    const dom = parse(renderDossierHtml(doc, { mode: 'print' }));
    expect(dom.querySelector('.cover-title')?.textContent).toBe(doc.dossier.title);
    expect(dom.querySelector('.cover-subtitle')?.textContent).toBe(doc.dossier.subtitle);
    expect(dom.querySelector('.cover-meta')?.textContent).toContain('6 maart 2026');
    expect(dom.querySelector('.cover-meta')?.textContent).toContain('5 berichten');
    expect([...dom.querySelectorAll('.intro p:not(.intro-label)')].map((p) => p.textContent)).toEqual(doc.dossier.intro.split('\n\n'));
    const headlines = doc.stories.map((story) => story.headline);
    expect([...dom.querySelectorAll('.toc-headline')].map((node) => node.textContent)).toEqual([...headlines, 'Bronnen']);
    expect([...dom.querySelectorAll('article.story h2')].map((node) => node.textContent)).toEqual(headlines);
    expect(dom.querySelectorAll('.sources tbody tr')).toHaveLength(5);
    expect(dom.querySelector('.sources tbody')?.textContent).toContain(doc.stories[0]!.source.fileName);
    expect(dom.querySelector('.sources tbody')?.textContent).toContain(doc.stories[0]!.source.sha256.slice(0, 12));
  });

  it('shows each story with dateline, date, tags, subheadings, and the editor note set apart', () => {
    const dom = parse(renderDossierHtml(doc, { mode: 'file' }));
    const articles = [...dom.querySelectorAll('article.story')];
    doc.stories.forEach((story, index) => {
      const article = articles[index]!;
      expect(article.querySelector('.lead .dateline')?.textContent).toBe(`${story.dateline.place} (${story.dateline.agencies.join('/')})`);
      const headings = story.body.filter((block) => block.type === 'heading').map((block) => block.text);
      expect([...article.querySelectorAll('h3')].map((node) => node.textContent)).toEqual(headings);
      expect([...article.querySelectorAll('.tags li')].map((node) => node.textContent)).toEqual(['Buitenland › Noord-Korea', 'Diplomatie']);
    });
    const noted = articles[1]!.querySelector('aside.editor-note');
    expect(noted?.textContent).toContain('Controleer de citaten met het origineel van Reuters.');
    expect(noted?.querySelector('br')).not.toBeNull();
    expect(articles[0]!.querySelector('aside.editor-note')).toBeNull();
    const withDate = articles.find((article) => article.querySelector('.story-meta')?.textContent?.includes('19 juni 2024'));
    expect(withDate).toBeDefined();
  });

  it('reads link direction from the story it is shown on', () => {
    const refs = storyReferences(doc);
    const thanks = doc.stories.findIndex((story) => story.headline.includes('dankt'));
    const first = doc.stories.findIndex((story) => story.id === doc.links[0]!.from);
    const background = doc.stories.findIndex((story) => story.id === doc.links[1]!.from);
    expect(refs[thanks]!.inside).toEqual([
      { relation: 'follow-up-of', index: first, note: '' },
      { relation: 'background', index: background, note: 'zelfde reis' },
    ].sort((a, b) => a.index - b.index));
    expect(refs[first]!.inside).toEqual([{ relation: 'followed-by', index: thanks, note: '' }]);
    expect(refs[background]!.inside).toEqual([{ relation: 'background-to', index: thanks, note: 'zelfde reis' }]);
    expect(refs[thanks]!.outside.map((ref) => ref.story.headline)).toEqual(['Zuid-Korea reageert op verdrag']);

    const dom = parse(renderDossierHtml(doc, { mode: 'print', pages: { stories: [3, 4, 5, 6, 7], sources: 8 } }));
    const article = dom.querySelectorAll('article.story')[thanks]!;
    const seeAlso = [...article.querySelectorAll('.refs ul')[0]!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(seeAlso).toContain(`vervolg op: ${doc.stories[first]!.headline}, p. ${first + 3}`);
    expect(seeAlso).toContain(`achtergrond: ${doc.stories[background]!.headline} (zelfde reis), p. ${background + 3}`);
    expect(article.querySelectorAll('.refs ul')[1]!.textContent).toContain('Zuid-Korea reageert op verdrag — SEOUL, 20 juni 2024');
    const firstArticle = dom.querySelectorAll('article.story')[first]!;
    expect(firstArticle.querySelector('.refs')?.textContent?.replace(/\s+/g, ' ')).toContain(`gevolgd door: ${doc.stories[thanks]!.headline}, p. ${thanks + 3}`);
  });

  it('prints page numbers only in print mode, in boxes whose width does not depend on the number', () => {
    const placeholders = renderDossierHtml(doc, { mode: 'print' });
    const numbered = renderDossierHtml(doc, { mode: 'print', pages: { stories: [3, 14, 105, 1006, 7], sources: 9 } });
    const boxes = (html: string) => [...parse(html).querySelectorAll('.pn')];
    expect(boxes(placeholders).every((box) => box.textContent === '')).toBe(true);
    expect(boxes(numbered).map((box) => box.className)).toEqual(boxes(placeholders).map((box) => box.className));
    expect([...parse(numbered).querySelectorAll('.toc .pn')].map((box) => box.textContent)).toEqual(['3', '14', '105', '1006', '7', '9']);
    expect(parse(renderDossierHtml(doc, { mode: 'file' })).querySelectorAll('.pn')).toHaveLength(0);
  });

  it('has the running header and "pagina X van Y" in print mode, in the document language', () => {
    const nl = renderDossierHtml(doc, { mode: 'print' });
    expect(nl).toMatch(/@bottom-right \{ content: "pagina\\0000[0-9a-f]{2}" counter\(page\) "\\0000[0-9a-f]{2}van\\0000[0-9a-f]{2}" counter\(pages\)/);
    expect(nl).toContain('@page cover');
    const en = parse(renderDossierHtml(seedDossierDocument({ locale: 'en' }), { mode: 'print' }));
    expect(en.documentElement.lang).toBe('en');
    expect(en.querySelector('.section-title')?.textContent).toBe('Contents');
    expect(renderDossierHtml(doc, { mode: 'file' })).not.toContain('@top-left');
  });

  it('prints hostile text literally: no element, attribute or style comes from imported text', () => {
    const html = renderDossierHtml(hostileDocument(), { mode: 'print' });
    const dom = parse(html);
    expect(dom.querySelectorAll('script, link, img, iframe, object, embed')).toHaveLength(0);
    expect(dom.querySelectorAll('style')).toHaveLength(1);
    expect(dom.title).toBe(`Dossier ${HOSTILE[1]}`);
    const article = [...dom.querySelectorAll('article.story')].at(-1)!;
    expect(article.querySelector('h2')?.textContent).toBe(`Vijandig ${HOSTILE[0]} ${HOSTILE[1]}`);
    expect(article.querySelector('.lead')?.textContent).toContain(HOSTILE.join(' '));
    expect(article.querySelector('h3')?.textContent).toBe(HOSTILE[1]);
    expect(article.querySelector('.editor-note')?.textContent).toContain(HOSTILE[4]);
    expect(article.querySelector('.tags')?.textContent).toContain(HOSTILE[1]);
    // The hostile tag colour is not a colour: no style attribute carries it.
    expect(html).not.toContain('127.0.0.1:9/c.png');
    expect(dom.querySelector('.cover-subtitle')?.textContent).toBe(HOSTILE[0]);
    expect(dom.querySelector('.sources tbody')?.textContent).toContain(`${HOSTILE[0]}.txt`);
    // Only our own attributes exist.
    for (const element of dom.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) expect(['class', 'id', 'href', 'lang', 'aria-labelledby', 'aria-label', 'charset', 'http-equiv', 'content', 'name', 'style']).toContain(attribute);
      if (element.hasAttribute('style')) expect(element.getAttribute('style')).toMatch(/^background:#[0-9a-f]{6}$/i);
    }
    // The running header carries the hostile title only as CSS escapes.
    const css = dom.querySelector('style')!.textContent!;
    expect(css).not.toContain('<script');
  });

  it('renders an empty dossier', () => {
    const empty = seedDossierDocument({ stories: [], links: [], outsideStories: [] });
    const dom = parse(renderDossierHtml({ ...empty, dossier: { ...empty.dossier, entries: [], intro: '', subtitle: '' } }, { mode: 'print' }));
    expect(dom.querySelector('.empty')?.textContent).toBe('Dit dossier bevat geen berichten.');
    expect(dom.querySelector('.cover-subtitle')).toBeNull();
    expect(dom.querySelector('.cover-meta')?.textContent).toContain('0 berichten');
  });
});
