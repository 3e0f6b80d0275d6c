import { LANGUAGES, type Language } from '../i18n';
import { translators } from '../i18n/translate';
import { useApp, useT } from '../store';

export function LanguageSwitch() {
  const t = useT();
  const language = useApp((s) => s.language);
  const setLanguage = useApp((s) => s.setLanguage);
  return (
    <label className="language-switch">
      <span className="field-label">{t.app('languageLabel')}</span>
      <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {translators(code).app('languageName')}
          </option>
        ))}
      </select>
    </label>
  );
}
