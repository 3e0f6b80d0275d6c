import { LIMITS } from '../../../../shared/contract/define';
import type { ImportFileResult, ImportReport } from '../../../../shared/types';
import { toServiceError, type Client } from '../../client';
import { bytesToBase64 } from './base64';
import type { PickedFile } from './picked-file';

/** One `import.files` call stays far below the payload limit (64 MB): ~8 MB of bytes, ~11 MB as base64. */
export const BATCH_BYTES = 8 * 1024 * 1024;
export const BATCH_FILES = 200;

export interface LocalRejections {
  tooLarge: (limitMb: number) => string;
  unreadable: string;
}

export interface SendProgress {
  done: number;
  total: number;
}

/** Groups files into calls by size and count, keeping the editor's order. */
export function planBatches<T extends { size: number }>(files: T[], maxBytes = BATCH_BYTES, maxFiles = BATCH_FILES): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (bytes + file.size > maxBytes || current.length >= maxFiles)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function rejected(fileName: string, code: string, reason: string): ImportFileResult {
  return { fileName, status: 'rejected', code, reason, warnings: [], briefs: { imported: 0, duplicate: 0 } };
}

export function totalsOf(files: ImportFileResult[]): ImportReport['totals'] {
  const totals = { files: files.length, imported: 0, duplicate: 0, rejected: 0, briefsImported: 0, briefsDuplicate: 0 };
  for (const file of files) {
    totals[file.status] += 1;
    totals.briefsImported += file.briefs.imported;
    totals.briefsDuplicate += file.briefs.duplicate;
  }
  return totals;
}

/**
 * Sends picked/dropped files through `import.files` in batches and merges the
 * answers into one report in the editor's order. Files over the size cap, or
 * that cannot be read, are rejected here: sending them would fail the whole batch.
 */
export async function sendFiles(
  client: Client,
  files: PickedFile[],
  messages: LocalRejections,
  onProgress: (progress: SendProgress) => void = () => {},
): Promise<ImportReport> {
  const results: (ImportFileResult | undefined)[] = new Array(files.length);
  const sendable: { file: PickedFile; index: number; size: number }[] = [];
  files.forEach((file, index) => {
    if (file.size > LIMITS.fileBytes) results[index] = rejected(file.name, 'too-large', messages.tooLarge(Math.round(LIMITS.fileBytes / (1024 * 1024))));
    else sendable.push({ file, index, size: file.size });
  });
  let done = files.length - sendable.length;
  onProgress({ done, total: files.length });

  for (const batch of planBatches(sendable)) {
    const payload: { name: string; base64: string; lastModified?: number }[] = [];
    const sentIndexes: number[] = [];
    for (const item of batch) {
      try {
        const bytes = new Uint8Array(await item.file.read());
        // The size seen at pick time can differ from what is read (file changed on disk).
        if (bytes.length > LIMITS.fileBytes) {
          results[item.index] = rejected(item.file.name, 'too-large', messages.tooLarge(Math.round(LIMITS.fileBytes / (1024 * 1024))));
          continue;
        }
        payload.push({ name: item.file.name.slice(0, 1_000), base64: bytesToBase64(bytes), ...(item.file.lastModified === undefined ? {} : { lastModified: item.file.lastModified }) });
        sentIndexes.push(item.index);
      } catch {
        results[item.index] = rejected(item.file.name, 'unreadable', messages.unreadable);
      }
    }
    if (payload.length > 0) {
      try {
        const report = await client.call('import.files', { files: payload });
        // The service answers one result per file, in order; if that ever changes,
        // keep every answer anyway rather than drop any.
        if (report.files.length === sentIndexes.length) {
          report.files.forEach((result, i) => (results[sentIndexes[i]!] = result));
        } else {
          results.push(...report.files);
        }
      } catch (error) {
        // Earlier batches are already in the library: report this batch's files as
        // not imported, with the service's reason, and go on with the rest.
        const failure = toServiceError(error);
        for (const index of sentIndexes) results[index] = rejected(files[index]!.name, failure.code, failure.message);
      }
    }
    done += batch.length;
    onProgress({ done, total: files.length });
  }
  const merged = results.filter((r): r is ImportFileResult => r !== undefined);
  return { files: merged, totals: totalsOf(merged) };
}
