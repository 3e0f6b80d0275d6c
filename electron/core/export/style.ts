// The dossier's typography, inline in every export (the document is
// self-contained). Calm and newspaper-like: a serif text face, a sans for
// labels, one accent colour. Font stacks name a face every platform has
// (Georgia / Helvetica / Arial on Windows and macOS; Liberation and DejaVu on
// Linux, where Liberation has the metrics of Times/Arial) so the layout is
// close everywhere and Chromium embeds whatever it picked.

export const SERIF = `Georgia, "Liberation Serif", "Times New Roman", Tinos, "DejaVu Serif", serif`;
export const SANS = `"Helvetica Neue", Helvetica, Arial, "Liberation Sans", Arimo, "DejaVu Sans", sans-serif`;
const ACCENT = '#8c1c13';
const INK = '#1b1b1b';
const MUTED = '#5f5f5f';
const RULE = '#c9c4ba';

/** Page margins; the running header and footer sit in the top and bottom ones. */
export const PAGE_MARGIN = { top: '26mm', right: '27mm', bottom: '22mm', left: '27mm' } as const;

export const DOCUMENT_CSS = `
@page { size: A4; margin: ${PAGE_MARGIN.top} ${PAGE_MARGIN.right} ${PAGE_MARGIN.bottom} ${PAGE_MARGIN.left}; }
@page cover { margin: 0; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: ${INK}; font-family: ${SERIF}; font-size: 10.75pt; line-height: 1.5; font-kerning: normal; font-variant-ligatures: common-ligatures; text-rendering: optimizeLegibility; }
a { color: inherit; text-decoration: none; }
h1, h2, h3 { font-weight: bold; break-after: avoid; page-break-after: avoid; }
p { margin: 0; orphans: 3; widows: 3; }

/* Cover */
.cover { page: cover; position: relative; height: 296.5mm; overflow: hidden; padding: 30mm 27mm 26mm; display: flex; flex-direction: column; break-after: page; page-break-after: always; }
.cover::before { content: ""; position: absolute; left: 0; top: 0; bottom: 0; width: 9mm; background: ${ACCENT}; }
.cover-top { font-family: ${SANS}; font-size: 9pt; letter-spacing: 0.22em; text-transform: uppercase; color: ${ACCENT}; font-weight: bold; border-bottom: 1.5pt solid ${INK}; padding-bottom: 3mm; }
.cover-main { margin-top: 52mm; flex: 1 1 auto; min-height: 0; overflow: hidden; }
.cover-title { font-size: 34pt; line-height: 1.12; margin: 0; letter-spacing: -0.01em; overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 6; overflow: hidden; }
.cover-subtitle { margin-top: 7mm; font-size: 16pt; line-height: 1.3; font-style: italic; color: ${MUTED}; overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 4; overflow: hidden; }
.cover-meta { border-top: 0.75pt solid ${RULE}; padding-top: 4mm; font-family: ${SANS}; font-size: 9.5pt; color: ${MUTED}; display: flex; gap: 8mm; align-items: baseline; }
.cover-meta-label { text-transform: uppercase; letter-spacing: 0.08em; font-size: 7.5pt; margin-right: 1.5mm; }
.cover-brand { margin-left: auto !important; font-family: ${SERIF}; font-style: italic; color: ${INK}; font-size: 11pt; }

/* Section titles (contents, sources) */
/* Not text-transformed: Chromium takes bookmark titles from the rendered text. */
.section-title { font-family: ${SERIF}; font-size: 20pt; line-height: 1.2; font-weight: bold; margin: 0 0 5mm; padding: 2.5mm 0 2.5mm; border-top: 1.5pt solid ${INK}; border-bottom: 0.5pt solid ${RULE}; }

/* Introduction and contents */
.contents { break-after: page; page-break-after: always; }
.intro { font-size: 12pt; line-height: 1.55; margin-bottom: 12mm; }
.intro p + p { margin-top: 0.7em; }
.intro .intro-label { font-family: ${SANS}; font-size: 7.5pt; letter-spacing: 0.14em; text-transform: uppercase; font-weight: bold; color: ${ACCENT}; margin-bottom: 2mm; }
.intro .intro-label + p { margin-top: 0; }
.toc { list-style: none; margin: 0; padding: 0; }
.toc li { break-inside: avoid; page-break-inside: avoid; border-bottom: 0.5pt solid ${RULE}; }
.toc a { display: flex; align-items: baseline; gap: 4mm; padding: 2.6mm 0; }
.toc-no { flex: 0 0 7mm; font-family: ${SANS}; font-size: 9pt; font-weight: bold; color: ${ACCENT}; font-variant-numeric: tabular-nums; }
.toc-entry { flex: 1 1 auto; min-width: 0; }
.toc-headline { display: block; font-size: 11.5pt; line-height: 1.3; font-weight: bold; overflow-wrap: anywhere; }
.toc-meta { display: block; margin-top: 0.6mm; font-family: ${SANS}; font-size: 8pt; color: ${MUTED}; letter-spacing: 0.02em; }
.toc-appendix .toc-headline { font-weight: normal; font-style: italic; }
.empty { font-style: italic; color: ${MUTED}; margin: 4mm 0; }
/* Page numbers sit in a box of fixed width: the first print (placeholders) and the final one lay out the same. */
.pn { display: inline-block; width: 2.8em; font-family: ${SANS}; font-variant-numeric: tabular-nums; white-space: nowrap; }
.pn-right { flex: 0 0 2.8em; text-align: right; font-size: 10pt; font-weight: bold; }
.pn-left { text-align: left; }

/* Stories */
.story { break-before: page; page-break-before: always; }
.story-head { break-inside: avoid; page-break-inside: avoid; border-top: 1.5pt solid ${INK}; padding-top: 2.5mm; margin-bottom: 6mm; }
.story-meta { font-family: ${SANS}; font-size: 7.5pt; letter-spacing: 0.14em; text-transform: uppercase; color: ${ACCENT}; font-weight: bold; }
.story-meta .sep { color: ${RULE}; }
.story h2 { font-size: 23pt; line-height: 1.14; margin: 3.5mm 0 3mm; letter-spacing: -0.005em; overflow-wrap: anywhere; }
.tags { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1.5mm; }
.tags li { font-family: ${SANS}; font-size: 7.5pt; color: ${MUTED}; border: 0.5pt solid ${RULE}; border-radius: 3mm; padding: 0.4mm 2.2mm; white-space: nowrap; }
.tag-dot { display: inline-block; width: 1.8mm; height: 1.8mm; border-radius: 50%; margin-right: 1.2mm; vertical-align: 0.1mm; }
.editor-note { break-inside: avoid; page-break-inside: avoid; background: #f4f1ea; border-left: 2pt solid ${ACCENT}; padding: 3mm 4mm; margin: 0 0 6mm; font-family: ${SANS}; font-size: 9pt; line-height: 1.45; }
.editor-note-label { font-size: 7pt; letter-spacing: 0.14em; text-transform: uppercase; font-weight: bold; color: ${ACCENT}; margin-bottom: 1mm !important; }
.editor-note p + p { margin-top: 0.5em; }
.wire-withdrawn { break-inside: avoid; page-break-inside: avoid; border: 1pt solid #a3261b; color: #a3261b; padding: 2mm 3mm; margin: 0 0 5mm; font-family: ${SANS}; font-size: 9pt; font-weight: bold; }
.wire-facts { margin-top: 4mm; font-family: ${SANS}; font-size: 8pt; line-height: 1.4; color: ${MUTED}; }
.story-body p { text-indent: 1.3em; }
.story-body p.lead, .story-body h3 + p { text-indent: 0; }
.story-body p.lead { font-size: 11.5pt; }
.dateline { font-family: ${SANS}; font-size: 0.8em; font-weight: bold; letter-spacing: 0.04em; }
.story-body h3 { font-family: ${SANS}; font-size: 10.5pt; margin: 1.1em 0 0.35em; }
.refs { break-inside: avoid; page-break-inside: avoid; margin-top: 8mm; padding-top: 2.5mm; border-top: 0.75pt solid ${RULE}; font-family: ${SANS}; font-size: 8.5pt; line-height: 1.45; }
.refs-title { font-size: 7pt; letter-spacing: 0.14em; text-transform: uppercase; font-weight: bold; color: ${MUTED}; margin: 0 0 1mm !important; }
.refs ul { list-style: none; margin: 0 0 3mm; padding: 0; }
.refs li { margin: 0.8mm 0; break-inside: avoid; }
.ref-rel { color: ${MUTED}; }
.refs a, .ref-headline { font-family: ${SERIF}; font-weight: bold; font-size: 9.5pt; }
.ref-meta, .ref-note { color: ${MUTED}; }

/* Sources appendix */
.chronology { break-before: page; page-break-before: always; }
.chronology-lines { list-style: none; margin: 0; padding: 0; font-size: 10pt; line-height: 1.45; }
.chronology-lines li { display: grid; grid-template-columns: 34mm 1fr; column-gap: 4mm; padding: 1.6mm 0; border-bottom: 0.5pt solid ${RULE}; break-inside: avoid; page-break-inside: avoid; }
.chr-date { font-family: ${SANS}; font-size: 8.5pt; font-weight: bold; color: ${ACCENT}; }
.chr-src { font-family: ${SANS}; font-size: 8pt; color: ${MUTED}; white-space: nowrap; }
.chr-src a { color: inherit; }
.quotes { break-before: page; page-break-before: always; }
.quote-list { list-style: none; margin: 0; padding: 0; }
.quote-list li { padding: 2mm 0; border-bottom: 0.5pt solid ${RULE}; break-inside: avoid; page-break-inside: avoid; }
.quote-list blockquote { margin: 0; font-size: 11pt; line-height: 1.45; }
.quote-list .unattributed blockquote, .quote-list .indirect blockquote { font-style: italic; }
.quote-by { margin: 1mm 0 0; font-family: ${SANS}; font-size: 8.5pt; color: ${MUTED}; }
.sources { break-before: page; page-break-before: always; }
.sources table { width: 100%; border-collapse: collapse; font-family: ${SANS}; font-size: 8pt; line-height: 1.35; }
.sources th { text-align: left; font-size: 7pt; letter-spacing: 0.1em; text-transform: uppercase; color: ${MUTED}; border-bottom: 0.75pt solid ${INK}; padding: 1.5mm 2mm 1.5mm 0; }
.sources td { vertical-align: top; border-bottom: 0.5pt solid ${RULE}; padding: 1.8mm 2mm 1.8mm 0; overflow-wrap: anywhere; }
.sources tr { break-inside: avoid; page-break-inside: avoid; }
.sources .num { width: 6mm; color: ${ACCENT}; font-weight: bold; }
.src-headline { display: block; font-family: ${SERIF}; font-size: 9pt; font-weight: bold; color: ${INK}; }
.src-file { display: block; color: ${MUTED}; }
.sources td.mono { white-space: nowrap; overflow-wrap: normal; }
.mono { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 7.5pt; }

/* A document to read on screen (HTML export) */
@media screen {
  body.mode-file { background: #f3f1ec; padding: 24px 16px 64px; }
  .mode-file .cover, .mode-file .contents, .mode-file .chronology, .mode-file .quotes, .mode-file .story, .mode-file .sources { max-width: 46em; margin: 0 auto 24px; background: #fff; padding: 40px 56px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  .mode-file .cover { height: auto; min-height: 0; }
  .mode-file .cover::before { width: 8px; }
  .mode-file .cover-main { margin-top: 48px; margin-bottom: 48px; }
  .mode-file .toc a:hover .toc-headline, .mode-file .refs a:hover { color: ${ACCENT}; }
  .mode-file .refs a { text-decoration: underline; text-decoration-color: ${RULE}; }
}
@media screen and (max-width: 640px) {
  .mode-file .cover, .mode-file .contents, .mode-file .chronology, .mode-file .quotes, .mode-file .story, .mode-file .sources { padding: 24px 20px; }
}
@media print {
  .mode-file .cover { height: auto; min-height: 240mm; }
}
`;

/**
 * The running header and footer as CSS margin boxes (Chromium 131+; Electron 41
 * has it). Chromium's own header/footer templates would also print on the cover
 * and cost a template render per page (twice the print time of a 400-page
 * dossier); margin boxes follow the named `cover` page and print with the page.
 * `title` and the counter expression are ready-made CSS values (see cssString).
 */
export function runningHeaderCss(title: string, pageOf: string): string {
  const small = `font-family: ${SANS}; font-size: 7.5pt; color: ${MUTED};`;
  return `
@page {
  @top-left { content: ${title}; ${small} vertical-align: bottom; padding-bottom: 7mm; }
  @top-right { content: "Kroniek"; font-family: ${SERIF}; font-style: italic; font-size: 8.5pt; color: ${INK}; vertical-align: bottom; padding-bottom: 7mm; }
  @bottom-right { content: ${pageOf}; ${small} vertical-align: top; padding-top: 6mm; }
}
@page cover {
  @top-left { content: none; }
  @top-right { content: none; }
  @bottom-right { content: none; }
}
`;
}
