import { detached, fold } from '../../text/dutch';
import { sentenceSpans } from '../../text/sentences';
import { gazetteer } from '../gazetteer';
import { isRoleWord, NAME_PARTICLES } from '../name-cues';
import { tokenize } from '../tokens';

// Who said what: direct quotes with their speaker, and indirect speech marked as such,
// from Dutch news copy. The speaker is resolved to a person of the story where the text
// allows it (Kim → Kim Jong-un, "de Noord-Koreaanse leider" → the person the story
// introduced with that adjective, "hij" → the one person in focus); where it does not, the
// quote stays unattributed and says so. Nothing is ever attributed by guessing. Pure.

/**
 * Who speaks: a person, or an organisation or government the text names as the source
 * ("volgens het Pakistaanse ministerie van Buitenlandse Zaken", "volgens Pakistan"): never
 * an adjective ("Amerikaanse") or a bare place ("Moskou").
 */
export type SpeakerKind = 'person' | 'organisation' | 'country';

/** A person (or organisation) the story names. */
export interface QuotePerson {
  key: string;
  name: string;
  /** Absent: a person. */
  kind?: SpeakerKind;
}

export interface QuoteStory {
  id: string;
  date: string | null;
  paragraphs: readonly string[];
  /** The people the story names (from entity extraction), used to resolve short names and roles. */
  people: readonly QuotePerson[];
  /** The organisations the story names (from entity extraction): speakers too, never "hij". */
  organisations?: readonly QuotePerson[];
}

/**
 * How the speaker was found: named in the attribution, by a role the story gave a person,
 * by a pronoun, as the same speaker's next sentence (a quote that goes on after "…", zei
 * Kim), or not at all.
 */
export type Attribution = 'named' | 'role' | 'pronoun' | 'continued' | 'unresolved';

export interface Quote {
  storyId: string;
  kind: 'direct' | 'indirect';
  /** The words quoted (direct) or reported (indirect), without quotation marks. */
  text: string;
  /** The speaker as resolved; null when unattributed. */
  speaker: QuotePerson | null;
  /** The speaker as written ("Kim", "de Noord-Koreaanse leider", "hij"); null when the text names none. */
  speakerText: string | null;
  attribution: Attribution;
  paragraph: number;
  /** Offsets of the quoted words in the paragraph (for a quote over several paragraphs: in its first). */
  start: number;
  end: number;
  /** The story's date: the quote's date. */
  date: string | null;
}

const SPEECH_VERBS = [
  'zei', 'zeiden', 'zegt', 'zeggen', 'aldus', 'volgens', 'schreef', 'schreven', 'schrijft', 'stelde', 'stelden', 'stelt',
  'verklaarde', 'verklaarden', 'verklaart', 'benadrukte', 'benadrukt', 'waarschuwde', 'waarschuwt', 'voegde', 'vertelde',
  'vertelt', 'antwoordde', 'antwoordt', 'reageerde', 'reageert', 'twitterde', 'riep', 'roept', 'meldde', 'meldt', 'liet',
  'laat', 'vond', 'vindt', 'meende', 'meent', 'erkende', 'erkent', 'beloofde', 'belooft', 'concludeerde', 'merkte',
  'sprak', 'spreekt', 'dreigde', 'dreigt', 'beweerde', 'beweert', 'zo zei', 'zo zegt', 'zo stelt', 'zo stelde',
  'omschreef', 'omschrijft', 'noemde', 'noemt', 'prees', 'prijst', 'herhaalde', 'herhaalt', 'onderstreepte', 'bevestigde',
  'bevestigt', 'ontkende', 'ontkent', 'vroeg', 'vraagt', 'kondigde', 'verzekerde', 'verzekert', 'klaagde', 'klaagt',
];
const VERB = `(?:${SPEECH_VERBS.map((v) => v.replace(' ', '\\s+')).join('|')})`;
// A name: capitalised words, with the particles that sit inside names (`Ursula von der Leyen`).
const NAME = `\\p{Lu}[\\p{L}\\p{M}'’-]*(?:\\s+(?:(?:${[...NAME_PARTICLES].join('|')})\\s+)*\\p{Lu}[\\p{L}\\p{M}'’-]*){0,3}`;
// A role phrase: an article, up to three words, ending in a role word; checked with isRoleWord.
// A role phrase: an article and up to four words; attribute() keeps it up to its last role word.
const ROLE = `(?:[Dd]e|[Hh]et|[Ee]en)\\s+[\\p{L}\\p{M}\\p{N}-]+(?:\\s+[\\p{L}\\p{M}\\p{N}-]+){0,3}`;
const PRONOUN = '(?:[Hh]ij|[Zz]ij|[Zz]e)(?![\\p{L}])';
// An organisation named by what it is: "het Pakistaanse ministerie van Buitenlandse Zaken",
// "de Amerikaanse centrale bank", "het Russische leger"; speaks only when a capital names whose it is.
const ORG_HEADS = 'ministerie|regering|kabinet|leger|krijgsmacht|politie|marine|luchtmacht|centrale bank|bank|commissie|raad|rechtbank|gerechtshof|hof|parlement|senaat|congres|departement|agentschap|inlichtingendienst|veiligheidsdienst|persbureau|staatspersbureau|staatsmedia|staatstelevisie|ambassade|gemeente|provincie|vakbond|partij|presidentschap|Kremlin|Witte Huis';
const ORG_PHRASE = `(?:[Dd]e|[Hh]et)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${ORG_HEADS})(?:\\s+(?:van|voor)\\s+(?:de\\s+)?\\p{Lu}[\\p{L}\\p{M}'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}'’-]*){0,3})?(?![\\p{L}])`;
// A role word in lower case before a name: "zei oprichter Sanne Bakker".
const ROLE_BEFORE_NAME = `[\\p{Ll}-]+\\s+${NAME}`;
const SPEAKER = `(${PRONOUN}|${ORG_PHRASE}|${ROLE}|${NAME})`;
const SPEAKER_AFTER = `(${PRONOUN}|${ORG_PHRASE}|${ROLE}|${NAME}|${ROLE_BEFORE_NAME})`;

