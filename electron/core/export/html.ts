import type { BodyBlock, Story, Tag } from '../../../shared/types';
import { cssString, escapeHtml } from './escape';
import { exportedChronology } from './chronology';
import { exportedQuotes, quoteAttribution, quoteWords } from './quotes';
import { formatDateline, formatDay, formatInstantDay, formatPeriod, labelsFor, wireLines, type Labels } from './labels';
import type { DossierDocument } from './model';
import { storyReferences, type StoryReferences } from './relations';
import { DOCUMENT_CSS, runningHeaderCss } from './style';

// One dossier as one self-contained HTML document: inline CSS, no scripts, no
// external resources, a CSP that forbids anything else. The same document is
// saved as the HTML export (`mode: 'file'`) and printed to PDF (`mode: 'print'`).
//
// Every piece of dossier or story text goes through `escapeHtml` exactly once,
// where it is placed; nothing builds markup from imported text any other way.

/** Pages where things start in the printed document (1-based, cover is page 1). */
export interface PrintPageNumbers {
  /** Same order as `doc.stories`. */
  stories: number[];
  sources: number;
  /** Where the chronology starts, when the dossier has approved lines. */
  chronology?: number;
  /** Where the quotes start, when the dossier has quotes. */
  quotes?: number;
}

export interface HtmlOptions {
  /**
   * `file`: a document to read in a browser (screen layout, links instead of page
   * numbers). `print`: the PDF layout, with page numbers from `pages`.
   */
  mode: 'print' | 'file';
  /** Print mode: page numbers found by a previous print; absent = placeholders of the same width. */
  pages?: PrintPageNumbers;
}

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Element ids the PDF printer turns into named destinations (via the contents links). */
export const storyAnchor = (index: number): string => `story-${index + 1}`;
export const SOURCES_ANCHOR = 'sources';
export const CHRONOLOGY_ANCHOR = 'chronology';
export const QUOTES_ANCHOR = 'quotes';

/** Text with blank-line-separated paragraphs (intro, notes) as `<p>`s; single line breaks kept. */
function paragraphs(text: string, className?: string): string {
  const cls = className ? ` class="${className}"` : '';
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `<p${cls}>${part.split(/\r?\n/).map(escapeHtml).join('<br>')}</p>`)
    .join('\n');
}

interface Context {
  doc: DossierDocument;
  labels: Labels;
  print: boolean;
  pages: PrintPageNumbers | undefined;
  tagsById: Map<string, Tag>;
}

/** A page number in a box of fixed width, so the layout does not move when placeholders become numbers. */
function pageNumber(ctx: Context, page: number | undefined, align: 'left' | 'right'): string {
  if (!ctx.print) return '';
  const value = ctx.pages && page !== undefined ? String(page) : '';
  return `<span class="pn pn-${align}">${escapeHtml(value)}</span>`;
}

/** `Parent › Child` for a tag in a hierarchy (stops on a damaged cycle). */
function tagPath(tag: Tag, tagsById: Map<string, Tag>): string {
  const names = [tag.name];
  const seen = new Set([tag.id]);
  for (let parent = tag.parentId ? tagsById.get(tag.parentId) : undefined; parent && !seen.has(parent.id); ) {
    names.unshift(parent.name);
    seen.add(parent.id);
    parent = parent.parentId ? tagsById.get(parent.parentId) : undefined;
  }
  return names.join(' › ');
}

const COLOR = /^#[0-9a-f]{6}$/i;

function renderTags(story: Story, ctx: Context): string {
  const tags = story.tagIds.map((id) => ctx.tagsById.get(id)).filter((tag): tag is Tag => tag !== undefined);
  if (!tags.length) return '';
  const items = tags.map((tag) => {
    // Only a well-formed colour reaches the style attribute; it is escaped all the same.
    const dot = tag.color && COLOR.test(tag.color) ? `<span class="tag-dot" style="background:${escapeHtml(tag.color)}"></span>` : '';
    return `<li>${dot}${escapeHtml(tagPath(tag, ctx.tagsById))}</li>`;
  });
  return `<ul class="tags">${items.join('')}</ul>`;
}

