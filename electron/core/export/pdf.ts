import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString, type PDFObject } from 'pdf-lib';
import type { PdfPrinter, PdfPrintOptions } from '../ports';
import { escapeHtml } from './escape';
import { renderDossierHtml, SOURCES_ANCHOR, storyAnchor, type PrintPageNumbers } from './html';
import { labelsFor } from './labels';
import type { DossierDocument } from './model';
import { PAGE_MARGIN } from './style';

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
// Chromium prints the running header on every page, the cover included. The
// cover is therefore printed a second time alone, without header and footer,
// and its page content replaces page 1 (same page object, so bookmarks, links
// and the tag tree that point at page 1 stay valid).

const MAX_PRINTS = 4;

export class PdfLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfLayoutError';
  }
}

/** The dossier as a finished PDF: page numbers filled in, cover without running header, metadata set. */
export async function exportDossierPdf(doc: DossierDocument, printer: PdfPrinter): Promise<Uint8Array> {
  const print = printOptions(doc);
  let pages: PrintPageNumbers | undefined;
  let pdf: Uint8Array | null = null;
  for (let attempt = 0; attempt < MAX_PRINTS; attempt++) {
    const bytes = await printer.printToPdf(renderDossierHtml(doc, { mode: 'print', pages }), print);
    const found = await findStartPages(bytes, doc.stories.length);
    if (pages && samePages(pages, found)) {
      pdf = bytes;
      break;
    }
    pages = found;
  }
  if (!pdf) throw new PdfLayoutError('The page numbers of the contents did not settle; the PDF was not written. Please report this dossier.');

  const cover = await printer.printToPdf(renderDossierHtml(doc, { mode: 'print', coverOnly: true }), {
    title: doc.dossier.title,
    outline: false,
    tagged: true,
  });
  return finishPdf(pdf, cover, doc);
}

function printOptions(doc: DossierDocument): PdfPrintOptions {
  const labels = labelsFor(doc.locale);
  const templateStyle = `<style>
    .bar { box-sizing: border-box; width: 100%; padding: 0 ${PAGE_MARGIN.right} 0 ${PAGE_MARGIN.left}; font-family: 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 7.5pt; color: #5f5f5f; -webkit-print-color-adjust: exact; }
    .row { display: flex; justify-content: space-between; align-items: baseline; gap: 6mm; }
    .head { border-bottom: 0.5pt solid #c9c4ba; padding-bottom: 1.6mm; margin-top: 9mm; }
    .foot { margin-bottom: 8mm; }
    .title { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .brand { font-family: Georgia, 'Liberation Serif', 'Times New Roman', serif; font-style: italic; color: #1b1b1b; }
  </style>`;
  // The dossier title goes in as escaped text (not Chromium's `title` class, which would be the <title> anyway).
  const headerTemplate = `${templateStyle}<div class="bar"><div class="row head"><span class="title">${escapeHtml(doc.dossier.title)}</span><span class="brand">Kroniek</span></div></div>`;
  const pageOf = labels.pageOf('<span class="pageNumber"></span>', '<span class="totalPages"></span>');
  const footerTemplate = `${templateStyle}<div class="bar"><div class="row foot"><span></span><span>${pageOf}</span></div></div>`;
  return { title: doc.dossier.title, outline: true, tagged: true, headerTemplate, footerTemplate };
}

function samePages(a: PrintPageNumbers, b: PrintPageNumbers): boolean {
  return a.sources === b.sources && a.stories.length === b.stories.length && a.stories.every((page, index) => page === b.stories[index]);
}

/** Where each story and the appendix start, from the PDF's named destinations. */
export async function findStartPages(bytes: Uint8Array, storyCount: number): Promise<PrintPageNumbers> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const destinations = namedDestinations(pdf);
  const pageOf = (anchor: string): number => {
    const page = destinations.get(anchor);
    if (page === undefined) {
      throw new PdfLayoutError(`The PDF printer did not mark where "${anchor}" starts, so the contents cannot get page numbers.`);
    }
    return page;
  };
  const stories = Array.from({ length: storyCount }, (_, index) => pageOf(storyAnchor(index)));
  return { stories, sources: pageOf(SOURCES_ANCHOR) };
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

/** Swap in the header-less cover and set the document information; everything else is kept as printed. */
async function finishPdf(printed: Uint8Array, coverOnly: Uint8Array, doc: DossierDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
  const coverPdf = await PDFDocument.load(coverOnly, { updateMetadata: false });
  if (pdf.getPageCount() > 0 && coverPdf.getPageCount() > 0) {
    const [cover] = await pdf.copyPages(coverPdf, [0]);
    const first = pdf.getPage(0);
    for (const key of ['Contents', 'Resources']) {
      const value = cover!.node.get(PDFName.of(key));
      if (value) first.node.set(PDFName.of(key), value);
    }
  }

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
  return pdf.save({ useObjectStreams: false });
}