// After a closing quote: `", zei Poetin`, `", aldus de Noord-Koreaanse leider`, `", liet Peskov weten`.
const AFTER = new RegExp(`^[\\s,]*(?:${VERB})\\s+(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|gisteren|eerder|later|ook|nog|dan|daarop)\\s+)?${SPEAKER_AFTER}`, 'u');
// Before an opening quote: `Poetin zei dinsdag: "`, `Kallas: "`.
const BEFORE_COLON = new RegExp(`(?:^|[.!?]\\s+|^\\s*)${SPEAKER}(?:\\s+[\\p{Ll}\\p{N}][\\p{L}\\p{N}-]*){0,8}\\s*:\\s*$`, 'u');
// A sentence whose subject speaks and quotes a phrase: `Kim omschreef het verdrag als "…"`.
const SUBJECT_VERB = new RegExp(`^${SPEAKER}\\s+(?:[\\p{Ll}]+\\s+){0,2}?(?:${VERB})(?![\\p{L}])`, 'u');
// Indirect: `X zegt dat …`, `X liet weten dat …`, `Volgens X …`.
const INDIRECT_THAT = new RegExp(`^${SPEAKER}\\s+(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|gisteren|eerder|ook|nog)\\s+)?(?:zegt|zei|zeiden|zeggen|verklaarde|verklaart|stelde|stelt|liet\\s+weten|laat\\s+weten|meldde|meldt|benadrukte|erkende|ontkende|beweerde|beweert|waarschuwde|vindt|vond|meent|meende)\\s+(?:[\\p{L}]+\\s+){0,3}?dat\\s+(.+)$`, 'u');
// `Volgens X …`, also with a descriptor before the name (`Volgens brancheorganisatie ActiZ …`).
const INDIRECT_VOLGENS = new RegExp(`^Volgens\\s+(?:(?!(?:de|het|een)\\s)[\\p{Ll}-]+\\s+(?=\\p{Lu})){0,2}${SPEAKER}\\s+(.+)$`, 'u');
// Inverted after a fronted phrase: `In Frankrijk maakte president Macron zondag bekend dat …`.
// Compiled once: they run on every sentence.
const ORG_PHRASE_START = new RegExp(`^${ORG_PHRASE}`, 'u');
const SPEAKER_START = new RegExp(`^${SPEAKER}`, 'u');
// What every indirect-speech pattern needs somewhere in the sentence: a verb of saying, or "Volgens".
const INDIRECT_CUE = /(?<![\p{L}])(?:zegt|zei|zeiden|zeggen|verklaarde|verklaart|stelde|stelt|liet|laat|meldde|meldt|benadrukte|erkende|ontkende|beweerde|beweert|waarschuwde|vindt|vond|meent|meende|maakte|maakt|Volgens)(?![\p{L}])/u;
// A story without any quotation mark and without such a cue has no quotes at all.
const ANY_QUOTE_CUE = new RegExp(`[${'"“„«‘\''}]|${INDIRECT_CUE.source}`, 'u');
const INDIRECT_INVERTED = new RegExp(`^\\p{Lu}[^,]{0,60}?\\s(?:maakte|maakt|liet|laat|zei|zegt|verklaarde|verklaart|meldde|meldt|stelde|stelt|benadrukte|erkende|ontkende)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(${NAME})\\s+(?:[\\p{Ll}]+\\s+){0,3}?dat\\s+(.+)$`, 'u');

const OPEN = '"“„«‘\'';
const CLOSE_FOR: Record<string, string> = { '"': '"”', '“': '”"', '„': '”“"', '«': '»', '‘': '’', "'": "'’" };
/** A single-quoted phrase shorter than this many words is a scare quote ('alomvattend'), not speech. */
const MIN_SINGLE_QUOTE_WORDS = 4;