function renderCover(ctx: Context): string {
  const { doc, labels } = ctx;
  const { dossier } = doc;
  const subtitle = dossier.subtitle.trim() ? `<p class="cover-subtitle">${escapeHtml(dossier.subtitle)}</p>` : '';
  return `<header class="cover">
<div class="cover-top"><span class="cover-kicker">${escapeHtml(labels.dossier)}</span></div>
<div class="cover-main">
<h1 class="cover-title">${escapeHtml(dossier.title)}</h1>
${subtitle}
</div>
<div class="cover-meta">
<p><span class="cover-meta-label">${escapeHtml(labels.exported)}</span> ${escapeHtml(formatInstantDay(doc.exportedAt, labels))}</p>
<p>${escapeHtml(labels.storyCount(doc.stories.length))}</p>
<p class="cover-brand">Kroniek</p>
</div>
</header>`;
}

function tocMeta(story: Story, labels: Labels): string {
  const parts = [story.dateline.place.trim(), formatDay(story.publishedAt, labels)].filter((part): part is string => Boolean(part));
  return parts.length ? `<span class="toc-meta">${escapeHtml(parts.join(' · '))}</span>` : '';
}

function renderContents(ctx: Context): string {
  const { doc, labels } = ctx;
  const intro = doc.dossier.intro.trim()
    ? `<section class="intro" aria-label="${escapeHtml(labels.introduction)}"><p class="intro-label">${escapeHtml(labels.introduction)}</p>${paragraphs(doc.dossier.intro)}</section>`
    : '';
  const rows: string[] = [];
  if (exportedChronology(doc).length) {
    rows.push(
      `<li class="toc-appendix"><a href="#${CHRONOLOGY_ANCHOR}"><span class="toc-no"></span><span class="toc-entry"><span class="toc-headline">${escapeHtml(labels.chronology)}</span></span>${pageNumber(ctx, ctx.pages?.chronology, 'right')}</a></li>`,
    );
  }
  if (exportedQuotes(doc).length) {
    rows.push(
      `<li class="toc-appendix"><a href="#${QUOTES_ANCHOR}"><span class="toc-no"></span><span class="toc-entry"><span class="toc-headline">${escapeHtml(labels.quotes)}</span></span>${pageNumber(ctx, ctx.pages?.quotes, 'right')}</a></li>`,
    );
  }
  rows.push(...doc.stories.map(
    (story, index) => `<li><a href="#${storyAnchor(index)}"><span class="toc-no">${index + 1}</span><span class="toc-entry"><span class="toc-headline">${escapeHtml(story.headline)}</span>${tocMeta(story, labels)}</span>${pageNumber(ctx, ctx.pages?.stories[index], 'right')}</a></li>`,
  ));
  rows.push(
    `<li class="toc-appendix"><a href="#${SOURCES_ANCHOR}"><span class="toc-no"></span><span class="toc-entry"><span class="toc-headline">${escapeHtml(labels.sources)}</span></span>${pageNumber(ctx, ctx.pages?.sources, 'right')}</a></li>`,
  );
  const empty = doc.stories.length ? '' : `<p class="empty">${escapeHtml(labels.noStories)}</p>`;
  return `<section class="contents">
${intro}
<h2 class="section-title">${escapeHtml(labels.contents)}</h2>
${empty}
<ol class="toc">
${rows.join('\n')}
</ol>
</section>`;
}

/**
 * The approved chronology: each line's date as precise as known, its text, and the
 * stories it came from by their number in the dossier (with the page in print).
 */
function renderChronology(ctx: Context): string {
  const lines = exportedChronology(ctx.doc);
  if (!lines.length) return '';
  const { labels } = ctx;
  const rows = lines.map(({ line, stories }) => {
    const refs = stories
      .map((k) => {
        const page = ctx.print && ctx.pages ? ` (${escapeHtml(labels.page)} ${ctx.pages.stories[k]})` : '';
        return `<a href="#${storyAnchor(k)}">${k + 1}</a>${page}`;
      })
      .join(', ');
    return `<li><span class="chr-date">${escapeHtml(formatPeriod(line.date, labels))}</span><span class="chr-text">${escapeHtml(line.summary)}${refs ? ` <span class="chr-src">→ ${refs}</span>` : ''}</span></li>`;
  });
  return `<section class="chronology" id="${CHRONOLOGY_ANCHOR}">
<h2 class="section-title">${escapeHtml(labels.chronology)}</h2>
<ol class="chronology-lines">
${rows.join('\n')}
</ol>
</section>`;
}

