import { useEffect } from 'react';
import type { Story } from '../../../../shared/types';
import { localeOf } from '../../i18n';
import { useTranslator } from '../../i18n/use-translator';
import { useApp } from '../../store';
import { formatInstant } from '../../ui/format';
import './team.css';

/**
 * "Changed by Anna, 3 Dec 2026, 14:02 (note)": in the reader's meta area, when the story's
 * note, date or tags were last changed on a colleague's computer. Asked again whenever the
 * story is (an incoming change reloads the open story). Nothing when the library is not shared.
 */
export function ChangedBy({ story }: { story: Story }) {
  const ts = useTranslator('sync');
  const language = useApp((s) => s.language);
  const shared = useApp((s) => Boolean(s.teamStatus?.remote));
  const origin = useApp((s) => (s.storyOrigin?.id === story.id ? s.storyOrigin.origin : null));
  const load = useApp((s) => s.loadStoryOrigin);
  useEffect(() => {
    if (shared) void load(story.id);
  }, [story, shared, load]);
  if (!origin) return null;
  const parts = new Intl.ListFormat(localeOf(language), { type: 'conjunction' }).format(origin.parts.map((part) => ts(`part_${part}`)));
  return (
    <p className="changed-by">
      {ts('changedBy', { author: origin.author, at: formatInstant(origin.at, language), parts })}
    </p>
  );
}