interface Span {
  open: number;
  close: number;
  /** Offsets of the quoted words (inside the marks). */
  start: number;
  end: number;
  /** The quote goes on in the next paragraph (Dutch repeats the opening mark there). */
  continues: boolean;
}

/** The quoted spans of a paragraph. A double quote left open at the end of the paragraph continues in the next. */
function quoteSpans(text: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    // Most characters are no quotation mark: jump to the next one (one of OPEN).
    OPEN_MARK.lastIndex = i;
    if (!OPEN_MARK.exec(text)) break;
    i = OPEN_MARK.lastIndex - 1;
    const mark = text[i]!;
    if (!opensHere(text, i)) {
      i++;
      continue;
    }
    const closers = CLOSE_FOR[mark]!;
    let j = nextOf(text, closers, i + 1);
    while (j < text.length && !closesHere(text, j)) j = nextOf(text, closers, j + 1);
    const single = mark === '‘' || mark === "'";
    if (j >= text.length) {
      if (!single) spans.push({ open: i, close: text.length, start: i + 1, end: text.length, continues: true });
      break;
    }
    const inner = text.slice(i + 1, j);
    if (!single || inner.trim().split(/\s+/u).length >= MIN_SINGLE_QUOTE_WORDS) spans.push({ open: i, close: j + 1, start: i + 1, end: j, continues: false });
    i = j + 1;
  }
  return spans;
}

/** Where the first of the characters `marks` stands in `text` from `from` on; text.length when none does. */
function nextOf(text: string, marks: string, from: number): number {
  let next = text.length;
  for (const mark of marks) {
    const at = text.indexOf(mark, from);
    if (at >= 0 && at < next) next = at;
  }
  return next;
}

const OPEN_MARK = new RegExp(`[${OPEN}]`, 'g');
const LETTER = /[\p{L}\p{N}]/u;
const isAsciiAlnum = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
// An apostrophe inside a word (`zo'n`, `'s`, `Kim’s`) opens or closes nothing. (ASCII is told by its code, the rest by LETTER.)
const letter = (c: string | undefined) => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code < 128 ? isAsciiAlnum(code) : LETTER.test(c);
};
const opensHere = (text: string, i: number) => !letter(text[i - 1]) && (text[i] !== "'" || text[i + 1] !== 's' || letter(text[i + 2]));
const closesHere = (text: string, j: number) => !letter(text[j + 1]) || text[j] === '”' || text[j] === '»';

interface Focus {
  /** The person the story is about right now (last subject or named speaker). */
  person: QuotePerson | null;
  /** Other people named since: a pronoun is then ambiguous. */
  othersSince: Set<string>;
}

/**
 * The quotes of a story, in reading order. `sentences`: where given, the sentenceSpans of each
 * paragraph split on the way are left there by paragraph index (storyQuotes cites them).
 */
