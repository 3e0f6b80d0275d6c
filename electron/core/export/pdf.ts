import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import type { PdfPrinter, PdfPrintOptions } from '../ports';
import { QUOTES_ANCHOR, CHRONOLOGY_ANCHOR, outlineHeadings, renderDossierHtml, SOURCES_ANCHOR, storyAnchor, type PrintPageNumbers } from './html';
import { labelsFor } from './labels';
import type { DossierDocument } from './model';
import { dossierTextChars, PDF_LIMITS, PdfCancelledError, PdfLimitError, type PdfLimits, type PdfProgress } from './pdf-limits';

// Dossier → PDF through the printer port (Chromium's print engine in Electron
// and in Node).
//
// Page numbers in the contents and the cross-references come from a two-pass
// print. Why not CSS paged media (target-counter) through pagedjs: it needs
// scripts in the document, and the document must have none. Why not text
// extraction: Chromium subsets fonts and writes glyph ids, so reading text
// back means a CMap-aware extractor, and headlines can repeat. Instead we read
// what Chromium already writes: every element that an internal link points to
// becomes a named destination (`/Dests`: anchor → [page ref, …]). Each story
// and the appendix are link targets of the contents, so after a first print
// with page numbers left blank in fixed-width boxes, the destinations say where
// everything starts; the second print fills them in. The boxes keep the layout
// identical, and the second print's destinations are checked against the
// numbers printed; should they ever differ (a font falling back differently),
// it prints again with the new numbers.
//
// The running header and footer are CSS margin boxes in the document (see
// style.ts), so the cover has none and the printer needs no templates.

const MAX_PRINTS = 4;

export class PdfLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfLayoutError';
  }
}

export interface PdfExportOptions {
  /** Cancels the export (the print under way is torn down); it then rejects with PdfCancelledError. */
  signal?: AbortSignal;
  /** Lower limits than PDF_LIMITS (tests; never higher). */
  limits?: Partial<PdfLimits>;
  /** Called as each print pass starts and ends. */
  onProgress?: (progress: PdfProgress) => void;
  now?: () => number;
}

/**
 * The dossier as a finished PDF: page numbers filled in, bookmarks, metadata set.
 * Bounded (see PDF_LIMITS): too much text is refused before printing, each pass gets
 * only the time left, and a document over the page limit is not finished; each
 * rejects with a PdfLimitError. A fired `signal` rejects with PdfCancelledError.
 */
export async function exportDossierPdf(doc: DossierDocument, printer: PdfPrinter, options: PdfExportOptions = {}): Promise<Uint8Array> {
  const limits: PdfLimits = {
    pages: Math.min(PDF_LIMITS.pages, options.limits?.pages ?? Infinity),
    timeMs: Math.min(PDF_LIMITS.timeMs, options.limits?.timeMs ?? Infinity),
    textChars: Math.min(PDF_LIMITS.textChars, options.limits?.textChars ?? Infinity),
  };
  const now = options.now ?? Date.now;
  const deadline = now() + limits.timeMs;
  const chars = dossierTextChars(doc);
  if (chars > limits.textChars) throw new PdfLimitError('size', limits.textChars, chars);
  const { signal } = options;
  const final: PdfPrintOptions = { title: doc.dossier.title, outline: true, tagged: true };
  // Tags and outline do not move anything on the page, so the first print
  // (only read for its destinations) leaves them out: it is much faster.
  const measuring: PdfPrintOptions = { title: doc.dossier.title, outline: false, tagged: false };
  let pages: PrintPageNumbers | undefined;
  let printed: number | null = null;
  for (let attempt = 0; attempt < MAX_PRINTS; attempt++) {
    if (signal?.aborted) throw new PdfCancelledError();
    const timeoutMs = deadline - now();
    if (timeoutMs <= 0) throw new PdfLimitError('time', limits.timeMs, null);
    options.onProgress?.({ pass: attempt + 1, pages: printed });
    const bytes = await printer
      .printToPdf(renderDossierHtml(doc, { mode: 'print', pages }), { ...(pages ? final : measuring), signal, timeoutMs })
      .catch((error: unknown) => {
        if (signal?.aborted) throw new PdfCancelledError();
        if (error instanceof PdfLimitError && error.kind === 'time') throw new PdfLimitError('time', limits.timeMs, null);
        throw error;
      });
    if (signal?.aborted) throw new PdfCancelledError();
    // Parsed once: read for page numbers and, when they hold, finished and saved.
    // pdf-lib yields to the event loop every 100 objects by default; a 400-page
    // dossier has tens of thousands, so that alone would cost a second.
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    printed = pdf.getPageCount();
    options.onProgress?.({ pass: attempt + 1, pages: printed });
    if (printed > limits.pages) throw new PdfLimitError('pages', limits.pages, printed);
    const found = startPages(pdf, doc.stories.length);
    if (pages && samePages(pages, found)) {
      const finished = await finishPdf(pdf, doc);
      // A cancel that came in while the document was finished still counts.
      if (signal?.aborted) throw new PdfCancelledError();
      return finished;
    }
    pages = found;
  }
  throw new PdfLayoutError('The page numbers of the contents did not settle, so the PDF was not made. Please report this dossier.');
}

function samePages(a: PrintPageNumbers, b: PrintPageNumbers): boolean {
  return a.sources === b.sources && a.chronology === b.chronology && a.quotes === b.quotes && a.stories.length === b.stories.length && a.stories.every((page, index) => page === b.stories[index]);
}

