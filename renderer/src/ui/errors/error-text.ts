import type { ServiceErrorData } from '../../../../shared/contract/envelope';
import { editName } from '../../features/history/edit-name';
import type { Language } from '../../i18n';
import { translator } from '../../i18n/translate';
import { formatInstant } from '../format';

/**
 * A failed call in the editor's language: from its reason when the core gave one,
 * else, in English, the service's own (English) message, and in other languages
 * the sentence for its error code. Never parses the message.
 */
export function errorText(language: Language, error: Pick<ServiceErrorData, 'code' | 'message' | 'reason'>): string {
  const t = translator(language, 'errors');
  const reason = error.reason;
  switch (reason?.code) {
    case 'library.readOnly':
      return t('reason.library.readOnly');
    case 'file.cannotWrite':
      return t('reason.file.cannotWrite', { context: reason.why, path: reason.path, errno: reason.errno ?? '' });
    case 'export.noChromium':
      return reason.configured === null ? t('reason.export.noChromium') : t('reason.export.noChromiumAt', { path: reason.configured });
    case 'search.nameTaken':
      return t('reason.search.nameTaken', { name: reason.name });
    case 'dossier.noTitle':
      return t('reason.dossier.noTitle');
    case 'proposal.touched':
      return t('reason.proposal.touched');
    case 'proposal.closed':
      return t('reason.proposal.closed', { context: reason.status });
    case 'dossier.orderStale':
      return t('reason.dossier.orderStale');
    case 'link.nothing':
      return t('reason.link.nothing', { context: reason.why });
    case 'archive.unreadable':
      return t(reason.name === null ? 'reason.archive.unreadable' : 'reason.archive.unreadableNamed', { context: reason.problem, name: reason.name ?? '' });
    case 'backup.unusable':
      return t('reason.backup.unusable', { name: reason.name });
    case 'tag.badName':
      return t('reason.tag.badName', { context: reason.problem, max: reason.max });
    case 'tag.nameTaken':
      return reason.renaming === null ? t('reason.tag.nameTaken', { name: reason.name }) : t('reason.tag.nameTaken_renaming', { name: reason.name, renaming: reason.renaming });
    case 'tag.underItself':
      return t('reason.tag.underItself', { parent: reason.parent });
    case 'tag.badMediaTopic':
      return t('reason.tag.badMediaTopic', { given: reason.given });
    case 'library.newer':
      return t('reason.library.newer', { context: reason.what, found: reason.found, supported: reason.supported });
    case 'history.changedSince':
      return t('reason.history.changedSince', { context: reason.direction, label: editName(translator(language, 'history'), reason.label) });
    case 'stories.missing':
      return t('reason.stories.missing', { count: reason.count });
    case 'export.withdrawn':
      return t('reason.export.withdrawn', { count: reason.count });
    case 'export.embargoed':
      // The embargo's time in the editor's own zone.
      return t('reason.export.embargoed', { count: reason.count, until: formatInstant(reason.until, language) });
    case 'import.touched':
      return t('reason.import.touched', { count: reason.count, stories: reason.stories });
    case 'watch.notAbsolute':
      return t('reason.watch.notAbsolute', { path: reason.path });
    case 'watch.notAFolder':
      return t('reason.watch.notAFolder', { context: reason.found, path: reason.path });
    case 'export.pdfLimit':
      return t('reason.export.pdfLimit', { context: reason.limit, max: reason.limit === 'time' ? Math.round(reason.max / 60_000) : reason.max, found: reason.found ?? reason.max });
    case 'export.cancelled':
      return t('reason.export.cancelled');
    case 'service.unreachable':
      return t('reason.service.unreachable');
    case 'sync.refused':
      return t('reason.sync.refused', { context: reason.why });
    case 'export.incomplete':
      return t('reason.export.incomplete', { count: reason.count });
    default:
      // No reason, or one a newer core added that this renderer does not know yet.
      return language === 'en' ? error.message : t(error.code);
  }
}
