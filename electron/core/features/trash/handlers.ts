import { ServiceError } from '../../../../shared/contract/envelope';
import type { StorySummary } from '../../../../shared/types';
import type { PartialHandlers } from '../../service/registry';
import type { ServiceContext } from '../../service/context';
import { purge, restore } from './ops';

type TrashMethod = 'trash.list' | 'trash.restore' | 'trash.empty';

/** Ids in the Trash (deleted, not purged, still stored), most recently deleted first. */
function trashIds(ctx: ServiceContext): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  const deleted = ctx.store.meta.deleted;
  for (let index = deleted.length - 1; index >= 0; index--) {
    const id = deleted[index]!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (ctx.store.trashedHead(id)) ids.push(id);
  }
  return ids;
}

export const trashHandlers: PartialHandlers<TrashMethod> = {
  'trash.list': (_input, ctx) => {
    const items: StorySummary[] = [];
    for (const id of trashIds(ctx)) items.push(ctx.store.toSummary(ctx.store.trashedHead(id)!));
    return { total: items.length, items };
  },

  'trash.restore': async (input, ctx) => {
    const ids = [...new Set(input.ids)].filter((id) => ctx.store.trashedHead(id));
    if (ids.length === 0) throw new ServiceError('not-found', 'None of those stories are in the Trash.', { code: 'stories.missing', count: input.ids.length });
    await ctx.store.update({ code: 'trash.restore', count: ids.length }, (meta) => restore(meta, ids));
    return { restored: ids.length };
  },

  'trash.empty': async (input, ctx) => {
    const inTrash = trashIds(ctx);
    const wanted = input.ids ? new Set(input.ids) : null;
    const ids = wanted ? inTrash.filter((id) => wanted.has(id)) : inTrash;
    if (ids.length === 0) return { purged: 0 };
    await ctx.store.update(null, (meta) => purge(meta, ids));
    return { purged: ids.length };
  },
};
