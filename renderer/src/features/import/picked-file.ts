/** A file the editor picked or dropped, read lazily (only when its batch is sent). */
export interface PickedFile {
  /** File name, or path relative to a dropped folder. */
  name: string;
  size: number;
  /** When the file was last written (ms), i.e. when its page was captured; briefs' dates are estimated from it. */
  lastModified?: number;
  read(): Promise<ArrayBuffer>;
}

function readBlob(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(blob);
  });
}

export function fromFile(file: File, name = file.webkitRelativePath || file.name): PickedFile {
  const picked: PickedFile = { name, size: file.size, read: () => readBlob(file) };
  if (Number.isSafeInteger(file.lastModified) && file.lastModified > 0) picked.lastModified = file.lastModified;
  return picked;
}

const isTxt = (name: string) => name.toLowerCase().endsWith('.txt');

/**
 * Files from a drop. Plain files are taken as given (the importer judges them);
 * dropped folders are walked recursively for `.txt` files, like a folder import
 * in the desktop app.
 */
export async function filesFromDataTransfer(data: DataTransfer): Promise<PickedFile[]> {
  const items = Array.from(data.items ?? []).filter((item) => item.kind === 'file');
  const entries = items.map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((entry) => entry === null)) {
    return Array.from(data.files ?? []).map((file) => fromFile(file));
  }
  const out: PickedFile[] = [];
  for (const entry of entries) {
    if (!entry) continue;
    if (entry.isFile) out.push(fromFile(await entryFile(entry as FileSystemFileEntry), entry.name));
    else if (entry.isDirectory) await walkDirectory(entry as FileSystemDirectoryEntry, entry.name, out);
  }
  return out;
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries returns at most ~100 entries per call; keep going until empty.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walkDirectory(dir: FileSystemDirectoryEntry, prefix: string, out: PickedFile[]): Promise<void> {
  const entries = await readAllEntries(dir);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = `${prefix}/${entry.name}`;
    if (entry.isDirectory) await walkDirectory(entry as FileSystemDirectoryEntry, path, out);
    else if (entry.isFile && isTxt(entry.name)) out.push(fromFile(await entryFile(entry as FileSystemFileEntry), path));
  }
}