/** The quotes the editor added: each quote's words, attributed, and the number of its story in the dossier (with the page in print). */
function renderQuotes(ctx: Context): string {
  const quotes = exportedQuotes(ctx.doc);
  if (!quotes.length) return '';
  const { labels } = ctx;
  const rows = quotes.map(({ quote, story }) => {
    const page = story !== null && ctx.print && ctx.pages ? ` (${escapeHtml(labels.page)} ${ctx.pages.stories[story]})` : '';
    const ref = story !== null ? ` <span class="chr-src">→ <a href="#${storyAnchor(story)}">${story + 1}</a>${page}</span>` : '';
    const cls = quote.speaker ? quote.kind : `${quote.kind} unattributed`;
    return `<li class="${cls}"><blockquote>${escapeHtml(quoteWords(quote, labels))}</blockquote><p class="quote-by">— ${escapeHtml(quoteAttribution(quote, labels))}${ref}</p></li>`;
  });
  return `<section class="quotes" id="${QUOTES_ANCHOR}">
<h2 class="section-title">${escapeHtml(labels.quotes)}</h2>
<ol class="quote-list">
${rows.join('\n')}
</ol>
</section>`;
}

function renderBody(blocks: BodyBlock[], datelineText: string): string {
  let leadDone = false;
  return blocks
    .map((block) => {
      const text = block.text.trim();
      if (!text) return '';
      if (block.type === 'heading') return `<h3>${escapeHtml(text)}</h3>`;
      if (leadDone) return `<p>${escapeHtml(text)}</p>`;
      leadDone = true;
      // The wire's run-in dateline opens the lead, as in the paper.
      const runIn = datelineText ? `<span class="dateline">${escapeHtml(datelineText)}</span> – ` : '';
      return `<p class="lead">${runIn}${escapeHtml(text)}</p>`;
    })
    .join('\n');
}

function renderReferences(refs: StoryReferences, ctx: Context): string {
  const { doc, labels } = ctx;
  const note = (text: string) => (text.trim() ? ` <span class="ref-note">(${escapeHtml(text.trim())})</span>` : '');
  const parts: string[] = [];
  if (refs.inside.length) {
    const items = refs.inside.map((ref) => {
      const target = doc.stories[ref.index]!;
      const page = ctx.print ? `, ${escapeHtml(labels.page)}&nbsp;${pageNumber(ctx, ctx.pages?.stories[ref.index], 'left')}` : '';
      return `<li><span class="ref-rel">${escapeHtml(labels.relation[ref.relation])}:</span> <a href="#${storyAnchor(ref.index)}">${escapeHtml(target.headline)}</a>${note(ref.note)}${page}</li>`;
    });
    parts.push(`<p class="refs-title">${escapeHtml(labels.seeAlso)}</p><ul>${items.join('')}</ul>`);
  }
  if (refs.outside.length) {
    const items = refs.outside.map((ref) => {
      const where = [ref.story.dateline.place.trim(), formatDay(ref.story.publishedAt, labels)].filter((part): part is string => Boolean(part));
      const meta = where.length ? ` <span class="ref-meta">— ${escapeHtml(where.join(', '))}</span>` : '';
      return `<li><span class="ref-rel">${escapeHtml(labels.relation[ref.relation])}:</span> <span class="ref-headline">${escapeHtml(ref.story.headline)}</span>${meta}${note(ref.note)}</li>`;
    });
    parts.push(`<p class="refs-title">${escapeHtml(labels.outside)}</p><ul>${items.join('')}</ul>`);
  }
  return parts.length ? `<footer class="refs">${parts.join('\n')}</footer>` : '';
}

function renderStory(story: Story, index: number, refs: StoryReferences, ctx: Context): string {
  const { doc, labels } = ctx;
  const anchor = storyAnchor(index);
  const meta = [
    `${escapeHtml(labels.story)} ${index + 1}/${doc.stories.length}`,
    story.section ? escapeHtml(story.section) : '',
    escapeHtml(formatDay(story.publishedAt, labels) ?? ''),
    doc.seriesNames?.[story.id] ? `<span class="story-series">${escapeHtml(labels.seriesName)}: ${escapeHtml(doc.seriesNames[story.id]!)}</span>` : '',
  ].filter(Boolean);
  // Entries and stories run in the same order; look the story up all the same, the note must not land on the wrong one.
  const entry = doc.dossier.entries[index]?.storyId === story.id ? doc.dossier.entries[index] : doc.dossier.entries.find((candidate) => candidate.storyId === story.id);
  const noteText = entry?.note ?? '';
  const note = noteText.trim()
    ? `<aside class="editor-note"><p class="editor-note-label">${escapeHtml(labels.editorNote)}</p>${paragraphs(noteText)}</aside>`
    : '';
  // The stories are Dutch wire copy whatever language the labels are in.
  return `<article class="story" id="${anchor}" lang="nl" aria-labelledby="${anchor}-title">
<header class="story-head">
<p class="story-meta">${meta.join('<span class="sep"> · </span>')}</p>
<h2 id="${anchor}-title">${escapeHtml(story.headline)}</h2>
${renderTags(story, ctx)}
</header>
${note}
${renderWithdrawn(story, ctx)}<div class="story-body">
${renderBody(story.body, formatDateline(story.dateline))}
</div>
${renderWireFacts(story, ctx)}${renderReferences(refs, ctx)}
</article>`;
}

