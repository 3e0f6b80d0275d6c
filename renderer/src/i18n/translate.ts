import i18next, { type TFunction } from 'i18next';
import { localeOf, type Language } from '.';
import { NAMESPACES, resources, type Namespace } from './resources';

/**
 * The renderer's i18next instance: every dictionary is bundled, so it initialises
 * synchronously and never loads anything. Values are not HTML-escaped here because
 * React escapes text it renders (nothing is put in as HTML).
 */
const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: 'en',
  fallbackLng: false,
  ns: NAMESPACES,
  defaultNS: false,
  keySeparator: false,
  nsSeparator: false,
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false },
});
// `{{view, lowercase}}`: a name shown mid-sentence (`No briefs yet`), in the language's own casing.
instance.services.formatter?.add('lowercase', (value: unknown, lng: string | undefined) => String(value).toLocaleLowerCase(lng));

const cache = new Map<string, TFunction<Namespace>>();

/**
 * A `t` of one namespace in one language (the language never changes under it). It is
 * fixed to the full locale (`en-GB`, `nl-NL`) so numbers and dates are formatted the
 * way the rest of the UI formats them; i18next finds the words under `en` / `nl`.
 */
export function translator<N extends Namespace>(language: Language, namespace: N): TFunction<N> {
  const key = `${language}:${namespace}`;
  let t = cache.get(key);
  if (!t) cache.set(key, (t = instance.getFixedT(localeOf(language), namespace) as TFunction<Namespace>));
  return t as TFunction<N>;
}

/** Every namespace's `t` in one language: what the app store hands components as `t`. */
export type Translators = { readonly [N in Namespace]: TFunction<N> };

const bundles = new Map<Language, Translators>();

export function translators(language: Language): Translators {
  let bundle = bundles.get(language);
  if (!bundle) {
    bundle = Object.fromEntries(NAMESPACES.map((namespace) => [namespace, translator(language, namespace)])) as unknown as Translators;
    bundles.set(language, bundle);
  }
  return bundle;
}
