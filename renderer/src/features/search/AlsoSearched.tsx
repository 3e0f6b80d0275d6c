import { localeOf } from '../../i18n';
import { useApp, useT } from '../../store';

/**
 * "Also searched: Peking": the other names and spellings the core searched besides the
 * typed words (gazetteer aliases, transliterations), so the editor knows why a story
 * without the typed word is listed. Names are shown as text, never as HTML.
 */
export function AlsoSearched() {
  const t = useT();
  const expansions = useApp((s) => s.expansions);
  const language = useApp((s) => s.language);
  const names = [...new Set(expansions.flatMap((expansion) => expansion.also))];
  if (names.length === 0) return null;
  const list = new Intl.ListFormat(localeOf(language), { style: 'short', type: 'conjunction' }).format(names);
  return (
    <p className="also-searched muted" data-testid="also-searched">
      {t.search('alsoSearched', { names: list })}
    </p>
  );
}
