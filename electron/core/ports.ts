// What differs between the Electron app and plain Node (host, CLI, tests) is a
// port: a small interface the core calls, with one adapter per runtime.

/** Turns a complete, self-contained HTML document into PDF bytes with Chromium's print engine. */
export interface PdfPrinter {
  printToPdf(html: string, options: PdfPrintOptions): Promise<Uint8Array>;
}

export interface PdfPrintOptions {
  /** The document title (PDF title before metadata is set; `title` class in the templates). */
  title: string;
  /** Ask Chromium for a document outline (PDF bookmarks) from the h1–h6 headings. */
  outline: boolean;
  /**
   * Running header and footer, Chromium print templates (Playwright `page.pdf`
   * and Electron `printToPDF` take the same ones): self-contained HTML with inline
   * styles, where elements with class `pageNumber`, `totalPages`, `title` or
   * `date` are filled in per page. Printed on every page, inside the @page margins.
   * When both are absent, no header/footer is printed.
   */
  headerTemplate?: string;
  footerTemplate?: string;
  /** Tagged (accessible) PDF: Playwright `tagged`, Electron `generateTaggedPDF`. */
  tagged?: boolean;
  // Page size and margins come from the document's CSS `@page` rule
  // (adapters print with `preferCSSPageSize` and backgrounds on).
}

/** Native file dialogs (Electron only). */
export interface DialogPort {
  /** Absolute paths the editor picked, or null when cancelled. */
  pickImportPaths(options: { folders: boolean }): Promise<string[] | null>;
  /** Absolute path to save to, or null when cancelled. */
  pickSavePath(options: { defaultName: string; extensions: string[] }): Promise<string | null>;
}

/** Desktop integration (Electron only). */
export interface ShellPort {
  revealInFolder(path: string): Promise<void>;
  openPath(path: string): Promise<void>;
  openExternal(url: string): Promise<void>;
}

export interface KroniekPorts {
  printer?: PdfPrinter;
  dialogs?: DialogPort;
  shell?: ShellPort;
}
