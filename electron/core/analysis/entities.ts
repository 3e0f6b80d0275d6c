import { fold, toNfc } from '../text/dutch';
import { gazetteer, type EntityKind, type GazetteerEntry, type GazetteerMatch } from './gazetteer';
import {
  isCueNoun,
  isKindWord,
  isReporterWord,
  isRoleWord,
  isSentenceWord,
  isTitleArticle,
  kindFromContext,
  kindFromNameWords,
  NAME_PARTICLES,
} from './name-cues';
import { isShouting, tokenize, type Token } from './tokens';

// Entity extraction for one story: gazetteer names with
// their aliases, capitalised multi-word names found by pattern, the dateline place,
// and, within the story, bare first/last names folded onto the full name
// (`Kim` after `Kim Jong-un`). Pure and fast: the importer runs it on every story.
//
// Nationality adjectives and inhabitant names (`Russische`, `Noord-Koreaanse`, `Russen`)
// count as mentions of the country: a story about "de Russische president" is about
// Russia. They are a weaker signal than the name itself, so `adjectives` says how many
// of `count` they were and suggestTags() weighs them at half.

export type { EntityKind };
export type EntitySource = 'gazetteer' | 'dateline' | 'pattern';

export interface Entity {
  /** Folded canonical key (`vladimir poetin`): the same entity has the same key in every story. */
  key: string;
  /** Canonical display name, diacritics intact (`Vladimir Poetin`, `Oekraïne`, `Genève`). */
  name: string;
  kind: EntityKind;
  /** Mentions in the story, dateline and adjectives included. */
  count: number;
  /** `gazetteer`: a curated entry; `dateline`: only known as the dateline place; `pattern`: a capitalised name. */
  source: EntitySource;
  /** Mentions in the headline (for a brief: its first sentence); absent when none. */
  headline?: number;
  /** How many of `count` were nationality adjectives or inhabitant names; absent when none. */
  adjectives?: number;
  /** The story's dateline names this place. */
  dateline?: true;
}

export interface EntityStoryInput {
  headline: string;
  dateline: { place: string; agencies: string[] };
  body: { type: string; text: string }[];
}

interface Block {
  text: string;
  tokens: Token[];
  /** Tokens before this index belong to the headline. */
  headlineEnd: number;
  shouting: boolean;
}

interface Tally {
  key: string;
  name: string;
  kind: EntityKind;
  source: EntitySource;
  count: number;
  adjectives: number;
  headline: number;
  dateline: boolean;
  order: number;
  /** Pattern names only: how often each spelling and each kind cue was seen. */
  spellings?: Map<string, number>;
  kindVotes?: Map<EntityKind, number>;
  /** Pattern names only: folded words, for first/last-name aliases. */
  words?: string[];
}

interface SingleName {
  token: Token;
  /** As written (`Van den Berg`). */
  text: string;
  folded: string;
  /** Where the name starts, to read a role word (and country adjective) before it when needed: `de Indiase premier Modi`. */
  tokens: Token[];
  start: number;
  /** Opens a sentence, so its capital proves nothing: kept only if it resolves to a known name. */
  weak: boolean;
  kindCue: EntityKind | null;
  inHeadline: boolean;
  order: number;
}

interface RoleCue {
  role: string;
  country: string | null;
}

/** A bare surname opening a sentence before a lower-case word (`De Jonge zei…`): counted only if the story names that person otherwise. */
interface PendingSurname {
  entry: GazetteerEntry;
  inHeadline: boolean;
}

