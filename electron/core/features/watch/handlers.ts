import { ServiceError } from '../../../../shared/contract/envelope';
import type { PartialHandlers } from '../../service/registry';

type WatchMethod = 'watch.folders' | 'watch.log' | 'watch.addWithDialog' | 'watch.add' | 'watch.remove' | 'watch.setMoveImported';

export const watchHandlers: PartialHandlers<WatchMethod> = {
  'watch.folders': (_input, ctx) => ctx.watch.folders(),

  'watch.log': (input, ctx) => ({ entries: ctx.watch.log(input.after) }),

  'watch.addWithDialog': async (input, ctx) => {
    if (!ctx.ports.dialogs) throw new ServiceError('unsupported', 'Choosing a folder needs the desktop app; start the host with --watch DIR or use `kroniek watch DIR`.');
    const picked = await ctx.ports.dialogs.pickImportPaths({ folders: true });
    const folder = picked?.[0];
    if (!folder) return null;
    return ctx.watch.add(folder, { moveImported: input.moveImported, persist: true });
  },

  'watch.add': (input, ctx) => ctx.watch.add(input.path, { moveImported: input.moveImported, persist: input.persist }),

  'watch.remove': (input, ctx) => ctx.watch.remove(input.id),

  'watch.setMoveImported': (input, ctx) => ctx.watch.setMoveImported(input.id, input.moveImported),
};
