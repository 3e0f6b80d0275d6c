import type { UpdateProposalView } from '../../../../shared/types';
import type { SliceCreator } from '../../store/types';
import { runEdit } from '../../store/run-edit';

/** "Looks like an update of …" proposals that concern the story in the reader. */
export interface ProposalsSlice {
  /** The open proposals where the open story is either side, and which story they were loaded for. */
  storyProposals: { storyId: string; proposals: UpdateProposalView[] } | null;
  loadStoryProposals(storyId: string): Promise<void>;
  /** Merge (the new text becomes the stored story's next version, which the reader then opens) or keep separate. */
  decideProposal(proposal: UpdateProposalView, decision: 'accept' | 'decline'): Promise<boolean>;
}

export const createProposalsSlice: SliceCreator<ProposalsSlice> = (set, get, { client }) => {
  let request = 0;
  return {
    storyProposals: null,

    async loadStoryProposals(storyId) {
      const mine = ++request;
      try {
        const proposals = await client.call('proposals.list', { storyId });
        if (mine === request) set({ storyProposals: { storyId, proposals } });
      } catch {
        // Not shown is the safe failure: the editor can still decide from the CLI, nothing is lost.
        if (mine === request) set({ storyProposals: { storyId, proposals: [] } });
      }
    },

    async decideProposal(proposal, decision) {
      const done = await runEdit(set, get, async () => {
        await client.call(decision === 'accept' ? 'proposals.accept' : 'proposals.decline', { id: proposal.id });
      });
      if (done && decision === 'accept' && get().openId === proposal.candidateId) await get().openStory(proposal.storyId);
      const openId = get().openId;
      if (openId) await get().loadStoryProposals(openId);
      return done;
    },
  };
};