export function extractQuotes(story: QuoteStory, options: { exhaustive?: boolean; sentences?: { start: number; end: number }[][] } = {}): Quote[] {
  // Most of a library's text is no speech: a story with no quotation mark and no verb of saying
  // is left at once, and a sentence without a cue skips the indirect-speech patterns (the
  // results are the same: quote-cost.test.ts compares with `exhaustive`, which tries everything;
  // so does quotes.property.test.ts for the people named, found once per paragraph).
  if (!options.exhaustive && !story.paragraphs.some((paragraph) => ANY_QUOTE_CUE.test(paragraph))) return [];
  const resolver = new SpeakerResolver(story);
  const quotes: Quote[] = [];
  const focus: Focus = { person: null, othersSince: new Set() };
  let carried: Quote | null = null;

  story.paragraphs.forEach((paragraph, index) => {
    const spans = quoteSpans(paragraph);
    // Where the paragraph may name one of the story's people: a sentence without any such word names none.
    const hits = options.exhaustive ? null : resolver.nameHits(paragraph);
    let hit = 0;
    // A quote carried over from the paragraph before: this paragraph opens with its mark again.
    if (carried) {
      const first = spans[0];
      if (first && first.open === leadingSpace(paragraph)) {
        carried.text += ' ' + paragraph.slice(first.start, first.end).trim();
        spans.shift();
        if (!first.continues) {
          const after = AFTER.exec(paragraph.slice(first.close));
          if (after && !carried.speakerText) attribute(carried, after[1]!, resolver, focus);
          carried = null;
        }
      } else carried = null;
    }
    let previous: Quote | null = null;
    const sentences = sentenceSpans(paragraph);
    if (options.sentences) options.sentences[index] = sentences;
    for (const sentence of sentences) {
      const text = paragraph.slice(sentence.start, sentence.end);
      const inSentence = spans.length === 0 ? spans : spans.filter((span) => span.open >= sentence.start && span.open < sentence.end);
      for (const span of inSentence) {
        const quote: Quote = {
          storyId: story.id,
          kind: 'direct',
          text: paragraph.slice(span.start, span.end).trim().replace(/,$/u, ''),
          speaker: null,
          speakerText: null,
          attribution: 'unresolved',
          paragraph: index,
          start: span.start,
          end: span.end,
          date: story.date,
        };
        if (!quote.text) continue;
        const after = span.continues ? null : AFTER.exec(paragraph.slice(span.close));
        // BEFORE_COLON ends in a colon and spaces: tried only where the text before the quote does.
        const before = endsWithColon(paragraph, sentence.start, span.open) ? BEFORE_COLON.exec(paragraph.slice(sentence.start, span.open)) : null;
        const subject = SUBJECT_VERB.exec(paragraph.slice(sentence.start, span.open));
        const speakerText = after?.[1] ?? before?.[1] ?? subject?.[1] ?? null;
        if (speakerText) attribute(quote, speakerText, resolver, focus);
        else if (previous?.speaker && span.open === sentence.start && focus.person?.key === previous.speaker.key && focus.othersSince.size === 0) {
          // A whole sentence quoted right after one attributed: the same speaker goes on.
          quote.speaker = previous.speaker;
          quote.attribution = 'continued';
        }
        quotes.push(quote);
        previous = quote;
        if (span.continues) carried = quote;
      }
      if (inSentence.length === 0) {
        // An agency dateline (`ISLAMABAD (ANP/RTR) - `) is no part of the sentence's speech.
        const told = text.slice(DATELINE.exec(text)?.[0].length ?? 0);
        const cued = options.exhaustive || INDIRECT_CUE.test(told);
        const indirect = cued ? (INDIRECT_THAT.exec(told) ?? INDIRECT_VOLGENS.exec(told) ?? INDIRECT_INVERTED.exec(told)) : null;
        if (indirect && !/^(?:het|dit|dat|er)$/iu.test(indirect[1]!)) {
          let reported = indirect[2]!;
          const quote: Quote = {
            storyId: story.id,
            kind: 'indirect',
            text: reported.trim(),
            speaker: null,
            speakerText: null,
            attribution: 'unresolved',
            paragraph: index,
            start: sentence.start + text.lastIndexOf(reported),
            end: sentence.end,
            date: story.date,
          };
          attribute(quote, indirect[1]!, resolver, focus, false);
          // "Volgens de NAVO is er geen reden …": the words past the speaker the pattern took are what was said.
          const written = quote.speakerText;
          if (written && indirect[0].startsWith('Volgens') && indirect[1]!.startsWith(written) && indirect[1]!.length > written.length) {
            reported = `${indirect[1]!.slice(written.length).trim()} ${reported}`;
            quote.text = reported.trim();
            quote.start = sentence.start + text.lastIndexOf(reported);
          }
          if (quote.speakerText) quotes.push(quote);
        }
        previous = null;
      }
      if (hits) {
        while (hit < hits.length && hits[hit]!.at < sentence.start) hit++;
        let last = hit;
        while (last < hits.length && hits[last]!.at < sentence.end) last++;
        updateFocus(text, sentence.start, resolver, focus, last > hit ? hits.slice(hit, last) : NO_HITS);
      } else updateFocus(text, sentence.start, resolver, focus, null);
    }
  });
  return quotes;
}

/** Is the last character of paragraph.slice(from, to) that is no space a colon? */
function endsWithColon(paragraph: string, from: number, to: number): boolean {
  let at = to - 1;
  while (at >= from && WHITESPACE.test(paragraph[at]!)) at--;
  return at >= from && paragraph[at] === ':';
}

const leadingSpace = (text: string) => text.length - text.trimStart().length;

/**
 * Sets a quote's speaker from the words that name it. `strong`: the attribution of a
 * direct quote ("…", zei X), after which X is the one in focus; a weaker one ("volgens X")
 * leaves the person in focus before it as a second candidate, so a later "hij" is ambiguous.
 */
