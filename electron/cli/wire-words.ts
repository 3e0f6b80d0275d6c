import type { ImportFileResult, ImportReport, WireImportOutcome } from '../../shared/types';
import { isWireReason, type WireReasonCode } from '../../shared/messages';
import { cliLocale, type CliLocale } from './commands-versions';

// The CLI's words for what became of agency items at import and for every reason the wire
// parsers give (`wire.*`), in Dutch and English like `versions` and `diff`; `--json`
// prints the codes themselves. The app's words are in renderer/src/features/versions.


type Detail = (detail: string) => string;
const bracket = (detail: string) => (detail ? ` (${detail})` : '');

export const WIRE_REASONS: Record<CliLocale, Record<WireReasonCode, Detail>> = {
  en: {
    'wire.invalidJson': (d) => `not valid JSON${bracket(d)}`,
    'wire.invalidXml': (d) => `not well-formed XML${bracket(d)}`,
    'wire.doctypeRefused': () => 'declares a DTD or entities, refused for safety',
    'wire.schema': (d) => `does not match the ninjs schema${bracket(d)}`,
    'wire.unknownNinjsVersion': (d) => `unknown ninjs version${bracket(d)}`,
    'wire.noGuid': () => 'item without guid or uri: its versions cannot be followed',
    'wire.noText': () => 'item without headline or text',
    'wire.notTextItem': (d) => `not a text item${bracket(d)}; only text is imported`,
    'wire.encoding': (d) => `unreadable character encoding${bracket(d)}`,
    'wire.unknownFormat': (d) => `neither ninjs nor NewsML-G2${bracket(d)}`,
  },
  nl: {
    'wire.invalidJson': (d) => `geen geldige JSON${bracket(d)}`,
    'wire.invalidXml': (d) => `geen geldige XML${bracket(d)}`,
    'wire.doctypeRefused': () => 'declareert een DTD of entiteiten, om veiligheidsredenen geweigerd',
    'wire.schema': (d) => `voldoet niet aan het ninjs-schema${bracket(d)}`,
    'wire.unknownNinjsVersion': (d) => `onbekende ninjs-versie${bracket(d)}`,
    'wire.noGuid': () => 'item zonder guid of uri: de versies ervan zijn niet te volgen',
    'wire.noText': () => 'item zonder kop of tekst',
    'wire.notTextItem': (d) => `geen tekstitem${bracket(d)}; alleen tekst wordt geïmporteerd`,
    'wire.encoding': (d) => `onleesbare tekenset${bracket(d)}`,
    'wire.unknownFormat': (d) => `geen ninjs en geen NewsML-G2${bracket(d)}`,
  },
};

/** Exported for the wording test only. */
export const OUTCOMES: Record<CliLocale, { [O in WireImportOutcome['outcome']]: (id: string, version: number) => string } & { label: { version: string; duplicate: string } }> = {
  en: {
    story: () => 'new story',
    version: (id, version) => `new version of ${id} (v${version})`,
    older: (id, version) => `older version of ${id} (v${version}) stored; the newer text stays`,
    duplicate: (id, version) => `duplicate version of ${id} (v${version})`,
    label: { version: 'version', duplicate: 'duplicate' },
  },
  nl: {
    story: () => 'nieuw bericht',
    version: (id, version) => `nieuwe versie van ${id} (v${version})`,
    older: (id, version) => `oudere versie van ${id} (v${version}) bewaard; de nieuwere tekst blijft`,
    duplicate: (id, version) => `dubbele versie van ${id} (v${version})`,
    label: { version: 'versie', duplicate: 'dubbel' },
  },
};

/** A reason code in words, or null when it is not a wire code. `detail` is the core's technical detail. */
export function wireReasonText(code: string | undefined, detail: string | undefined, locale: CliLocale = cliLocale()): string | null {
  if (!isWireReason(code)) return null;
  return WIRE_REASONS[locale][code](detail && detail !== code ? detail : '');
}

export function outcomeText(outcome: WireImportOutcome, locale: CliLocale = cliLocale()): string {
  return OUTCOMES[locale][outcome.outcome](outcome.storyId, outcome.version);
}

/**
 * The status column of an import line: an agency file whose items were all versions of
 * stories already stored says `version` (or `duplicate`), not `imported`.
 */
export function fileStatusLabel(file: ImportFileResult, locale: CliLocale = cliLocale()): string {
  const outcomes = file.versions ?? [];
  if (outcomes.length === 0 || outcomes.some((entry) => entry.outcome === 'story')) return file.status;
  return outcomes.every((entry) => entry.outcome === 'duplicate') ? OUTCOMES[locale].label.duplicate : OUTCOMES[locale].label.version;
}

/** The totals line's agency part, when the import held agency files. */
export function wireTotalsText(totals: ImportReport['totals']): string {
  if (totals.wireStories === undefined && totals.wireVersions === undefined) return '';
  return `; agency items: ${totals.wireStories ?? 0} new stories, ${totals.wireVersions ?? 0} new versions`;
}
