// What differs between the Electron app and plain Node (host, CLI, tests) is a
// port: a small interface the core calls, with one adapter per runtime.

/** Turns a complete, self-contained HTML document into PDF bytes with Chromium's print engine. */
export interface PdfPrinter {
  printToPdf(html: string, options: PdfPrintOptions): Promise<Uint8Array>;
}

export interface PdfPrintOptions {
  /** The document title (the PDF title until metadata is set). */
  title: string;
  /** Ask Chromium for a document outline (PDF bookmarks) from the h1–h6 headings; needs `tagged`. */
  outline: boolean;
  /** Tagged (accessible) PDF: Playwright `tagged`, Electron `generateTaggedPDF`. Defaults to `outline`. */
  tagged?: boolean;
  /**
   * Stops the print: the adapter rejects with the signal's reason and tears down what
   * printed (a hung Chromium is closed, the print window destroyed).
   */
  signal?: AbortSignal;
  /** At most this long for this print (load and print); then as if `signal` fired with a `PdfLimitError('time')`. */
  timeoutMs?: number;
  // Page size, margins, running header and footer ("page X of Y") all come from
  // the document's CSS `@page` rules (margin boxes). Adapters print with
  // `preferCSSPageSize` and backgrounds on, and WITHOUT Chromium's own
  // header/footer (`displayHeaderFooter: false`), which would cover them.
}

/** Native file dialogs (Electron only). */
export interface DialogPort {
  /** Absolute paths the editor picked, or null when cancelled. */
  pickImportPaths(options: { folders: boolean }): Promise<string[] | null>;
  /** One existing file to open (filtered to `extensions`), or null when cancelled. */
  pickOpenFile(options: { title: 'library-archive'; extensions: string[] }): Promise<string | null>;
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
