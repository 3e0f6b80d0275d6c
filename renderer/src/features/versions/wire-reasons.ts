import type { TFunction } from 'i18next';
import type { WireReasonCode } from '../../../../shared/messages';
import type { WireImportOutcome } from '../../../../shared/types';


/**
 * A wire file's or item's problem in words. `detail` is the core's technical detail (a JSON
 * parser's message, a schema path, a root element), shown in brackets; a warning carries
 * only the code, and then the brackets are left out.
 */
export function wireReasonText(t: TFunction<'versions'>, code: WireReasonCode, detail: string | undefined): string {
  const shown = detail && detail !== code ? detail : '';
  const text = t(`reason.${code}`, { detail: shown });
  return shown ? text : text.replace(/ \(\)/, '');
}

/** What one agency item of an import became, when it was not simply a new story. */
export function outcomeText(t: TFunction<'versions'>, outcome: WireImportOutcome): string {
  return outcome.outcome === 'story' ? t('outcome.story') : t(`outcome.${outcome.outcome}`, { id: outcome.storyId, version: outcome.version });
}