/** The printed note on a story the agency withdrew (the editor chose to include it). */
function renderWithdrawn(story: Story, ctx: Context): string {
  const { withdrawn } = wireLines(story, ctx.labels);
  return withdrawn ? `<p class="wire-withdrawn" role="note">${escapeHtml(withdrawn)}</p>\n` : '';
}

/** Version, embargo, rights and sources of a story from a feed, under its text. */
function renderWireFacts(story: Story, ctx: Context): string {
  const { lines } = wireLines(story, ctx.labels);
  return lines.length ? `<footer class="wire-facts">${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</footer>\n` : '';
}

function renderSources(ctx: Context): string {
  const { doc, labels } = ctx;
  const rows = doc.stories.map((story, index) => {
    const agencies = story.dateline.agencies.filter((agency) => agency.trim() !== '').join(', ');
    return `<tr><td class="num">${index + 1}</td><td><span class="src-headline">${escapeHtml(story.headline)}</span><span class="src-file">${escapeHtml(story.source.fileName)}</span>${wireLines(story, labels).lines.map((line) => `<span class="src-file">${escapeHtml(line)}</span>`).join('')}</td><td class="mono">${escapeHtml(story.source.sha256.slice(0, 12))}</td><td>${escapeHtml(formatInstantDay(story.source.importedAt, labels))}</td><td>${escapeHtml(agencies || '–')}</td></tr>`;
  });
  return `<section class="sources" id="${SOURCES_ANCHOR}">
<h2 class="section-title">${escapeHtml(labels.sources)}</h2>
<table>
<thead><tr><th class="num">#</th><th>${escapeHtml(labels.sourceFile)}</th><th>${escapeHtml(labels.sha256)}</th><th>${escapeHtml(labels.imported)}</th><th>${escapeHtml(labels.agencies)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

/**
 * The headings of the document in order, as the PDF outline lists them: the
 * title (h1), then at level 2 the contents, each story (with its subheadings
 * at level 3) and the sources.
 */
export function outlineHeadings(doc: DossierDocument): string[] {
  const labels = labelsFor(doc.locale);
  const stories = doc.stories.flatMap((story) => [
    story.headline,
    ...story.body.filter((block) => block.type === 'heading' && block.text.trim()).map((block) => block.text.trim()),
  ]);
  const chronology = exportedChronology(doc).length ? [labels.chronology] : [];
  const quotes = exportedQuotes(doc).length ? [labels.quotes] : [];
  return [doc.dossier.title, labels.contents, ...chronology, ...quotes, ...stories, labels.sources];
}

/** At most `max` characters, cut at a word with an ellipsis (a running header has one line). */
function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= max) return oneLine;
  const cut = oneLine.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** The whole dossier as one self-contained HTML document. */
export function renderDossierHtml(doc: DossierDocument, options: HtmlOptions): string {
  const ctx: Context = {
    doc,
    labels: labelsFor(doc.locale),
    print: options.mode === 'print',
    pages: options.pages,
    tagsById: new Map(doc.tags.map((tag) => [tag.id, tag])),
  };
  const references = storyReferences(doc);
  const content = [renderCover(ctx), renderContents(ctx), renderChronology(ctx), renderQuotes(ctx), ...doc.stories.map((story, index) => renderStory(story, index, references[index]!, ctx)), renderSources(ctx)].join('\n');
  // Running header (dossier title) and footer (page X of Y) as @page margin boxes; the cover has none.
  const running = ctx.print
    ? runningHeaderCss(cssString(shorten(doc.dossier.title, 90)), `${cssString(ctx.labels.pageOf[0])} counter(page) ${cssString(ctx.labels.pageOf[1])} counter(pages)`)
    : '';
  return `<!DOCTYPE html>
<html lang="${doc.locale === 'en' ? 'en' : 'nl'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Kroniek">
<title>${escapeHtml(doc.dossier.title)}</title>
<style>${DOCUMENT_CSS}${running}</style>
</head>
<body class="${ctx.print ? 'mode-print' : 'mode-file'}">
${content}
</body>
</html>
`;
}
