import { ServiceError } from '../../../../shared/contract/envelope';
import type { MethodName } from '../../../../shared/contract';
import type { Story, UpdateProposal } from '../../../../shared/types';
import type { ServiceContext } from '../../service/context';
import type { PartialHandlers } from '../../service/registry';
import { requireStory } from '../library/handlers';
import { touchedStories } from '../../store/touched';
import { comparableText, wordDiff } from './diff';
import { acceptProposal, declineProposal, proposalView } from './proposals';
import { own } from '../../store/records';

type VersionsMethod = Extract<MethodName, `story.${string}` | `proposals.${string}`> | 'library.markOpened';

function requireProposal(ctx: ServiceContext, id: string): UpdateProposal {
  const proposal = ctx.store.meta.updateProposals?.find((entry) => entry.id === id);
  if (!proposal) throw new ServiceError('not-found', `No proposal ${id}.`);
  return proposal;
}

/** A proposal can be decided while it is open and both its stories are in the library. */
function requireOpen(ctx: ServiceContext, proposal: UpdateProposal): void {
  if (proposal.status !== 'open') throw new ServiceError('conflict', `Proposal ${proposal.id} was already ${proposal.status}.`, { code: 'proposal.closed', status: proposal.status });
  if (!ctx.store.head(proposal.storyId) || !ctx.store.head(proposal.candidateId)) {
    throw new ServiceError('conflict', `One of the stories of proposal ${proposal.id} is no longer in the library.`, { code: 'proposal.closed', status: 'gone' });
  }
}

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
    if (ctx.store.hasPageVersions(input.id)) return ctx.store.pageStoryVersions(input.id);
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

  'proposals.list': (input, ctx) => {
    const proposals = (ctx.store.meta.updateProposals ?? []).filter(
      (proposal) =>
        (input.all || proposal.status === 'open') &&
        (input.storyId === undefined || proposal.storyId === input.storyId || proposal.candidateId === input.storyId) &&
        // An open proposal whose stories are not both in the library (one deleted) is not shown.
        (proposal.status !== 'open' || (ctx.store.head(proposal.storyId) !== undefined && ctx.store.head(proposal.candidateId) !== undefined)),
    );
    return proposals.map((proposal) => proposalView(ctx.store, proposal));
  },

  'proposals.accept': async (input, ctx) => {
    const proposal = requireProposal(ctx, input.id);
    requireOpen(ctx, proposal);
    // The new text leaves the list as a story of its own: what an editor did to it would be lost.
    if (touchedStories(ctx.store.meta, [proposal.candidateId]).length) {
      throw new ServiceError('conflict', 'The new story was already tagged, dated, noted, linked or put in a dossier: keep it separate, or undo that first.', { code: 'proposal.touched' });
    }
    const at = new Date().toISOString();
    await ctx.store.update({ code: 'proposal.accept' }, (meta) => acceptProposal(meta, proposal, at));
    return proposalView(ctx.store, requireProposal(ctx, input.id));
  },

  'proposals.decline': async (input, ctx) => {
    const proposal = requireProposal(ctx, input.id);
    requireOpen(ctx, proposal);
    const at = new Date().toISOString();
    await ctx.store.update({ code: 'proposal.decline' }, (meta) => declineProposal(meta, proposal, at));
    return proposalView(ctx.store, requireProposal(ctx, input.id));
  },
};