function attribute(quote: Quote, written: string, resolver: SpeakerResolver, focus: Focus, strong = true): void {
  let text = written.trim();
  if (/^(?:hij|zij|ze)$/iu.test(text)) {
    quote.speakerText = text;
    if (focus.person && focus.othersSince.size === 0) {
      quote.speaker = focus.person;
      quote.attribution = 'pronoun';
    }
    return;
  }
  // "zei oprichter Sanne Bakker": a role word in lower case before the name; "zei tegen Poetin" names no speaker.
  const lowerFirst = /^(\p{Ll}[\p{L}-]*)\s+(\p{Lu}.*)$/u.exec(text);
  if (lowerFirst && !/^(?:de|het|een)$/u.test(lowerFirst[1]!)) {
    if (!isRole(lowerFirst[1]!)) return;
    text = lowerFirst[2]!;
  }
  // An organisation or a government speaking: "het Pakistaanse ministerie van Buitenlandse Zaken", "het Kremlin".
  const organisation = organisationOf(text, resolver);
  if (organisation) {
    quote.speakerText = organisation.written;
    quote.speaker = organisation.speaker;
    quote.attribution = 'named';
    return;
  }
  // "de VN-chef António Guterres": a person of the story named after a descriptor with an article.
  const afterArticle = /^(?:de|het|een)\s+(\p{Lu}.*)$/u.exec(text);
  const named = afterArticle ? resolver.byName(afterArticle[1]!) ?? resolver.byName(afterArticle[1]!.split(/\s+/u).slice(1).join(' ')) : null;
  if (named) {
    quote.speakerText = text;
    quote.speaker = named;
    quote.attribution = 'named';
    focus.person = named;
    focus.othersSince.clear();
    return;
  }
  const role = rolePhrase(text);
  // "de regering", "het land": nobody we can name. "De Groot", "De Jonge": a surname.
  if (!role && /^(?:de|het|een)\s|^(?:De|Het|Een)\s+\p{Ll}/u.test(text)) return;
  quote.speakerText = role ?? text;
  let person = role ? resolver.byRole(role) : resolver.byName(text);
  // Named but not one of the story's known people: what the gazetteer knows it as, else the
  // name as written; an adjective ("Amerikaanse") or a bare place ("Moskou") is nobody.
  if (!person && !role) {
    quote.speakerText = text;
    person = speakerOfName(bareName(text)) ?? resolver.organisationNamed(bareName(text));
  }
  if (!person) return;
  quote.speaker = person;
  quote.attribution = role ? 'role' : 'named';
  // Only a person is someone "hij" may stand for.
  if (person.kind && person.kind !== 'person') return;
  const previous = focus.person;
  focus.person = person;
  focus.othersSince.clear();
  if (!strong && previous && previous.key !== person.key) focus.othersSince.add(previous.key);
}

