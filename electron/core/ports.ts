// What differs between the Electron app and plain Node (host, CLI, tests) is a
// port: a small interface the core calls, with one adapter per runtime.

/** Turns a complete, self-contained HTML document into PDF bytes with Chromium's print engine. */
export interface PdfPrinter {
  printToPdf(html: string, options: PdfPrintOptions): Promise<Uint8Array>;
}

export interface PdfPrintOptions {
  /** Page header/footer text (the dossier title); Chromium prints it in the running header. */
  title: string;
  /** Ask Chromium for a document outline (PDF bookmarks) from the h1–h6 headings. */
  outline: boolean;
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
