import type { MainLabels } from './labels';
import { externalUrlToOpen } from './navigation';

// A link in story text is untrusted: its words may say one address and its target
// another, and `shell.openExternal` hands it to whatever program the system picks.
// So Kroniek opens only http(s) and mailto links, and only after the editor has seen
// the full address, as the URL parser spells it (host names in punycode, every
// non-ASCII character percent-encoded, so no look-alike letters or bidi tricks).

export interface ExternalLinkPrompt {
  type: 'question';
  title: string;
  message: string;
  /** The full address, exactly what would be opened. */
  detail: string;
  buttons: [open: string, cancel: string];
  defaultId: 1;
  cancelId: 1;
  noLink: true;
}

/** The question shown before a link opens; Cancel is the default (Enter and Esc do not open). */
export function externalLinkPrompt(url: string, labels: MainLabels): ExternalLinkPrompt {
  return {
    type: 'question',
    title: labels.openLinkTitle,
    message: url.startsWith('mailto:') ? labels.openMailQuestion : labels.openLinkQuestion,
    detail: url,
    buttons: [labels.openLinkButton, labels.cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

export interface ExternalLinkDeps {
  labels: () => MainLabels;
  /** Shows the prompt; answers the index of the button chosen. */
  ask: (prompt: ExternalLinkPrompt) => Promise<number>;
  /** `shell.openExternal`. */
  open: (url: string) => Promise<void>;
}

export type ExternalLinkOutcome = 'opened' | 'cancelled' | 'refused';

/** Vets the URL, asks the editor with the full address, and opens it only on an explicit yes. */
export async function openExternalAfterAsking(url: string, deps: ExternalLinkDeps): Promise<ExternalLinkOutcome> {
  const safe = externalUrlToOpen(url);
  if (!safe) return 'refused';
  const answer = await deps.ask(externalLinkPrompt(safe, deps.labels()));
  if (answer !== 0) return 'cancelled';
  await deps.open(safe);
  return 'opened';
}
