import { ServiceError } from '../../../../shared/contract/envelope';
import type { MethodName } from '../../../../shared/contract';
import type { Story } from '../../../../shared/types';
import type { ServiceContext } from '../../service/context';
import type { PartialHandlers } from '../../service/registry';
import { requireStory } from '../library/handlers';
import { comparableText, wordDiff } from './diff';
import { own } from '../../store/records';

type VersionsMethod = Extract<MethodName, `story.${string}`> | 'library.markOpened';

async function requireVersion(ctx: ServiceContext, id: string, version: number): Promise<Story> {
  await requireStory(ctx, id);
  const story = await ctx.store.storyAtVersion(id, version);
  if (!story) {
    throw new ServiceError('not-found', `Story ${id} has no version ${version}.`);
  }
  return story;
}

export const versionsHandlers: PartialHandlers<VersionsMethod> = {
  'story.versions': async (input, ctx) => {
    await requireStory(ctx, input.id);
    return ctx.store.storyVersions(input.id);
  },

  'story.version': (input, ctx) => requireVersion(ctx, input.id, input.version),

  'story.diff': async (input, ctx) => {
    const from = await requireVersion(ctx, input.id, input.from);
    const to = await requireVersion(ctx, input.id, input.to);
    return wordDiff(comparableText(from.headline, from.body), comparableText(to.headline, to.body));
  },

  'library.markOpened': async (input, ctx) => {
    const story = await requireStory(ctx, input.id);
    const latest = story.wire?.latestVersion;
    if (latest !== undefined && own(ctx.store.meta.opened, input.id) !== latest && !ctx.store.readOnly) {
      // Not an edit the editor would undo: no history step.
      await ctx.store.update(null, (meta) => ({ ...meta, opened: { ...meta.opened, [input.id]: latest } }));
    }
    return ctx.store.summary(input.id)!;
  },
};
