import type { PartialHandlers } from '../../service/registry';
import { probeRemote } from './probe';
import { checkRemoteUrl } from './sync-engine';

type SyncMethod = 'sync.status' | 'sync.connect' | 'sync.disconnect' | 'sync.conflicts' | 'sync.resolve' | 'sync.test' | 'sync.storyOrigin' | 'sync.forget';

export const syncHandlers: PartialHandlers<SyncMethod> = {
  'sync.status': (_input, ctx) => ctx.sync.status(),
  'sync.connect': (input, ctx) => ctx.sync.connect({ url: input.url, user: input.user, password: input.password, remember: input.remember }, { live: !input.once }),
  'sync.disconnect': (input, ctx) => ctx.sync.disconnect({ forget: input.forget }),
  'sync.forget': (_input, ctx) => ctx.sync.forget(),
  'sync.conflicts': (_input, ctx) => ctx.sync.conflicts(),
  'sync.resolve': (input, ctx) => ctx.sync.resolve(input.conflictId, input.take),
  'sync.storyOrigin': (input, ctx) => ctx.sync.storyOrigin(input.id),
  'sync.test': (input, ctx) => {
    let password = input.password ?? null;
    if (!password) {
      try {
        password = ctx.sync.passwordFor(checkRemoteUrl(input.url), input.user);
      } catch {
        // An address sync would refuse: the probe says so.
      }
    }
    return probeRemote({ url: input.url, user: input.user, password }).then((result) => ({ result }));
  },
};
