import type { PartialHandlers } from '../../service/registry';

type SyncMethod = 'sync.status' | 'sync.connect' | 'sync.disconnect' | 'sync.conflicts' | 'sync.resolve';

export const syncHandlers: PartialHandlers<SyncMethod> = {
  'sync.status': (_input, ctx) => ctx.sync.status(),
  'sync.connect': (input, ctx) => ctx.sync.connect({ url: input.url, user: input.user }, { live: !input.once }),
  'sync.disconnect': (_input, ctx) => ctx.sync.disconnect(),
  'sync.conflicts': (_input, ctx) => ctx.sync.conflicts(),
  'sync.resolve': (input, ctx) => ctx.sync.resolve(input.conflictId, input.take),
};
