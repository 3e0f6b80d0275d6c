import type { TFunction } from 'i18next';

const REJECT_CODES = ['empty', 'binary', 'too-large', 'no-headline', 'not-a-file', 'unreadable'] as const;
type RejectCode = (typeof REJECT_CODES)[number];
const isRejectCode = (code: string | undefined): code is RejectCode => (REJECT_CODES as readonly (string | undefined)[]).includes(code);

/**
 * Why a file was refused, from the importer's machine code. English keeps the service's own
 * reason (it often names sizes); other languages word the code. An unknown code falls back to
 * the service's reason.
 */
export function rejectText(t: TFunction<'import'>, code: string | undefined, reason: string | undefined): string | undefined {
  return isRejectCode(code) ? t(`reject.${code}`, { reason: reason ?? '' }) : reason;
}
