import { useEffect } from 'react';
import type { Story } from '../../../../shared/types';
import { useTranslator } from '../../i18n/use-translator';
import { useApp } from '../../store';
import './update-proposal.css';

/**
 * The reader's proposal bar for page text: "Looks like an update of <headline> — Merge as
 * new version / Keep separate" on the newer story, and on the stored one which newer text
 * looks like its update. Headlines are text nodes (never HTML). Loaded again whenever the
 * open story is (a merge, a decline, an undo elsewhere all reload it).
 */
export function UpdateProposalBar({ story }: { story: Pick<Story, 'id'> }) {
  const t = useTranslator('proposals');
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const entry = useApp((s) => s.storyProposals);
  const load = useApp((s) => s.loadStoryProposals);
  const decide = useApp((s) => s.decideProposal);
  useEffect(() => {
    void load(story.id);
  }, [story, load]);
  const proposals = entry?.storyId === story.id ? entry.proposals : [];
  if (readOnly || proposals.length === 0) return null;
  return (
    <>
      {proposals.map((proposal) => {
        const names = { candidate: proposal.candidateHeadline, story: proposal.storyHeadline };
        return (
          <section key={proposal.id} className="update-proposal" role="region" aria-label={t('region')}>
            <p className="update-proposal-text">
              {proposal.candidateId === story.id ? (
                <>
                  {t('looksLikeUpdateOf')} <strong>{proposal.storyHeadline}</strong>
                </>
              ) : (
                <>
                  {t('isUpdatedBy')} <strong>{proposal.candidateHeadline}</strong>
                </>
              )}
            </p>
            <div className="update-proposal-actions">
              <button type="button" className="button small primary" aria-label={t('mergeLabel', names)} onClick={() => void decide(proposal, 'accept')}>
                {t('merge')}
              </button>
              <button type="button" className="button small" aria-label={t('keepSeparateLabel', names)} onClick={() => void decide(proposal, 'decline')}>
                {t('keepSeparate')}
              </button>
            </div>
          </section>
        );
      })}
    </>
  );
}
