import type { TFunction } from 'i18next';
import { useApp } from '../store/context';
import type { Namespace } from './resources';
import { translator } from './translate';

/**
 * A namespace's `t` in the language the editor chose. A small hook over the language
 * the app store already keeps (no react-i18next: one source of truth for the language,
 * and every dictionary is bundled, so there is nothing to suspend on).
 */
export function useTranslator<N extends Namespace>(namespace: N): TFunction<N> {
  const language = useApp((state) => state.language);
  return translator(language, namespace);
}