// An agency dateline opening a paragraph (`PYONGYANG (ANP/RTR) - `).
const DATELINE = /^[\p{Lu}][\p{Lu}\p{M}\s.'’/-]{1,60}\s\([^)]{1,40}\)\s*[-–—]\s*/u;
const ASCII_LETTERS = /^[A-Za-z]+$/;
/** Is the character at `at` ASCII but no letter or digit (or past either end of the text)? */
const asciiNonAlnum = (text: string, at: number) => {
  if (at < 0 || at >= text.length) return true;
  const code = text.charCodeAt(at);
  return code < 128 && !isAsciiAlnum(code);
};
const CAPITALISED_WORD = /\p{Lu}[\p{L}\p{M}'’-]*/gu;
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;
// Inflected nationality adjectives the gazetteer may not list ("Amerikaanse", "Georgische").
const DEMONYM_ADJECTIVE = /(?:aanse|iaanse|ische|sche|eese|ese)$/u;

/**
 * A name as the gazetteer knows it: a person, an organisation, a country (a government
 * speaking: "volgens Pakistan"); null for an adjective, a demonym, a place that is no
 * country, or a topic; otherwise a person by the name as written.
 */
function speakerOfName(name: string): QuotePerson | null {
  const tokens = tokenize(name.normalize('NFC'));
  if (tokens.length === 0) return null;
  const match = gazetteer().matchAt(tokens, 0);
  if (match && match.end === tokens.length) {
    const entry = match.entry;
    if (match.adjective) return null;
    if (entry.kind === 'organisation') return { key: entry.key, name: entry.name, kind: 'organisation' };
    if (entry.kind === 'place') return entry.broad ? { key: entry.key, name: entry.name, kind: 'country' } : null;
    if (entry.kind === 'topic') return null;
    return { key: entry.key, name: entry.name };
  }
  if (tokens.length === 1 && DEMONYM_ADJECTIVE.test(tokens[0]!.folded)) return null;
  if (match && match.adjective) return null;
  return { key: foldFast(name), name };
}

/** "het Pakistaanse ministerie van Buitenlandse Zaken", "het Kremlin", "de NAVO": an organisation the text names; null otherwise. */
function organisationOf(text: string, resolver: SpeakerResolver): { speaker: QuotePerson; written: string } | null {
  const phrase = ORG_PHRASE_START.exec(text)?.[0];
  if (phrase) {
    const name = phrase.replace(/^\S+\s+/u, '');
    const known = gazetteer().lookup(name) ?? null;
    if (known?.kind === 'organisation') return { speaker: { key: known.key, name: known.name, kind: 'organisation' }, written: phrase };
    // Whose it is must be named: "de regering" alone is nobody.
    return /\p{Lu}/u.test(name) ? { speaker: { key: foldFast(name), name, kind: 'organisation' }, written: phrase } : null;
  }
  // An article and a proper name: "het Kremlin", "de Verenigde Staten", "het Rode Kruis".
  const words = text.split(/\s+/u);
  if (!/^(?:de|het|Het)$/u.test(words[0] ?? '')) return null;
  let end = 1;
  while (end < words.length && CAPITALISED.test(words[end]!)) end++;
  if (end === 1) return null;
  const name = words.slice(1, end).join(' ');
  const written = words.slice(0, end).join(' ');
  const named = resolver.organisationNamed(name);
  if (named) return { speaker: named, written };
  // "de VN-chef António Guterres": a person of the story, not an organisation.
  if (resolver.byName(name) || resolver.byName(words.slice(2, end).join(' '))) return null;
  const speaker = speakerOfName(name);
  // "de Russische president": an adjective before a role, for rolePhrase; "de Europese Commissie": the gazetteer's.
  if (!speaker) return null;
  if (speaker.kind) return { speaker, written };
  // A proper name after an article and before no role word is an organisation's ("het Openbaar Ministerie").
  const rest = words.slice(end);
  return rest.some((w) => isRole(w)) ? null : { speaker: { key: foldFast(name), name, kind: 'organisation' }, written };
}

/** An article as the first word (what rolePhrase tests the first word of its split for). */
const ARTICLE_FIRST = /^(?:de|het|een)(?:\s|$)/iu;

/** "de Noord-Koreaanse leider op zijn beurt" → "de Noord-Koreaanse leider"; null when no role word follows the article. */
function rolePhrase(text: string): string | null {
  // Most phrases open with no article: then there is nothing to split.
  if (!ARTICLE_FIRST.test(text)) return null;
  const words = text.split(/\s+/u);
  if (!/^(?:de|het|een)$/iu.test(words[0]!)) return null;
  for (let k = words.length - 1; k >= 1; k--) if (isRole(words[k]!)) return words.slice(0, k + 1).join(' ');
  return null;
}

/**
 * After a sentence: its subject becomes the focus; anyone else it names makes a later pronoun ambiguous.
 * `hits`: the paragraph's name hits within the sentence (null: try everything, with named()).
 */
function updateFocus(sentence: string, offset: number, resolver: SpeakerResolver, focus: Focus, hits: readonly NameHit[] | null): void {
  // Without people the story can resolve nobody: no subject, nobody named.
  if (hits && !resolver.hasPeople) return;
  const subject = SPEAKER_START.exec(sentence)?.[1];
  let subjectPerson: QuotePerson | null = null;
  if (subject && !/^(?:hij|zij|ze)$/iu.test(subject)) {
    const role = rolePhrase(subject);
    subjectPerson = role ? resolver.byRole(role) : /^(?:de|het|een)\s/iu.test(subject) ? null : resolver.byName(subject);
  }
  // No hits: named() of the sentence, and so of its opening words, is empty.
  if (!subjectPerson && (!hits || hits.length > 0)) {
    // "Vertrekkend secretaris-generaal Jens Stoltenberg sprak …": the one person named before the verb.
    const named = hits ? namedInOpening(sentence, offset, resolver, hits) : resolver.named(openingOf(sentence));
    if (named.length === 1 && !/^(?:volgens|met|tegen|door|namens|aan|over|voor|na)\s/iu.test(sentence)) subjectPerson = named[0]!;
  }
  if (subjectPerson) {
    focus.person = subjectPerson;
    focus.othersSince.clear();
  }
  for (const person of hits ? (resolver.namedWith(hits) ?? resolver.named(sentence)) : resolver.named(sentence)) if (person.key !== focus.person?.key) focus.othersSince.add(person.key);
}

/** The first six words of a sentence, joined by single spaces. */
const openingOf = (sentence: string) => sentence.split(/\s+/u).slice(0, 6).join(' ');

/** The first six words of a sentence (starting with no space) and the spaces between them. */
const OPENING_WORDS = /^\S+(?:\s+\S+){0,5}/u;

/** named(openingOf(sentence)), from the sentence's name hits (at paragraph offsets; the sentence at `offset`). */
function namedInOpening(sentence: string, offset: number, resolver: SpeakerResolver, hits: readonly NameHit[]): QuotePerson[] {
  const words = OPENING_WORDS.exec(sentence);
  if (!words) return resolver.named(openingOf(sentence));
  const end = offset + words[0].length;
  const inOpening = hits.every((h) => h.at < end) ? hits : hits.filter((h) => h.at < end);
  // The opening holds the same capitalised words as the sentence up to the end of its sixth word.
  return resolver.namedWith(inOpening) ?? resolver.named(words[0].split(/\s+/u).join(' '));
}

/** A capitalised word of a paragraph that folds to a word of a person's name (SpeakerResolver.nameHits). */
interface NameHit {
  /** Offset in the paragraph. */
  at: number;
  /** The folded word. */
  word: string;
  /** Plain ASCII letters between ASCII non-letters (or the paragraph's ends): named() finds the word in any text holding it whole. */
  clean: boolean;
}
const NO_HITS: readonly NameHit[] = [];

/** Resolves a speaker as written to one of the story's people, or to nobody when that is not certain. */
class SpeakerResolver {
  /** `forms`: the whole name and its last word, as learnRoles looks for them. */
  private readonly people: { person: QuotePerson; words: string[]; forms: [string, string] }[];
  /** Role phrases the story introduced people with ("russische president" → Vladimir Poetin); null when two people share one. */
  private readonly roles = new Map<string, QuotePerson | null>();

  private readonly organisations: { organisation: QuotePerson; key: string }[];
  /** The words named() looks for: the people's folded name words of three letters or more. */
  private readonly nameWordSet = new Set<string>();
  /** Capitalised words as written → the folded word when it is in nameWordSet, else null. */
  private readonly nameToken = new Map<string, string | null>();

  constructor(story: QuoteStory) {
    this.people = story.people.map((person) => ({ person, words: nameWords(person.name), forms: [person.name, person.name.split(/\s+/u).at(-1)!] }));
    for (const { words } of this.people) for (const w of words) if (w.length > 2) this.nameWordSet.add(w);
    this.organisations = (story.organisations ?? []).map((organisation) => ({ organisation: { ...organisation, kind: 'organisation' as const }, key: nameWords(organisation.name).join(' ') }));
    for (const paragraph of story.paragraphs) this.learnRoles(paragraph);
  }

  /**
   * "Kim" → Kim Jong-un, "Bestuurder Anja de Boer van FNV" → Anja de Boer: the one person
   * of the story whose name holds all the words written, or whose whole name is written.
   */
  byName(written: string): QuotePerson | null {
    // "Minister Keijzer" → Judith Keijzer: role words before the name are no part of it.
    const words = nameWords(bareName(written));
    if (words.length === 0) return null;
    const within = this.people.filter(({ words: name }) => words.every((w) => name.includes(w)));
    if (within.length === 1) return within[0]!.person;
    if (within.length > 1) return null;
    const whole = this.people.filter(({ words: name }) => name.length > 0 && name.every((w) => words.includes(w)));
    return whole.length === 1 ? whole[0]!.person : null;
  }

  /** One of the story's organisations by its name as written ("NAVO", "Rode Kruis"). */
  organisationNamed(written: string): QuotePerson | null {
    const key = nameWords(written).join(' ');
    return this.organisations.find((known) => known.key === key)?.organisation ?? null;
  }

  /** "de Noord-Koreaanse leider" → the one person the story introduced with that role or that adjective. */
  byRole(written: string): QuotePerson | null {
    const words = foldFast(written).split(/\s+/u).slice(1); // without the article
    const candidates = [words.join(' '), words.slice(0, -1).join(' '), words.at(-1)!].filter(Boolean);
    for (const key of candidates) {
      const person = this.roles.get(key);
      if (person) return person;
    }
    return null;
  }

  get hasPeople(): boolean {
    return this.people.length > 0;
  }

  /**
   * Where in a paragraph the capitalised words stand that fold to a word of named()'s, in
   * order: a sentence none of them stands in names nobody (found once per paragraph, where
   * named() would fold every capitalised word of every sentence twice).
   */
  nameHits(paragraph: string): NameHit[] {
    const hits: NameHit[] = [];
    if (this.nameWordSet.size === 0) return hits;
    // An exec loop: matchAll would copy the regex for every paragraph.
    CAPITALISED_WORD.lastIndex = 0;
    for (let match = CAPITALISED_WORD.exec(paragraph); match; match = CAPITALISED_WORD.exec(paragraph)) {
      const token = match[0];
      let word = this.nameToken.get(token);
      if (word === undefined) {
        const folded = foldFast(token);
        this.nameToken.set(token, (word = this.nameWordSet.has(folded) ? folded : null));
      }
      if (word === null) continue;
      const at = match.index;
      const clean = ASCII_LETTERS.test(token) && asciiNonAlnum(paragraph, at - 1) && asciiNonAlnum(paragraph, at + token.length);
      hits.push({ at, word, clean });
    }
    return hits;
  }

  /**
   * named(text), given the hits of the paragraph that stand in text (text a sentence of the
   * paragraph, or its opening words). Where every hit is clean the capitalised words named()
   * would fold are the hits, and each is found whole in the folded text: the people named are
   * those with a hit word. Otherwise null: named() itself must work it out.
   */
  namedWith(hits: readonly NameHit[]): QuotePerson[] | null {
    if (hits.length === 0) return [];
    if (!hits.every((h) => h.clean)) return null;
    return this.people.filter(({ words }) => words.some((w) => w.length > 2 && hits.some((h) => h.word === w))).map(({ person }) => person);
  }

  /** The story's people named in a text. */
  named(text: string): QuotePerson[] {
    if (this.people.length === 0) return [];
    const capitalised = new Set((text.match(CAPITALISED_WORD) ?? []).map((w) => foldFast(w)));
    // Most sentences name none of the story's people: then the sentence need not be folded.
    if (!this.people.some(({ words }) => words.some((w) => w.length > 2 && capitalised.has(w)))) return [];
    const folded = ` ${foldFast(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    return this.people
      .filter(({ words }) => words.some((w) => w.length > 2 && capitalised.has(w) && folded.includes(` ${w} `)))
      .map(({ person }) => person);
  }

  private learnRoles(paragraph: string): void {
    for (const { person, forms } of this.people) {
      // The last word is part of the whole name: where it does not stand, neither does the name.
      if (!paragraph.includes(forms[1])) continue;
      for (const form of forms) {
        let at = paragraph.indexOf(form);
        while (at >= 0) {
          // Nothing to learn unless the word right before the name is a role word: looked at first, on its own.
          if (!isRole(wordBefore(paragraph, at, Math.max(0, at - 80)))) {
            at = paragraph.indexOf(form, at + form.length);
            continue;
          }
          // The up to four words right before the name: "De Russische president", "de Noord-Koreaanse dictator".
          const before = paragraph.slice(Math.max(0, at - 80), at).trim().split(/\s+/u).slice(-4);
          const roleAt = before.findLastIndex((w) => isRole(w));
          if (roleAt === before.length - 1) {
            const articleAt = before.findLastIndex((w) => /^(?:de|het|een)$/iu.test(w));
            const phrase = before.slice(articleAt + 1).map((w) => foldFast(w));
            const keys = [phrase.join(' '), phrase.at(-1)!, ...(phrase.length > 1 ? [phrase.slice(0, -1).join(' ')] : [])];
            for (const key of keys) {
              const known = this.roles.get(key);
              this.roles.set(key, known === undefined || known?.key === person.key ? person : null);
            }
          }
          at = paragraph.indexOf(form, at + form.length);
        }
      }
    }
  }
}

/**
 * isRoleWord(fold(word)), remembered: the same words come back story after story. (Bounded:
 * emptied when full.) The words are cut out of paragraphs: each is kept as a copy, or a word
 * of 13 letters or more would keep its whole story's text alive in the cache (~15 MB of
 * texts after a full build of 67,000 stories).
 */
function isRole(word: string): boolean {
  let role = ROLE_WORDS.get(word);
  if (role === undefined) {
    if (ROLE_WORDS.size >= 50_000) ROLE_WORDS.clear();
    ROLE_WORDS.set(detached(word), (role = isRoleWord(foldFast(word))));
  }
  return role;
}
const ROLE_WORDS = new Map<string, boolean>();

/** Lets go of the role words remembered (see releaseStemCache: after a full build, the thread only reads edits' quotes). */
export function releaseRoleWords(): void {
  ROLE_WORDS.clear();
}

/** How many words isRole remembers (for tests). */
export function rememberedRoleWords(): number {
  return ROLE_WORDS.size;
}

/** fold(), at the cost of lower-casing where the text is printable ASCII (which is most words): the same result. */
function foldFast(text: string): string {
  return NOT_PRINTABLE_ASCII.test(text) ? fold(text) : text.toLowerCase();
}
const NOT_PRINTABLE_ASCII = /[^ -~]/;

/** The last word of paragraph.slice(from, at), as `.trim().split(/\s+/u).at(-1)` has it ('' when there is none). */
function wordBefore(paragraph: string, at: number, from: number): string {
  let end = at;
  while (end > from && WHITESPACE.test(paragraph[end - 1]!)) end--;
  let start = end;
  while (start > from && !WHITESPACE.test(paragraph[start - 1]!)) start--;
  return paragraph.slice(start, end);
}
const WHITESPACE = /\s/u;

/** The folded words of a name, without the particles inside names. */
function nameWords(name: string): string[] {
  return foldFast(name)
    .split(/[\s-]+/u)
    .filter((w) => w && !NAME_PARTICLES.has(w));
}

/** A name as written without the role words before it and the organisation after it: "DNB-president Klaas Knot van DNB" → "Klaas Knot". */
function bareName(written: string): string {
  const words = written.split(/\s+/u);
  let start = 0;
  while (start < words.length - 1 && isRole(words[start]!)) start++;
  let end = words.length;
  const van = words.findIndex((w, k) => k > start && (w === 'van' || w === 'namens') && /^\p{Lu}/u.test(words[k + 1] ?? '') && k >= start + 2);
  if (van > 0) end = van;
  return words.slice(start, end).join(' ');
}

/** The sentence a quote stands in, for showing it with its context. */
export function sentenceOf(paragraph: string, start: number): { start: number; end: number } {
  return sentenceAmong(sentenceSpans(paragraph), paragraph, start);
}

/** sentenceOf, given the paragraph's sentenceSpans. */
export function sentenceAmong(spans: readonly { start: number; end: number }[], paragraph: string, start: number): { start: number; end: number } {
  for (const span of spans) if (span.start <= start && start < span.end) return span;
  return { start: 0, end: paragraph.length };
}
