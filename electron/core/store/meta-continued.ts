import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LibraryNotice } from '../../../shared/types';
import { applyOpsInPlace, EDIT_LOG_FILE, EDIT_LOG_FIELD, generationOf, type ReadLog } from './edit-log';
import { type MetaDoc } from './meta';
import { checkMeta } from './meta-shape';
import { keepDamagedCopy, loadMeta, META_FILE, type LoadedMeta } from './meta-file';

/** The document as the library holds it: library.json continued by its edit log. */
export interface ContinuedMeta {
  meta: MetaDoc;
  notices: LibraryNotice[];
  /** The log generation the document on disk has (the next full write takes the one after). */
  generation: number;
  /** Where the log is continued (its valid bytes); null when it must be started anew. */
  resumeAt: number | null;
  /** Set when the document must be written whole now (the log is damaged or belongs to another document). */
  needsWrite: boolean;
  /** Bytes of library.json. */
  documentBytes: number;
}

/**
 * Continues the loaded document with the edit log read before it (see edit-log.ts). The log's
 * edits apply only to the document generation they continue; a log of an older generation is
 * already in the document. Edits that cannot be applied (a damaged line, a log newer than the
 * document, edits that would make the document invalid) are kept in a copy of the log, and the
 * editor is told how many were lost.
 */
export async function continueWithLog(dir: string, loaded: LoadedMeta, log: ReadLog): Promise<ContinuedMeta> {
  const doc = loaded.meta as unknown as Record<string, unknown>;
  const documentGeneration = generationOf(doc);
  delete doc[EDIT_LOG_FIELD];
  const documentBytes = (await fs.lstat(path.join(dir, META_FILE)).catch(() => null))?.size ?? 0;
  const base = { meta: loaded.meta, notices: [] as LibraryNotice[], documentBytes };
  const generation = Math.max(documentGeneration, log.generation ?? 0);
  // A damaged library.json: the log's document is gone (a restored backup says what was lost).
  if (loaded.readOnly || loaded.created || loaded.restored) {
    if (loaded.restored && log.edits.length) await keepLog(dir);
    return { ...base, generation, resumeAt: null, needsWrite: false };
  }
  if (log.generation === null) {
    // No log, or one whose first line is damaged.
    const notices = log.lost > 0 ? [await lostNotice(dir, log.lost)] : [];
    return { ...base, notices, generation, resumeAt: null, needsWrite: log.lost > 0 };
  }
  if (log.generation < documentGeneration) return { ...base, generation, resumeAt: null, needsWrite: false };
  if (log.generation > documentGeneration) {
    // library.json is older than its log (put back by hand?): the edits do not apply to it.
    const lost = log.edits.length + log.lost;
    return { ...base, notices: lost ? [await lostNotice(dir, lost)] : [], generation, resumeAt: null, needsWrite: true };
  }
  if (log.edits.length === 0 && log.lost === 0) return { ...base, generation, resumeAt: log.validBytes, needsWrite: false };
  for (const ops of log.edits) applyOpsInPlace(doc, ops);
  if (!checkMeta(doc).ok) {
    // Logged edits that do not make a valid document: the document as written whole, and the log kept.
    const reread = await loadMeta(dir);
    const fresh = reread.meta as unknown as Record<string, unknown>;
    delete fresh[EDIT_LOG_FIELD];
    return { ...base, meta: reread.meta, notices: [await lostNotice(dir, log.edits.length + log.lost)], generation, resumeAt: null, needsWrite: true };
  }
  if (log.lost > 0) return { ...base, notices: [await lostNotice(dir, log.lost)], generation, resumeAt: null, needsWrite: true };
  return { ...base, generation, resumeAt: log.validBytes, needsWrite: false };
}

async function keepLog(dir: string): Promise<string> {
  return path.basename(await keepDamagedCopy(path.join(dir, EDIT_LOG_FILE)));
}

async function lostNotice(dir: string, lost: number): Promise<LibraryNotice> {
  return { code: 'edits-damaged', lost, keptAs: await keepLog(dir) };
}
