import { parseArgs } from 'node:util';
import type { UpdateProposalView } from '../../shared/types';
import type { CliCommand } from './command';
import { cliLocale, type CliLocale } from './commands-versions';

// `proposals`: the "looks like an update of …" proposals for page text, and the editor's
// decision on one (`proposals accept|decline <id>`), in Dutch or English as `versions` is.

/** Exported for the wording test only. */
export const WORDS: Record<CliLocale, { none: string; looksLike: string; merged: string; declined: string; usage: string }> = {
  en: {
    none: 'No open proposals.',
    looksLike: 'looks like an update of',
    merged: 'Merged as a new version of',
    declined: 'Kept separate from',
    usage: 'Use: proposals [--all] [--json], or proposals accept|decline <id>.',
  },
  nl: {
    none: 'Geen openstaande voorstellen.',
    looksLike: 'lijkt een update van',
    merged: 'Samengevoegd als nieuwe versie van',
    declined: 'Apart gehouden van',
    usage: 'Gebruik: proposals [--all] [--json], of proposals accept|decline <id>.',
  },
};

export const STATUS: Record<CliLocale, Record<UpdateProposalView['status'], string>> = {
  en: { open: 'open', accepted: 'merged', declined: 'kept separate' },
  nl: { open: 'open', accepted: 'samengevoegd', declined: 'apart gehouden' },
};

export function proposalsText(proposals: UpdateProposalView[], locale: CliLocale = cliLocale()): string {
  const w = WORDS[locale];
  if (proposals.length === 0) return w.none;
  return proposals
    .map((proposal) => `${proposal.id}  [${STATUS[locale][proposal.status]}]  ${proposal.candidateId} "${proposal.candidateHeadline}"\n    ${w.looksLike} ${proposal.storyId} "${proposal.storyHeadline}"`)
    .join('\n');
}

export const proposalsCommand: CliCommand = {
  name: 'proposals',
  usage: 'proposals [--all] | proposals accept|decline <id>',
  summary: 'Page text that looks like an update of a stored story: list, merge or keep separate.',
  async run(args, { call, out }) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { all: { type: 'boolean' } }, strict: true });
    const locale = cliLocale();
    if (positionals.length === 0) {
      const proposals = await call('proposals.list', values.all ? { all: true } : {});
      out.result(proposals, () => proposalsText(proposals, locale));
      return 0;
    }
    const [action, id, ...rest] = positionals;
    if ((action !== 'accept' && action !== 'decline') || id === undefined || rest.length) throw new Error(WORDS[locale].usage);
    const decided = await call(action === 'accept' ? 'proposals.accept' : 'proposals.decline', { id });
    const w = WORDS[locale];
    out.result(decided, () => `${action === 'accept' ? w.merged : w.declined} ${decided.storyId} "${decided.storyHeadline}".`);
    return 0;
  },
};
