import path from 'node:path';
import { ServiceError } from '../../../shared/contract/envelope';
import { backupNameSchema } from '../../../shared/contract/maintenance';
import { listBackups, readBackup, writeBackup } from '../store/backups';
import { exportLibraryArchive } from '../store/library-archive';
import type { PartialHandlers } from './registry';
import { libraryStatus } from './library';

export const maintenanceHandlers: PartialHandlers<'backups.list' | 'backups.restore' | 'library.exportArchiveToFile'> = {
  'backups.list': (_input, ctx) => listBackups(ctx.store.dataDir),

  'backups.restore': async (input, ctx) => {
    const name = backupNameSchema.parse(input.name);
    const restored = await readBackup(ctx.store.dataDir, name);
    if (!restored) throw new ServiceError('not-found', `The backup ${name} is missing or damaged; pick another one.`);
    // The current state is backed up first, so a restore can itself be reversed.
    await writeBackup(ctx.store.dataDir, ctx.store.meta);
    await ctx.store.update(null, (meta) => ({ ...restored, segments: meta.segments }));
    return libraryStatus(ctx);
  },

  'library.exportArchiveToFile': async (_input, ctx) => {
    if (!ctx.ports.dialogs) throw new ServiceError('unsupported', 'Saving the whole library is available in the desktop app and with the CLI (`kroniek export-library --out FILE`).');
    const stamp = new Date().toISOString().slice(0, 10);
    const target = await ctx.ports.dialogs.pickSavePath({ defaultName: `kroniek-library-${stamp}.json`, extensions: ['json'] });
    if (!target) return null;
    const { stories } = await exportLibraryArchive(ctx.store, path.resolve(target));
    return { path: path.resolve(target), stories };
  },
};
