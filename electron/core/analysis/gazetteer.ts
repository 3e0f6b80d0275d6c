import { fold } from '../text/dutch';
import data from './gazetteer.nl.json';
import { tokenize, type Token } from './tokens';

// The curated Dutch gazetteer (gazetteer.nl.json) turned into a matcher over tokens.
// The data file is the place to add people, places and organisations; this module
// only knows how to read it.

export type EntityKind = 'person' | 'place' | 'organisation' | 'topic';

export interface GazetteerEntry {
  /** `fold(name)`: the canonical key. */
  key: string;
  /** Canonical display name, diacritics intact. */
  name: string;
  kind: EntityKind;
  /** Folded names that always mean this entry (the name itself included). */
  aliasKeys: string[];
  /** Folded names that mean this entry only when it is named in full in the same story. */
  contextKeys: string[];
  /** People: folded role words that may stand before the bare surname (`premier`, `kanselier`). */
  roles?: string[];
  /** People: the key of the country they act for (`india`), for a cue like `de Indiase premier Modi`. */
  country?: string;
  /** A name many governments share (`Defensie`, `Binnenlandse Zaken`): only a tag when the text names the country. */
  generic?: true;
  /** A place with a nationality adjective (a country or region): a generic suggestion next to the story's people. */
  broad?: true;
}

export interface GazetteerMatch {
  entry: GazetteerEntry;
  /** Index after the last matched token. */
  end: number;
  /** Matched a nationality adjective or inhabitant name (`Russische`, `Russen`), not the name itself. */
  adjective: boolean;
  /** Matched a person's bare surname (`Poetin`, `De Jonge`), not a full name: weaker evidence. */
  surname: boolean;
}

type CaseRule = 'any' | 'upper' | 'initial';

interface AliasPattern {
  words: string[];
  entry: GazetteerEntry;
  adjective: boolean;
  caseRule: CaseRule;
  /** Per word: written with a capital in the alias, so it must be capitalised in the text (`De Boer` is not `De boer`). */
  capitals: boolean[];
  surname: boolean;
}

interface RawEntry {
  name: string;
  aliases?: string[];
  context?: string[];
  adjective?: string;
  demonyms?: string[];
  role?: string[];
  country?: string;
  generic?: boolean;
}

const SECTIONS: [keyof typeof data, EntityKind][] = [
  ['people', 'person'],
  ['places', 'place'],
  ['organisations', 'organisation'],
  ['topics', 'topic'],
];

/** Dutch adjective inflection: `Russisch` → `Russische`, `Chinees` → `Chinese`, `Indiaas` → `Indiase`, `Frans` → `Franse`. */
export function inflectAdjective(base: string): string {
  // A doubled vowel before one final consonant is written single in the open syllable.
  const open = /(aa|ee|oo|uu)([^aeiouy\s-])$/u.exec(base);
  if (open) return `${base.slice(0, open.index)}${open[1]!.charAt(0)}${open[2]}e`;
  return `${base}e`;
}

function caseRuleOf(alias: string): CaseRule {
  if (/^[^\p{L}]*\p{Ll}/u.test(alias)) return 'any';
  if (!/\p{Ll}/u.test(alias)) return 'upper';
  return 'initial';
}

class Gazetteer {
  readonly entries: GazetteerEntry[] = [];
  private readonly byKey = new Map<string, GazetteerEntry>();
  private readonly byAlias = new Map<string, GazetteerEntry>();
  /** Patterns by their first folded word, longest first. */
  private readonly patterns = new Map<string, AliasPattern[]>();
  /** Single-word person aliases, for genitives (`Poetins`). */
  private readonly personWords = new Map<string, GazetteerEntry>();
  /** First words of aliases that match in any case (`coronavirus`, `paus Leo`). */
  private readonly anyCaseStarts = new Set<string>();
  /** Bare person names that mean an entry only with evidence (context aliases and surnames), for role cues. */
  private readonly shortNames = new Map<string, GazetteerEntry[]>();
  /** Folded first names: a capitalised name that starts with one is a person's. */
  readonly firstNames = new Set<string>();

  constructor() {
    for (const [section, kind] of SECTIONS) {
      const list = data[section];
      if (!Array.isArray(list)) throw new Error(`gazetteer.nl.json: section "${section}" is missing`);
      for (const raw of list as RawEntry[]) this.add(raw, kind);
    }
    for (const list of this.patterns.values()) list.sort((a, b) => b.words.length - a.words.length);
    const firstNames = (data as { firstNames?: unknown }).firstNames;
    for (const name of Array.isArray(firstNames) ? firstNames : []) if (typeof name === 'string') this.firstNames.add(fold(name));
    for (const entry of this.entries) {
      if (entry.kind !== 'person') continue;
      const first = entry.key.split(' ')[0]!;
      if (first.length > 2 && /^\p{Lu}/u.test(entry.name)) this.firstNames.add(first);
      for (const alias of [...entry.aliasKeys, ...entry.contextKeys]) {
        if (alias === entry.key || alias.includes(' ') && !isParticleSurname(alias)) continue;
        const list = this.shortNames.get(alias);
        if (!list) this.shortNames.set(alias, [entry]);
        else if (!list.includes(entry)) list.push(entry);
      }
    }
  }

