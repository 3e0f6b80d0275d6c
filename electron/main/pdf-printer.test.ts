import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PdfCancelledError, PdfLimitError } from '../core/export/pdf-limits';
import { createElectronPrinter, isAllowedPrintRequest, PRINT_PARTITION } from './pdf-printer';
import { buildWebPreferences } from './window-options';

// A stand-in for Electron's BrowserWindow and session, recording what the printer does.
const electron = vi.hoisted(() => {
  const state = {
    windows: [] as { options: unknown; destroyed: boolean; loaded: string | null; printOptions: unknown; html: string | null }[],
    blocker: null as null | ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void),
    partitions: [] as string[],
    failPrint: false,
    onLoad: null as null | ((url: string) => Promise<void>),
  };
  class BrowserWindow {
    record: (typeof state.windows)[number];
    constructor(options: unknown) {
      this.record = { options, destroyed: false, loaded: null, printOptions: null, html: null };
      state.windows.push(this.record);
    }
    webContents = {
      loadURL: async (url: string) => {
        this.record.loaded = url;
        await state.onLoad?.(url);
      },
      printToPDF: async (options: unknown) => {
        this.record.printOptions = options;
        if (state.failPrint) throw new Error('printing failed');
        return Buffer.from('%PDF-1.7 fake');
      },
    };
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  const session = {
    fromPartition(partition: string) {
      state.partitions.push(partition);
      return {
        webRequest: { onBeforeRequest: (_filter: unknown, listener: typeof state.blocker) => (state.blocker = listener) },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
        on: () => undefined,
      };
    },
  };
  return { state, BrowserWindow, session };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, session: electron.session }));

const { state } = electron;
const log = () => undefined;

beforeEach(() => {
  state.windows.length = 0;
  state.failPrint = false;
  state.onLoad = null;
});

describe('isAllowedPrintRequest', () => {
  const documentUrl = 'file:///tmp/kroniek-print-abc/document.html';
  const allowed = new Set([documentUrl]);

  it('lets the document being printed load (also with a fragment)', () => {
    expect(isAllowedPrintRequest(allowed, documentUrl)).toBe(true);
    expect(isAllowedPrintRequest(allowed, `${documentUrl}#toc`)).toBe(true);
  });

  it('cancels everything else the document could reach', () => {
    for (const url of [
      'https://tracker.example/pixel.gif',
      'http://127.0.0.1:8080/api/stories.list',
      'file:///etc/passwd',
      'file:///tmp/kroniek-print-abc/other.html',
      'file:///tmp/kroniek-print-abc/document.html?x=1',
      'app://kroniek/index.html',
      'ws://127.0.0.1/',
      'not a url',
      '',
    ]) {
      expect(isAllowedPrintRequest(allowed, url), url).toBe(false);
    }
  });

  it('allows nothing when no print is running', () => {
    expect(isAllowedPrintRequest(new Set(), documentUrl)).toBe(false);
  });
});

describe('createElectronPrinter', () => {
  it('prints in a hidden, preload-free window of its own session, then destroys it and the temp file', async () => {
    const printer = createElectronPrinter({ log });
    let cancelledAfterPrint: boolean | null = null;
    const html = '<!doctype html><title>Dossier</title><h1>Poetin in Pyongyang</h1>';
    const pdf = await printer.printToPdf(html, { title: 'Dossier', outline: true });
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake');

    expect(state.partitions).toContain(PRINT_PARTITION);
    const [window] = state.windows;
    expect(window!.options).toMatchObject({ show: false, webPreferences: buildWebPreferences({ kind: 'print', partition: PRINT_PARTITION }) });
    expect(window!.loaded).toMatch(/^file:\/\/.*document\.html$/);
    expect(window!.printOptions).toMatchObject({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
      displayHeaderFooter: false,
    });
    expect(window!.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(window!.loaded!))).toBe(false);
    // After the print, even the document's own URL is blocked again.
    state.blocker!({ url: window!.loaded! }, (response) => (cancelledAfterPrint = response.cancel));
    expect(cancelledAfterPrint).toBe(true);
  });

  it('writes the exact HTML, and lets only that document through while printing', async () => {
    const printer = createElectronPrinter({ log });
    const html = '<!doctype html><p>Kim Jong-un ontvangt Poetin — Oekraïne</p><img src="https://tracker.example/x.gif">';
    let written = '';
    const cancelled = new Map<string, boolean>();
    state.onLoad = async (url) => {
      written = await readFile(fileURLToPath(url), 'utf8');
      for (const candidate of [url, 'https://tracker.example/x.gif', 'file:///etc/passwd', 'app://kroniek/index.html']) {
        state.blocker!({ url: candidate }, (response) => cancelled.set(candidate, response.cancel));
      }
    };
    await printer.printToPdf(html, { title: 't', outline: false });
    const [window] = state.windows;
    expect(written).toBe(html);
    expect(cancelled.get(window!.loaded!)).toBe(false);
    expect(cancelled.get('https://tracker.example/x.gif')).toBe(true);
    expect(cancelled.get('file:///etc/passwd')).toBe(true);
    expect(cancelled.get('app://kroniek/index.html')).toBe(true);
    expect(window!.printOptions).toMatchObject({ generateDocumentOutline: false, generateTaggedPDF: false });
  });

  it('destroys the window and removes the temp file when printing fails', async () => {
    state.failPrint = true;
    const printer = createElectronPrinter({ log });
    await expect(printer.printToPdf('<p>x</p>', { title: 't', outline: false })).rejects.toThrow('printing failed');
    const [window] = state.windows;
    expect(window!.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(window!.loaded!))).toBe(false);
  });

  it('stops a load that hangs at the export\'s time left or on cancel, destroying the window and its temp file', async () => {
    // A document that never finishes loading.
    state.onLoad = () => new Promise(() => undefined);
    const printer = createElectronPrinter({ log });
    const late = printer.printToPdf('<p>x</p>', { title: 't', outline: false, timeoutMs: 0 });
    await expect(late).rejects.toBeInstanceOf(PdfLimitError);
    await expect(late).rejects.toMatchObject({ kind: 'time' });
    const controller = new AbortController();
    const cancelled = printer.printToPdf('<p>x</p>', { title: 't', outline: false, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(PdfCancelledError);
    for (const window of state.windows) {
      expect(window.destroyed).toBe(true);
      expect(existsSync(fileURLToPath(window.loaded!))).toBe(false);
    }
    expect(state.windows).toHaveLength(2);
  });
});