/** Where each story and the appendix start, from the PDF's named destinations. */
export function startPages(pdf: PDFDocument, storyCount: number): PrintPageNumbers {
  const destinations = namedDestinations(pdf);
  const pageOf = (anchor: string): number => {
    const page = destinations.get(anchor);
    if (page === undefined) {
      throw new PdfLayoutError(`The PDF printer did not mark where "${anchor}" starts, so the contents cannot get page numbers.`);
    }
    return page;
  };
  const stories = Array.from({ length: storyCount }, (_, index) => pageOf(storyAnchor(index)));
  const chronology = destinations.get(CHRONOLOGY_ANCHOR);
  const quotes = destinations.get(QUOTES_ANCHOR);
  return { stories, sources: pageOf(SOURCES_ANCHOR), ...(chronology !== undefined ? { chronology } : {}), ...(quotes !== undefined ? { quotes } : {}) };
}

/** Named destination → 1-based page number, from the catalog's `/Dests` dictionary and the `/Names` tree. */
export function namedDestinations(pdf: PDFDocument): Map<string, number> {
  const pageNumberByRef = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const result = new Map<string, number>();
  const context = pdf.context;

  const pageOfDestination = (value: PDFObject | undefined): number | undefined => {
    let destination = value instanceof PDFRef ? context.lookup(value) : value;
    if (destination instanceof PDFDict) destination = destination.lookup(PDFName.of('D'));
    if (!(destination instanceof PDFArray) || destination.size() === 0) return undefined;
    const page = destination.get(0);
    return page instanceof PDFRef ? pageNumberByRef.get(page.toString()) : undefined;
  };
  const nameOf = (key: PDFObject): string | undefined => {
    if (key instanceof PDFName) return decodeName(key.asString());
    if (key instanceof PDFString || key instanceof PDFHexString) return key.decodeText();
    return undefined;
  };

  const dests = pdf.catalog.lookup(PDFName.of('Dests'));
  if (dests instanceof PDFDict) {
    for (const [key, value] of dests.entries()) {
      const name = nameOf(key);
      const page = pageOfDestination(value);
      if (name !== undefined && page !== undefined) result.set(name, page);
    }
  }

  // PDF 1.2+: a name tree (`/Names` → `/Dests`), leaves hold [name, dest, name, dest, …].
  const names = pdf.catalog.lookup(PDFName.of('Names'));
  const tree = names instanceof PDFDict ? names.lookup(PDFName.of('Dests')) : undefined;
  const seen = new Set<PDFObject>();
  const walk = (node: PDFObject | undefined): void => {
    if (!(node instanceof PDFDict) || seen.has(node)) return;
    seen.add(node);
    const leaf = node.lookup(PDFName.of('Names'));
    if (leaf instanceof PDFArray) {
      for (let i = 0; i + 1 < leaf.size(); i += 2) {
        const name = nameOf(leaf.lookup(i)!);
        const page = pageOfDestination(leaf.get(i + 1));
        if (name !== undefined && page !== undefined) result.set(name, page);
      }
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) walk(kids.lookup(i));
  };
  walk(tree);
  return result;
}

/** `/story#2D1` → `story-1` (PDF name escapes). */
function decodeName(raw: string): string {
  return raw.replace(/^\//, '').replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Sets the document information; everything else stays as Chromium printed it (outline, links, tags, fonts). */
async function finishPdf(pdf: PDFDocument, doc: DossierDocument): Promise<Uint8Array> {
  exactOutlineTitles(pdf, outlineHeadings(doc));
  const labels = labelsFor(doc.locale);
  const { dossier } = doc;
  const subject = dossier.subtitle.trim() || `${labels.dossier}: ${labels.storyCount(doc.stories.length)}`;
  const exported = new Date(doc.exportedAt);
  const when = Number.isNaN(exported.getTime()) ? new Date() : exported;
  pdf.setTitle(dossier.title, { showInWindowTitleBar: true });
  pdf.setAuthor('Kroniek');
  pdf.setSubject(subject);
  pdf.setKeywords([...new Set(doc.tags.map((tag) => tag.name))]);
  pdf.setCreator('Kroniek');
  pdf.setProducer('Kroniek (Chromium print engine, pdf-lib)');
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);
  pdf.setLanguage(doc.locale === 'en' ? 'en' : 'nl');
  return pdf.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

/** Outline items depth first, which is document order. */
function outlineItems(pdf: PDFDocument): PDFDict[] {
  const items: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const walk = (first: PDFObject | undefined): void => {
    for (let node = first; node instanceof PDFDict && !seen.has(node); node = node.lookup(PDFName.of('Next'))) {
      seen.add(node);
      items.push(node);
      walk(node.lookup(PDFName.of('First')));
    }
  };
  const root = pdf.catalog.lookup(PDFName.of('Outlines'));
  if (root instanceof PDFDict) walk(root.lookup(PDFName.of('First')));
  return items;
}

/**
 * Chromium builds bookmark titles from the rendered lines and drops the space
 * where a heading wraps ("een jaardiplomatie"). The headings are known, in
 * order, so each bookmark gets its heading's exact text — but only when the
 * outline is the one expected (same count, same letters), else it is left alone.
 */
function exactOutlineTitles(pdf: PDFDocument, headings: string[]): void {
  const items = outlineItems(pdf);
  if (items.length !== headings.length) return;
  const letters = (text: string) => text.normalize('NFC').replace(/[\s\u00ad-]+/g, '').toLocaleLowerCase('nl');
  const titles = items.map((item) => {
    const title = item.lookup(PDFName.of('Title'));
    return title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '';
  });
  if (!titles.every((title, index) => letters(title) === letters(headings[index]!))) return;
  items.forEach((item, index) => item.set(PDFName.of('Title'), PDFHexString.fromText(headings[index]!.replace(/\s+/g, ' ').trim())));
}