const KIND_PRIORITY: EntityKind[] = ['organisation', 'place', 'person', 'topic'];
// Sentence-initial words with these endings are common nouns (`Onderzoekers van…`, `Bewoners van…`), not first names.
const COMMON_NOUN_ENDING = /(?:ers|ingen|ing|heid|ties?|isme|schap|teit|nten|ieren)$/u;
// A neighbouring character that makes a match part of a longer word or compound.
const WORD_EDGE = /[\p{L}\p{N}'’\-‐]/u;
const COMBINING_MARK = /[\u0300-\u036f]/u;
const LEADING_DATELINE = /^\s*\p{Lu}[\p{Lu}\p{M}\s'’.\-‐]*\s*\([^)]{1,60}\)\s*[-–—]\s*/u;

/**
 * Builds the gazetteer and compiles the extraction code paths ahead of the first import
 * (about 25 ms of CPU once per process), so that import time pays only per-story costs.
 */
export function warmUpEntityExtraction(): void {
  gazetteer();
  extractEntities({
    headline: 'Poetin ontvangt Kim Jong-un in Moskou',
    dateline: { place: 'MOSKOU', agencies: ['ANP'] },
    body: [{ type: 'paragraph', text: 'De Russische president Vladimir Poetin sprak met Kim. Volgens het Kremlin (RSF) ging het goed, zei Jan de Vries (44).' }],
  });
}

export function extractEntities(story: EntityStoryInput): Entity[] {
  const extraction = new Extraction();
  extraction.run(story);
  return extraction.result();
}

class Extraction {
  private readonly gaz = gazetteer();
  private readonly tallies = new Map<string, Tally>();
  private readonly singles: SingleName[] = [];
  private readonly pending: PendingSurname[] = [];
  /** Acronyms introduced in brackets after a name: `Rapid Support Forces (RSF)`. */
  private readonly acronyms = new Map<string, string>();
  /** The bracketed acronym tokens themselves: part of the naming, not another mention. */
  private readonly acronymTokens = new Set<Token>();
  /** The story's texts, to ask whether a capitalised word also occurs in lower case. */
  private texts: string[] = [];
  private readonly lowerCache = new Map<string, boolean>();
  private order = 0;

  run(story: EntityStoryInput): void {
    const blocks = prepareBlocks(story);
    this.texts = blocks.map((block) => block.text);
    for (const block of blocks) this.scan(block);
    this.resolvePending();
    this.resolveSingles();
    this.addDateline(typeof story?.dateline?.place === 'string' ? story.dateline.place : '');
  }

  result(): Entity[] {
    const out: Entity[] = [];
    const sorted = [...this.tallies.values()].sort((a, b) => b.count - a.count || a.order - b.order);
    for (const tally of sorted) {
      if (tally.count <= 0) continue;
      const entity: Entity = {
        key: tally.key,
        name: tally.spellings ? bestSpelling(tally.spellings) : tally.name,
        kind: tally.kindVotes ? chooseKind(tally.kindVotes, this.looksLikePersonName(tally.words)) : tally.kind,
        count: tally.count,
        source: tally.source,
      };
      if (tally.headline > 0) entity.headline = tally.headline;
      if (tally.adjectives > 0) entity.adjectives = tally.adjectives;
      if (tally.dateline) entity.dateline = true;
      out.push(entity);
    }
    return out;
  }

  // ------------------------------------------------------------------ scanning

  private scan(block: Block): void {
    const { tokens } = block;
    for (let i = 0; i < tokens.length; ) {
      const token = tokens[i]!;
      const inHeadline = i < block.headlineEnd;
      if (this.acronymTokens.has(token)) {
        i++;
        continue;
      }

      const match = this.matchGazetteer(tokens, i);
      if (match && this.placeOpensName(tokens, i, match)) {
        i = this.scanName(tokens, i, block);
        continue;
      }
      if (match && match.adjective && this.adjectiveOpensPlace(tokens, match)) {
        // `het Arabische Schiereiland`, `de Zuid-Chinese Zee`: the adjective starts a place's name.
        i = this.scanName(tokens, i, block);
        continue;
      }
      if (match) {
        if (match.entry.generic) this.countPortfolio(tokens, i, match.entry.name, inHeadline);
        else if (match.surname && this.surnameNeedsEvidence(tokens, i, match)) this.pending.push({ entry: match.entry, inHeadline });
        else this.countEntry(match.entry, inHeadline, match.adjective);
        this.noteAcronym(tokens, match.end, match.entry.key);
        i = match.end;
        continue;
      }
      if (token.lowerStart && !token.cap) {
        // `kabinet-Rutte`, `anti-Poetin`: a lower-case compound ending in a name mentions it.
        if (token.text.includes('-')) this.countNameTail(token, inHeadline);
        i++;
        continue;
      }
      if (token.cap && this.countNameParts(token, inHeadline)) {
        i++;
        continue;
      }
      if (token.sentenceStart && token.cap && token.text.includes('-')) {
        // `Kabinet-Rutte`, `Regering-De Wever` opening a sentence: a common noun joined to a name.
        const end = this.nameTailAfterNoun(tokens, i, inHeadline);
        if (end > i) {
          i = end;
          continue;
        }
      }
      const genitive = this.gaz.genitive(token);
      if (genitive && !(token.sentenceStart && this.occursInLowerCase(token))) {
        this.countEntry(genitive, inHeadline, false);
        i++;
        continue;
      }
      if (token.capCompound) {
        // `VN-sancties`, `Kremlin-functionaris`: the compound names the entity it starts with;
        // `Azië-correspondent` names a reporter's beat, not a subject of the story.
        const prefix = isReporterWord(token.folded) ? undefined : this.compoundPrefix(token);
        if (prefix) this.countEntry(prefix, inHeadline, false);
        i++;
        continue;
      }
      if (!token.cap || block.shouting || !this.canStartName(tokens, i)) {
        i++;
        continue;
      }
      i = this.scanName(tokens, i, block);
    }
  }

  private matchGazetteer(tokens: Token[], i: number): GazetteerMatch | null {
    const match = this.gaz.matchAt(tokens, i);
    if (!match) return null;
    const first = tokens[i]!;
    // `Kamer`, `Defensie` at the start of a sentence while `kamer`/`defensie` occurs in lower case: a common noun.
    if (match.end - i === 1 && first.sentenceStart && !first.allCaps && this.occursInLowerCase(first)) return null;
    return match;
  }

  /** `spits Santiago Giménez`, `Rotterdam Airport`: a one-word place directly followed by an unknown capitalised word is part of another name. */
  private placeOpensName(tokens: Token[], i: number, match: GazetteerMatch): boolean {
    if (match.adjective || match.entry.kind !== 'place' || match.end !== i + 1 || tokens[i]!.allCaps) return false;
    const next = tokens[i + 1];
    if (!next || next.breakBefore || !next.cap || next.capCompound || next.allCaps || isSentenceWord(next.folded)) return false;
    return this.gaz.matchAt(tokens, i + 1) === null && this.gaz.genitive(next) === undefined;
  }

  /**
   * Whether the story also has this capitalised word in lower case (`Zware buien… zware gebieden`):
   * then its capital only opens a sentence. Searched on demand in the raw text, which is far
   * cheaper than collecting every lower-case word of every story.
   */
  private occursInLowerCase(token: Token): boolean {
    let found = this.lowerCache.get(token.text);
    if (found === undefined) {
      const lower = token.text.charAt(0).toLocaleLowerCase('nl') + token.text.slice(1);
      found = lower !== token.text && this.texts.some((text) => containsWord(text, lower));
      this.lowerCache.set(token.text, found);
    }
    return found;
  }

  private compoundPrefix(token: Token): GazetteerEntry | undefined {
    const parts = token.text.split(/[-‐]/u);
    for (let size = parts.length - 1; size >= 1; size--) {
      const prefix = parts.slice(0, size).join('-');
      if (!/^\p{Lu}/u.test(prefix)) continue;
      const entry = this.gaz.lookup(prefix);
      if (entry) return entry;
    }
    return undefined;
  }

  /** `Trump-Poetin`, `VS-China`: a headline compound of names mentions each of them. */
  private countNameParts(token: Token, inHeadline: boolean): boolean {
    const found = this.nameParts(token);
    if (!found) return false;
    for (const entry of found) if (!entry.generic) this.countEntry(entry, inHeadline, false);
    return true;
  }

  private nameParts(token: Token): GazetteerEntry[] | null {
    if (!token.text.includes('-') && !token.text.includes('‐')) return null;
    const parts = token.text.split(/[-‐]/u);
    if (parts.length < 2 || parts.some((part) => !/^\p{Lu}/u.test(part))) return null;
    const found: GazetteerEntry[] = [];
    for (let at = 0; at < parts.length; ) {
      let next = -1;
      for (let end = parts.length; end > at; end--) {
        const entry = this.gaz.lookup(parts.slice(at, end).join('-'));
        if (entry && !(at === 0 && end === parts.length)) {
          found.push(entry);
          next = end;
          break;
        }
      }
      if (next < 0) return null;
      at = next;
    }
    return found;
  }

  /** `kabinet-Rutte`, `regering-Trump`, `anti-Poetin`: the capitalised tail of a lower-case compound. */
  private countNameTail(token: Token, inHeadline: boolean): void {
    const parts = token.text.split(/[-‐]/u);
    for (let at = 1; at < parts.length; at++) {
      if (!/^\p{Lu}/u.test(parts[at]!)) continue;
      const entry = this.gaz.lookup(parts.slice(at).join('-'));
      if (entry && !entry.generic) this.countEntry(entry, inHeadline, false);
      return;
    }
  }

  private nameTailAfterNoun(tokens: Token[], i: number, inHeadline: boolean): number {
    const token = tokens[i]!;
    const cut = token.text.search(/[-‐]/u);
    const head = token.text.slice(0, cut);
    const lowerHead = head.charAt(0).toLocaleLowerCase('nl') + head.slice(1);
    if (!isKindWord(fold(head)) && !/^(?:kabinet|regering|regime|coalitie|team|ploeg|anti|pro|ex|oud)$/u.test(fold(head)) && !this.texts.some((text) => text.includes(lowerHead))) return i;
    const words = [token.text.slice(cut + 1)];
    let end = i + 1;
    while (end < tokens.length && end - i < 3 && !tokens[end]!.breakBefore && tokens[end]!.cap) words.push(tokens[end++]!.text);
    for (let size = words.length; size >= 1; size--) {
      const entry = this.gaz.lookup(words.slice(0, size).join(' '));
      if (entry && !entry.generic) {
        this.countEntry(entry, inHeadline, false);
        return i + size;
      }
    }
    return i;
  }

  /** `het Arabische Schiereiland`: a nationality adjective directly followed by a place word with a capital. */
  private adjectiveOpensPlace(tokens: Token[], match: GazetteerMatch): boolean {
    const next = tokens[match.end];
    if (!next || next.breakBefore || !next.cap || next.capCompound || this.gaz.matchAt(tokens, match.end)) return false;
    return kindFromNameWords([next.folded]) === 'place';
  }

  /**
   * A bare surname at the start of a sentence, followed by a lower-case word (`De Jonge zei…`,
   * `Bos staat…`), proves nothing by its capital: it needs the person named elsewhere in the story.
   */
  private surnameNeedsEvidence(tokens: Token[], i: number, match: GazetteerMatch): boolean {
    if (!tokens[i]!.sentenceStart || tokens[i]!.allCaps) return false;
    const next = tokens[match.end];
    return next !== undefined && !next.breakBefore && next.lowerStart;
  }

  private resolvePending(): void {
    for (const item of this.pending) {
      const tally = this.tallies.get(item.entry.key);
      if (tally && tally.count > tally.adjectives) this.countEntry(item.entry, item.inHeadline, false);
    }
  }

  /**
   * `het Russische ministerie van Defensie`: a portfolio is a tag only with the country the
   * text gives it; `Binnenlandse Zaken` alone could be any government's and is left out.
   */
  private countPortfolio(tokens: Token[], i: number, name: string, inHeadline: boolean): void {
    const country = this.portfolioCountry(tokens, i);
    if (!country) return;
    const display = name.replace(/^ministerie van /iu, '');
    const tally = this.tally(`ministerie van ${fold(display)} (${country.key})`, `Ministerie van ${display} (${country.name})`, 'organisation', 'pattern');
    tally.count++;
    if (inHeadline) tally.headline++;
  }

  /** The country adjective before `ministerie van …` / `minister van …` (the portfolio starts at `i`), if any. */
  private portfolioCountry(tokens: Token[], i: number): GazetteerEntry | undefined {
    let at = i;
    if (tokens[at]?.folded === 'ministerie' || tokens[at]?.folded === 'departement') at -= 1;
    // `de Iraanse minister van Buitenlandse Zaken`: a person's role, not a mention of the ministry.
    else if (tokens[at - 1]?.folded === 'van' && /^(?:ministerie|departement)$/u.test(tokens[at - 2]?.folded ?? '')) at -= 3;
    else return undefined;
    const adjective = tokens[at];
    if (!adjective || !adjective.cap) return undefined;
    const match = this.gaz.matchAt(tokens, at);
    return match && match.adjective && match.end === at + 1 && match.entry.kind === 'place' ? match.entry : undefined;
  }

  /** Whether a capitalised token may open a name (sentence-initial common words and lone particles may not). */
  private canStartName(tokens: Token[], i: number): boolean {
    const token = tokens[i]!;
    if (token.sentenceStart) {
      if (token.allCaps && token.text.length > 1) return true;
      // `Van den Berg zei…`, `Van Weel voegde toe`: a surname with its particle opening a sentence.
      if (token.folded === 'van' && this.particleOpensSurname(tokens, i)) return true;
      // `Reder Jan van den Berg…`: a word opening the sentence before a first name is a title or a noun, not the name.
      const next = tokens[i + 1];
      if (next && !next.breakBefore && next.cap && this.gaz.firstNames.has(next.folded) && !this.gaz.firstNames.has(token.folded)) return false;
      if (isSentenceWord(token.folded) || isCueNoun(token.folded) || this.occursInLowerCase(token)) return false;
    }
    // A capitalised particle or article mid-sentence (`Van der Plas`, `The Telegraph`) opens a name only if one follows.
    if (NAME_PARTICLES.has(token.folded) || isTitleArticle(token.folded)) {
      let k = i + 1;
      while (k < tokens.length && !tokens[k]!.breakBefore && NAME_PARTICLES.has(tokens[k]!.folded) && !tokens[k]!.cap) k++;
      const next = tokens[k];
      return next !== undefined && !next.breakBefore && next.cap && !next.capCompound && !this.gaz.matchAt(tokens, k);
    }
    // A capitalised role word (`President Poetin` after a quote) is a title, not part of the name.
    return !isRoleWord(token.folded) || token.allCaps;
  }

  private particleOpensSurname(tokens: Token[], i: number): boolean {
    let k = i + 1;
    while (k < tokens.length && !tokens[k]!.breakBefore && !tokens[k]!.cap && NAME_PARTICLES.has(tokens[k]!.folded) && k - i < 3) k++;
    const next = tokens[k];
    return next !== undefined && !next.breakBefore && next.cap && !next.capCompound && !next.allCaps && !this.gaz.matchAt(tokens, k);
  }

  /** Collects a capitalised name starting at `start`; returns the index after it. */
  private scanName(tokens: Token[], start: number, block: Block): number {
    const parts = [start];
    let absorbed = false;
    let j = start + 1;
    // `Van den Berg`: the particles after a capitalised particle belong to the name.
    if (NAME_PARTICLES.has(tokens[start]!.folded)) {
      while (j < tokens.length && !tokens[j]!.breakBefore && !tokens[j]!.cap && NAME_PARTICLES.has(tokens[j]!.folded)) parts.push(j++);
    }
    while (j < tokens.length && !tokens[j]!.breakBefore) {
      const token = tokens[j]!;
      if (token.cap && this.nameParts(token)) break;
      if (token.cap && !token.capCompound) {
        const match = this.gaz.matchAt(tokens, j);
        if (match) {
          // `Hunter Biden`: an unknown first name before a known surname is another person.
          const surnameOnly = !match.adjective && match.entry.kind === 'person' && match.end - j === 1;
          if (surnameOnly && parts.length <= 2 && !tokens[start]!.allCaps) {
            parts.push(j);
            j++;
            continue;
          }
          // `Universiteit Utrecht`, `Sail Amsterdam`: an unknown name directly before a place is one longer name.
          const placeTail = !match.adjective && match.entry.kind === 'place' && match.end === j + 1 && !tokens[start]!.allCaps;
          if (placeTail && !this.anyKnown(tokens, parts) && !isRoleWord(tokens[j - 1]!.folded)) {
            parts.push(j);
            j++;
            absorbed = true;
            break;
          }
          break;
        }
        parts.push(j);
        j++;
        continue;
      }
      // A particle joins a first name to a surname (`Robin van Persie`), not a full name to
      // something else (`Charles Leclerc van Ferrari`, `Grand Prix van Monaco`).
      if (!token.cap && NAME_PARTICLES.has(token.folded) && parts.length === 1) {
        let k = j;
        while (k < tokens.length && !tokens[k]!.breakBefore && !tokens[k]!.cap && NAME_PARTICLES.has(tokens[k]!.folded)) k++;
        const next = tokens[k];
        if (!next || next.breakBefore || !next.cap || next.capCompound || k - j > 3) break;
        const match = this.gaz.matchAt(tokens, k);
        const sentenceInitial = tokens[start]!.sentenceStart;
        if (sentenceInitial && COMMON_NOUN_ENDING.test(tokens[start]!.folded)) break;
        if (match) {
          // `Dag van Rusland`, `Universiteit van Amsterdam`: a name ending in a known place or organisation.
          const absorbs = !match.adjective && (match.entry.kind === 'place' || match.entry.kind === 'organisation');
          if (!absorbs || sentenceInitial) break;
          // The longest name wins: `Verdrag van Maastricht` is no mention of Maastricht.
          for (let p = j; p < match.end; p++) parts.push(p);
          absorbed = true;
          j = match.end;
          break;
        }
        for (let p = j; p <= k; p++) parts.push(p);
        j = k + 1;
        continue;
      }
      break;
    }

    const nameTokens = parts.map((p) => tokens[p]!);
    const inHeadline = start < block.headlineEnd;
    // `correspondent Sjoerd Kleinhuis`, `verslaggever …`: the reporter, not a subject of the story.
    if (this.afterReporterWord(tokens, start)) return j;
    // `het ministerie van Volksgezondheid`: a portfolio, a tag only with its country.
    if (this.portfolioStart(tokens, start)) {
      this.countPortfolio(tokens, start, nameTokens.map((token) => token.text).join(' '), inHeadline);
      return j;
    }
    // A name ending in a known place (`Dag van Rusland`) is not a person's name.
    const kindCue = this.kindCue(tokens, start, j, nameTokens) ?? (absorbed ? 'topic' : null);
    if (nameTokens.length === 1) {
      const token = nameTokens[0]!;
      this.singles.push({ token, text: token.text, folded: token.folded, tokens, start, weak: token.sentenceStart, kindCue, inHeadline, order: this.order++ });
      return j;
    }
    const words = nameTokens.map((token) => token.folded);
    const key = words.join(' ');
    if (NAME_PARTICLES.has(words[0]!) && words.length <= 4) {
      // `Van den Berg` after `Jan van den Berg`: resolved with the bare names.
      const text = nameTokens.map((token) => token.text).join(' ');
      this.singles.push({ token: nameTokens[nameTokens.length - 1]!, text, folded: key, tokens, start, weak: false, kindCue, inHeadline, order: this.order++ });
      return j;
    }
    const tally = this.tally(key, nameTokens.map((token) => token.text).join(' '), 'topic', 'pattern');
    tally.words = words;
    this.countPattern(tally, nameTokens.map((token) => token.text).join(' '), kindCue, inHeadline);
    this.noteAcronym(tokens, j, key);
    return j;
  }

  private anyKnown(tokens: Token[], parts: number[]): boolean {
    return parts.some((p) => this.gaz.matchAt(tokens, p) !== null || NAME_PARTICLES.has(tokens[p]!.folded));
  }

  private afterReporterWord(tokens: Token[], start: number): boolean {
    const before = tokens[start - 1];
    return before !== undefined && !tokens[start]!.breakBefore && isReporterWord(before.folded);
  }

  private portfolioStart(tokens: Token[], start: number): boolean {
    if (tokens[start - 1]?.folded !== 'van' || tokens[start]!.breakBefore || tokens[start - 1]!.breakBefore) return false;
    return /^(?:ministerie|departement|minister|staatssecretaris)$/u.test(tokens[start - 2]?.folded ?? '');
  }

  /** `premier Modi`, `de Indiase premier Modi`, `kanselier Merz`: the role word and country adjective before a name. */
  private roleCue(tokens: Token[], start: number): RoleCue | null {
    const roleToken = tokens[start - 1];
    if (!roleToken || tokens[start]!.breakBefore || !isRoleWord(roleToken.folded)) return null;
    let country: string | null = null;
    const adjective = tokens[start - 2];
    if (adjective && adjective.cap && !roleToken.breakBefore) {
      const match = this.gaz.matchAt(tokens, start - 2);
      if (match?.adjective && match.end === start - 1) country = match.entry.key;
    }
    const parts = roleToken.folded.split(/[-‐]/u);
    return { role: parts[parts.length - 1]!, country };
  }

  private kindCue(tokens: Token[], start: number, end: number, nameTokens: Token[]): EntityKind | null {
    const fromWords = kindFromNameWords(nameTokens.map((token) => token.folded));
    if (fromWords) return fromWords;
    // `Persbureau Kyodo`, `Premier Schoof` opening a sentence: the capitalised cue word still says what follows.
    const opener = tokens[start - 1];
    if (opener && opener.sentenceStart && opener.cap && !tokens[start]!.breakBefore) {
      const fromOpener = kindFromContext([opener.folded]);
      if (fromOpener) return fromOpener;
    }
    // `Jan Jansen (44)`: an age in brackets.
    const after = tokens[end];
    if (after && /^\d{1,3}$/.test(after.text) && after.gapBefore.includes('(') && nameTokens.length > 0) return 'person';
    const before: string[] = [];
    for (let k = start - 1; k >= 0 && before.length < 3; k--) {
      if (tokens[k + 1]!.breakBefore || tokens[k]!.cap) break;
      before.push(tokens[k]!.folded);
    }
    const fromContext = kindFromContext(before);
    if (fromContext) return fromContext;
    if (nameTokens.length === 1 && nameTokens[0]!.allCaps && nameTokens[0]!.text.length > 1) return 'organisation';
    return null;
  }

  /** `Rapid Support Forces (RSF)`: remember RSF as this entity within the story. */
  private noteAcronym(tokens: Token[], end: number, key: string): void {
    const next = tokens[end];
    const after = tokens[end + 1];
    if (!next || !next.allCaps || next.text.length < 2 || !/\(\s*$/.test(next.gapBefore)) return;
    if (after && !/^\s*\)/.test(after.gapBefore)) return;
    if (!this.acronyms.has(next.folded)) this.acronyms.set(next.folded, key);
    this.acronymTokens.add(next);
  }

  // ------------------------------------------------------------------ tallies

  private tally(key: string, name: string, kind: EntityKind, source: EntitySource): Tally {
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = { key, name, kind, source, count: 0, adjectives: 0, headline: 0, dateline: false, order: this.order++ };
      this.tallies.set(key, tally);
    }
    return tally;
  }

  private countEntry(entry: GazetteerEntry, inHeadline: boolean, adjective: boolean): void {
    const tally = this.tally(entry.key, entry.name, entry.kind, 'gazetteer');
    tally.count++;
    if (adjective) tally.adjectives++;
    if (inHeadline) tally.headline++;
  }

  private countPattern(tally: Tally, spelling: string, kindCue: EntityKind | null, inHeadline: boolean): void {
    tally.count++;
    if (inHeadline) tally.headline++;
    tally.spellings ??= new Map();
    tally.spellings.set(spelling, (tally.spellings.get(spelling) ?? 0) + 1);
    tally.kindVotes ??= new Map();
    if (kindCue) tally.kindVotes.set(kindCue, (tally.kindVotes.get(kindCue) ?? 0) + 1);
  }

  // ------------------------------------------------------------------ resolution

  /** Bare names: a first/last name of someone named in full, an introduced acronym, or a name of its own. */
  private resolveSingles(): void {
    // `Tallon Griekspoor … Griekspoor treft`: a name whose last word comes back on its own is a person's.
    const bare = new Set(this.singles.map((single) => single.folded));
    for (const tally of this.tallies.values()) {
      const words = tally.words;
      if (tally.source !== 'pattern' || !words || words.length < 2 || !tally.kindVotes || tally.kindVotes.size > 0) continue;
      const last = words[words.length - 1]!;
      if (bare.has(last) && !isKindWord(last)) tally.kindVotes.set('person', 1);
    }
    const aliases = this.storyAliases();
    for (const single of this.singles) {
      const target =
        this.acronyms.get(single.folded) ??
        pickAlias(aliases, single.folded, this.tallies) ??
        pickAlias(aliases, single.folded.replace(/(?:['’]s|s)$/u, ''), this.tallies);
      const byRole = target ? undefined : this.resolveByRole(single);
      if (byRole) {
        this.countEntry(byRole, single.inHeadline, false);
        continue;
      }
      if (target) {
        const tally = this.tallies.get(target)!;
        tally.count++;
        if (single.inHeadline) tally.headline++;
        if (tally.kindVotes && single.kindCue) tally.kindVotes.set(single.kindCue, (tally.kindVotes.get(single.kindCue) ?? 0) + 1);
        continue;
      }
      if (single.weak || this.occursInLowerCase(single.token) || single.token.text.length < 2 || isKindWord(single.folded)) continue;
      const tally = this.tally(single.folded, single.text, 'topic', 'pattern');
      tally.words ??= single.folded.split(' ');
      this.countPattern(tally, single.text, single.kindCue, single.inHeadline);
    }
  }

  /**
   * `de Pakistaanse premier Sharif`, `minister Sánchez`: a bare surname after a role word
   * means the curated person with that surname when the cue leaves one candidate (the
   * country adjective must be theirs, and their roles include the role word when known).
   */
  private resolveByRole(single: SingleName): GazetteerEntry | undefined {
    let candidates = this.gaz.peopleNamed(single.folded);
    if (candidates.length === 0) return undefined;
    const cue = this.roleCue(single.tokens, single.start);
    if (!cue) return undefined;
    const { role, country } = cue;
    if (country) candidates = candidates.filter((entry) => entry.country === country);
    const byRole = candidates.filter((entry) => entry.roles?.some((known) => known === role || known.endsWith(role) || role.endsWith(known)));
    if (byRole.length > 0) candidates = byRole;
    else if (!country) return undefined;
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /** Folded bare names that point at a person named in full in this story. */
  private storyAliases(): Map<string, string[]> {
    const aliases = new Map<string, string[]>();
    const add = (alias: string, key: string) => {
      const list = aliases.get(alias);
      if (!list) aliases.set(alias, [key]);
      else if (!list.includes(key)) list.push(key);
    };
    for (const tally of this.tallies.values()) {
      if (tally.source === 'gazetteer') {
        // `Kamer` after `Tweede Kamer`, `Hermans` after `Sophie Hermans`.
        const entry = this.gaz.entry(tally.key);
        if (entry && tally.count > tally.adjectives) for (const alias of entry.contextKeys) add(alias, tally.key);
        continue;
      }
      const words = tally.words;
      if (!words || words.length < 2 || chooseKind(tally.kindVotes ?? new Map(), this.looksLikePersonName(words)) !== 'person') continue;
      add(words[0]!, tally.key);
      add(words[words.length - 1]!, tally.key);
      // `von der Leyen`, `van der Plas`: the surname with its particles.
      const particle = words.findIndex((word, index) => index > 0 && NAME_PARTICLES.has(word));
      if (particle > 0) add(words.slice(particle).join(' '), tally.key);
    }
    return aliases;
  }

  /** Two or more words starting with a known first name (`Sjoerd Kleinhuis`), or an initial (`J. Jansen`). */
  private looksLikePersonName(words: string[] | undefined): boolean {
    if (!words || words.length < 2) return false;
    const first = words[0]!;
    return (first.length === 1 || this.gaz.firstNames.has(first)) && !isRoleWord(first);
  }

  private addDateline(place: string): void {
    const clean = toNfc(place).trim();
    if (!/\p{L}/u.test(clean)) return;
    const entry = this.gaz.lookup(clean);
    const tally = entry ? this.tally(entry.key, entry.name, entry.kind, 'gazetteer') : this.datelineTally(clean);
    tally.count++;
    tally.dateline = true;
  }

  private datelineTally(place: string): Tally {
    const name = titleCasePlace(place);
    const key = fold(name);
    const existing = this.tallies.get(key);
    if (existing) {
      // A name also found in the text: the dateline settles that it is a place.
      existing.source = existing.source === 'gazetteer' ? 'gazetteer' : 'dateline';
      existing.kindVotes?.set('place', (existing.kindVotes.get('place') ?? 0) + 1000);
      return existing;
    }
    return this.tally(key, name, 'place', 'dateline');
  }
}

function pickAlias(aliases: Map<string, string[]>, folded: string, tallies: Map<string, Tally>): string | undefined {
  const keys = aliases.get(folded);
  if (!keys) return undefined;
  if (keys.length === 1) return keys[0];
  // Two people share the bare name: the one named most often is the likelier referent.
  return [...keys].sort((a, b) => (tallies.get(b)?.count ?? 0) - (tallies.get(a)?.count ?? 0))[0];
}

function bestSpelling(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of spellings) {
    if (count > bestCount) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

function chooseKind(votes: Map<EntityKind, number>, personName: boolean): EntityKind {
  let best: EntityKind | null = null;
  let bestVotes = 0;
  for (const kind of KIND_PRIORITY) {
    const count = votes.get(kind) ?? 0;
    if (count > bestVotes) {
      best = kind;
      bestVotes = count;
    }
  }
  // No cue at all: a person only when the name opens with a known first name; otherwise another thing.
  return best ?? (personName ? 'person' : 'topic');
}

/** NFC, but without the cost of normalising the (usual) text that has no combining marks. */
function nfc(text: string): string {
  return COMBINING_MARK.test(text) ? toNfc(text) : text;
}

function prepareBlocks(story: EntityStoryInput): Block[] {
  const headline = typeof story?.headline === 'string' ? nfc(story.headline).trim() : '';
  const texts: string[] = [];
  for (const block of Array.isArray(story?.body) ? story.body : []) {
    if (typeof block?.text === 'string' && block.text.trim() !== '') texts.push(nfc(block.text));
  }
  if (texts.length) texts[0] = texts[0]!.replace(LEADING_DATELINE, '');

  const blocks: Block[] = [];
  const headlineTokens = headline ? tokenize(headline) : [];
  const bodyTokens = texts.map((text) => tokenize(text));
  // A brief's headline is its own first sentence: count it once, as headline.
  const headlineInBody = headlineTokens.length > 0 && bodyTokens.length > 0 && startsWithTokens(bodyTokens[0]!, headlineTokens);
  if (headlineTokens.length && !headlineInBody) blocks.push(block(headline, headlineTokens, headlineTokens.length));
  for (let index = 0; index < texts.length; index++) {
    blocks.push(block(texts[index]!, bodyTokens[index]!, index === 0 && headlineInBody ? headlineTokens.length : 0));
  }
  return blocks;
}

/** `word` occurs in `text` as a whole word (not inside another word or compound). */
function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!wordEdgeAt(text, at - 1) && !wordEdgeAt(text, at + word.length)) return true;
  }
  return false;
}

/**
 * Whether the character at `at` (none outside the text) is a WORD_EDGE. Short words
 * (`De` → `de`) occur inside many words of a story: an ASCII neighbour, the usual one, is
 * told without the regular expression.
 */
function wordEdgeAt(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 0x27 /* ' */ || code === 0x2d /* - */;
  return WORD_EDGE.test(text.charAt(at));
}

function startsWithTokens(tokens: Token[], prefix: Token[]): boolean {
  if (prefix.length > tokens.length) return false;
  for (let k = 0; k < prefix.length; k++) if (tokens[k]!.folded !== prefix[k]!.folded) return false;
  return true;
}

function block(text: string, tokens: Token[], headlineEnd: number): Block {
  return { text, tokens, headlineEnd, shouting: isShouting(tokens) };
}

/** `PYONGYANG` → `Pyongyang`, `GAZA-STAD` → `Gaza-Stad`, `GENÈVE` → `Genève`, `IJMUIDEN` → `IJmuiden`. */
export function titleCasePlace(place: string): string {
  return toNfc(place)
    .trim()
    .toLocaleLowerCase('nl')
    .replace(/(^|[\s\-‐'’(/])(ij|\p{L})/gu, (_match, separator: string, first: string) => separator + first.toLocaleUpperCase('nl'));
}