  private add(raw: RawEntry, kind: EntityKind): void {
    if (typeof raw.name !== 'string' || raw.name.trim() === '') throw new Error('gazetteer.nl.json: an entry has no name');
    const name = raw.name.normalize('NFC');
    const entry: GazetteerEntry = { key: fold(name), name, kind, aliasKeys: [], contextKeys: [] };
    if (Array.isArray(raw.role) && raw.role.length) entry.roles = raw.role.map((role) => fold(role));
    if (typeof raw.country === 'string' && raw.country) entry.country = fold(raw.country);
    if (raw.generic === true) entry.generic = true;
    if (kind === 'place' && (raw.adjective || raw.demonyms)) entry.broad = true;
    this.entries.push(entry);
    this.byKey.set(entry.key, entry);

    const names = [name, ...(raw.aliases ?? [])];
    for (const alias of names) {
      const words = this.addPattern(alias, entry, false);
      if (!words) continue;
      const aliasKey = words.join(' ');
      if (!entry.aliasKeys.includes(aliasKey)) entry.aliasKeys.push(aliasKey);
      if (!this.byAlias.has(aliasKey)) this.byAlias.set(aliasKey, entry);
      if (kind === 'person' && words.length === 1) this.personWords.set(aliasKey, entry);
    }
    const adjectives = raw.adjective ? [raw.adjective, inflectAdjective(raw.adjective)] : [];
    for (const form of [...adjectives, ...(raw.demonyms ?? [])]) this.addPattern(form, entry, true);

    // A person's bare first or last name means them once they are named in full (`Kim` after `Kim Jong-un`).
    const context = new Set((raw.context ?? []).map((alias) => fold(alias.normalize('NFC'))));
    if (kind === 'person') {
      for (const alias of names) {
        if (!/^\p{Lu}/u.test(alias)) continue; // `paus Leo`: a title, not a first name
        const words = tokenize(alias.normalize('NFC')).map((token) => token.folded);
        if (words.length < 2) continue;
        for (const word of [words[0]!, words[words.length - 1]!]) if (word.length > 2) context.add(word);
      }
    }
    entry.contextKeys = [...context].filter((alias) => !entry.aliasKeys.includes(alias));
  }

  private addPattern(alias: string, entry: GazetteerEntry, adjective: boolean): string[] | null {
    const text = alias.normalize('NFC');
    const words = tokenize(text).map((token) => token.folded);
    if (words.length === 0) return null;
    const first = words[0]!;
    let list = this.patterns.get(first);
    if (!list) this.patterns.set(first, (list = []));
    const joined = words.join(' ');
    if (!list.some((pattern) => pattern.words.join(' ') === joined && pattern.entry === entry)) {
      const caseRule = caseRuleOf(text);
      const capitals = tokenize(text).map((token) => token.cap || token.allCaps);
      const surname = !adjective && entry.kind === 'person' && joined !== entry.key && (words.length === 1 || isParticleSurname(joined));
      list.push({ words, entry, adjective, caseRule, capitals, surname });
      if (caseRule === 'any') this.anyCaseStarts.add(first);
    }
    return words;
  }

  /** The entry whose name or alias is exactly this (any case, diacritics ignored). */
  lookup(name: string): GazetteerEntry | undefined {
    const key = tokenize(name.normalize('NFC'))
      .map((token) => token.folded)
      .join(' ');
    return this.byAlias.get(key) ?? this.byKey.get(key);
  }

  entry(key: string): GazetteerEntry | undefined {
    return this.byKey.get(key);
  }

  /**
   * Longest alias starting at `tokens[i]`, honouring case: aliases in capitals (`VS`) match
   * only capitals, names only words that start with a capital. A match never spans punctuation.
   */
  matchAt(tokens: Token[], i: number): GazetteerMatch | null {
    const first = tokens[i];
    if (!first) return null;
    // Most words are lower case and no lower-case alias starts with them: one Set lookup.
    if (!first.cap && !first.allCaps && !this.anyCaseStarts.has(first.folded)) return null;
    const candidates = this.patterns.get(first.folded);
    if (!candidates) return null;
    for (const pattern of candidates) {
      const end = i + pattern.words.length;
      if (end > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < pattern.words.length && ok; k++) {
        const token = tokens[i + k]!;
        ok = token.folded === pattern.words[k] && !token.breakBefore;
      }
      if (!ok || !caseMatches(pattern, tokens, i, end)) continue;
      return { entry: pattern.entry, end, adjective: pattern.adjective, surname: pattern.surname };
    }
    return null;
  }

  /** People whose bare surname (an alias or a context name) this is: `sharif` → Shehbaz Sharif. */
  peopleNamed(folded: string): GazetteerEntry[] {
    return this.shortNames.get(folded) ?? [];
  }

  /** `Poetins`, `Trump's`: a person's genitive. */
  genitive(token: Token): GazetteerEntry | undefined {
    if (!token.cap) return undefined;
    const base = token.folded.replace(/(?:['’]s|s)$/u, '');
    return base !== token.folded ? this.personWords.get(base) : undefined;
  }
}

function caseMatches(pattern: AliasPattern, tokens: Token[], start: number, end: number): boolean {
  if (pattern.caseRule === 'upper') {
    for (let k = start; k < end; k++) if (!tokens[k]!.allCaps) return false;
    return true;
  }
  if (pattern.caseRule === 'initial' && (!tokens[start]!.cap || tokens[start]!.capCompound)) return false;
  // Every word the alias writes with a capital is capitalised in the text: `De boer die…` is no `De Boer`.
  for (let k = start + 1; k < end; k++) if (pattern.capitals[k - start] && !tokens[k]!.cap && !tokens[k]!.allCaps) return false;
  return true;
}

const PARTICLE_SURNAME = /^(?:(?:van|de|der|den|ter|ten|te|von|le|la|da|di|du|del|al|el) )+[^ ]+$/u;

/** `de jonge`, `van der plas`, `le pen`: a surname with its particles. */
function isParticleSurname(folded: string): boolean {
  return PARTICLE_SURNAME.test(folded);
}

let instance: Gazetteer | undefined;

/** The gazetteer, built on first use (a few milliseconds). */
export function gazetteer(): Gazetteer {
  return (instance ??= new Gazetteer());
}

export type { Gazetteer };
