import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from '../../../../shared/contract/envelope';
import { ARCHIVE_TOO_LARGE, ARCHIVE_UPLOAD_BYTES, backupNameSchema } from '../../../../shared/contract/backups';
import { listBackups, readBackup, writeBackup } from '../../store/backups';
import { cannotWrite } from '../../store/durable-file';
import { exportLibraryArchive, importLibraryArchive, importLibraryArchiveText, libraryArchiveBytes } from '../../store/library-archive';
import type { PartialHandlers } from '../../service/registry';
import { libraryStatus } from '../library/handlers';

type MaintenanceMethod =
  | 'backups.list'
  | 'backups.restore'
  | 'library.exportArchiveToFile'
  | 'library.exportArchiveToPath'
  | 'library.importArchiveFromPath'
  | 'library.exportArchive'
  | 'library.importArchiveWithDialog'
  | 'library.importArchive';

function requireAbsolute(given: string): string {
  if (!path.isAbsolute(given)) throw new ServiceError('invalid-input', `Give the library archive as an absolute path, not "${given}".`);
  return path.resolve(given);
}

const archiveName = () => `kroniek-library-${new Date().toISOString().slice(0, 10)}.json`;

export const backupHandlers: PartialHandlers<MaintenanceMethod> = {
  'backups.list': (_input, ctx) => listBackups(ctx.store.dataDir),

  'backups.restore': async (input, ctx) => {
    const name = backupNameSchema.parse(input.name);
    const restored = await readBackup(ctx.store.dataDir, name);
    if (!restored) throw new ServiceError('not-found', `The backup ${name} is missing or damaged; pick another one.`, { code: 'backup.unusable', name });
    // The current state is backed up first, so a restore can itself be reversed.
    await writeBackup(ctx.store.dataDir, ctx.store.meta);
    await ctx.store.update(null, (meta) => ({ ...restored, segments: meta.segments }));
    return libraryStatus(ctx);
  },

  'library.exportArchiveToFile': async (input, ctx) => {
    if (!ctx.ports.dialogs) throw new ServiceError('unsupported', 'Saving the whole library is available in the desktop app and with the CLI (`kroniek export-library --out FILE`).');
    const target = await ctx.ports.dialogs.pickSavePath({ defaultName: archiveName(), extensions: ['json'] });
    if (!target) return null;
    const { stories, leftOut } = await exportLibraryArchive(ctx.store, path.resolve(target), new Date(), input);
    return { path: path.resolve(target), stories, ...(leftOut ? { leftOut } : {}) };
  },

  'library.exportArchiveToPath': async (input, ctx) => {
    const target = requireAbsolute(input.path);
    // A new file only: an archive never replaces a file (or folder) that is there.
    const existing = await stat(target).catch(() => null);
    if (existing?.isDirectory()) throw new ServiceError('conflict', `${target} is a folder; name a file.`, cannotWrite(target, 'isFolder'));
    if (existing) throw new ServiceError('conflict', `${target} already exists; choose a new file name.`, cannotWrite(target, 'exists'));
    const folder = await stat(path.dirname(target)).catch(() => null);
    if (!folder?.isDirectory()) throw new ServiceError('not-found', `There is no folder ${path.dirname(target)} to write ${path.basename(target)} in.`, cannotWrite(target, 'noFolder'));
    const { stories, leftOut } = await exportLibraryArchive(ctx.store, target, new Date(), input).catch((error: NodeJS.ErrnoException) => {
      // The disk refused (no room, no permission): said as such, nothing left behind (the temp file is removed).
      if (typeof error.code === 'string' && error.syscall) throw new ServiceError('conflict', `Could not write ${target} (${error.code}).`, cannotWrite(target, null, error.code));
      throw error;
    });
    return { path: target, stories, ...(leftOut ? { leftOut } : {}) };
  },

  'library.importArchiveFromPath': (input, ctx) => importLibraryArchive(ctx.store, requireAbsolute(input.path)),

  'library.exportArchive': async (input, ctx) => {
    const { bytes, stories, leftOut } = await libraryArchiveBytes(ctx.store, undefined, new Date(), input);
    return { fileName: archiveName(), mimeType: 'application/json', base64: bytes.toString('base64'), stories, ...(leftOut ? { leftOut } : {}) };
  },

  'library.importArchiveWithDialog': async (_input, ctx) => {
    if (!ctx.ports.dialogs) throw new ServiceError('unsupported', 'The open dialog is only available in the desktop app; in the browser, choose the archive file with “Import library archive…”.');
    const file = await ctx.ports.dialogs.pickOpenFile({ title: 'library-archive', extensions: ['json'] });
    if (!file) return null;
    return importLibraryArchive(ctx.store, path.resolve(file));
  },

  'library.importArchive': async (input, ctx) => {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.base64)) throw new ServiceError('invalid-input', `The contents of ${input.name} are not valid base64.`);
    const bytes = Buffer.from(input.base64, 'base64');
    // The schema caps the base64 text; this is the same cap on the bytes it carries.
    if (bytes.length > ARCHIVE_UPLOAD_BYTES) throw new ServiceError('too-large', ARCHIVE_TOO_LARGE);
    return importLibraryArchiveText(ctx.store, bytes.toString('utf8'), path.basename(input.name));
  },
};
