import { isStopword } from '../text/dutch';
import type { EntityKind } from './gazetteer';

// Word lists that help tell names from capitalised common words and guess what kind
// of thing an unknown name is. All entries are folded (lower case, no diacritics).
// They describe Dutch news language in general; none is about a particular story.

/** Lower-case words that sit inside names: `Ursula von der Leyen`, `Badr bin Hamad`, `Dag van Rusland`. */
export const NAME_PARTICLES = new Set([
  'van', 'de', 'der', 'den', 'ten', 'ter', 'te', 'von', 'zu', 'vom', 'di', 'da', 'del', 'della', 'do', 'dos', 'das',
  'du', 'des', 'le', 'la', 'bin', 'ibn', 'al', 'el', 'y', 'of', 'for',
]);

/** Capitalised articles that open a title (`The Telegraph`, `Het Parool`): an organisation or a work. */
const TITLE_ARTICLES = new Set(['the', 'het']);

// A word just before a name that says it is a person: `president Poetin`, `gezant Steve Witkoff`,
// `EU-buitenlandchef Kaja Kallas`. Long ones also match as the end of a compound (`regeringsleider`).
const ROLE_SUFFIXES = [
  'president', 'premier', 'minister', 'leider', 'dictator', 'koning', 'koningin', 'prins', 'prinses', 'paus',
  'gezant', 'woordvoerder', 'woordvoerster', 'voorzitter', 'voorzitster', 'journalist', 'journaliste',
  'secretaris-generaal', 'secretaris', 'ambtgenoot', 'kanselier', 'burgemeester', 'wethouder', 'topman',
  'topvrouw', 'directeur', 'directrice', 'trainer', 'coach', 'speler', 'speelster', 'aanvoerder', 'generaal',
  'commandant', 'bevelhebber', 'ayatollah', 'sjeik', 'emir', 'politica', 'politicus', 'advocaat', 'advocate',
  'rechter', 'officier', 'zanger', 'zangeres', 'acteur', 'actrice', 'schrijver', 'schrijfster', 'bisschop',
  'kardinaal', 'imam', 'rabbijn', 'lijsttrekker', 'kandidaat', 'kandidate', 'senator', 'gouverneur',
  'ambassadeur', 'commissaris', 'functionaris', 'chef', 'diplomaat', 'onderhandelaar', 'bemiddelaar',
  'oprichter', 'eigenaar', 'miljardair', 'activist', 'activiste', 'dissident', 'verdachte', 'schoonzoon',
  'schoondochter', 'zoon', 'dochter', 'echtgenote', 'echtgenoot', 'weduwe', 'mevrouw', 'meneer', 'dokter',
  'professor', 'hoogleraar', 'onderzoeker', 'onderzoekster', 'wetenschapper', 'econoom', 'analist',
  'deskundige', 'militair', 'soldaat', 'kapitein', 'luitenant', 'kolonel', 'majoor', 'sergeant', 'piloot',
  'bestuurder', 'vertegenwoordiger', 'afgevaardigde', 'parlementarier', 'kamerlid', 'opvolger', 'voorganger',
  'collega', 'tegenstander', 'rivaal', 'staatshoofd', 'regent', 'kroonprins', 'vorst', 'sultan', 'ceo',
  'atleet', 'renner', 'wielrenner', 'schaatser', 'tennisser', 'voetballer', 'doelman', 'spits', 'keeper',
  'kunstenaar', 'fotograaf', 'regisseur', 'presentator', 'presentatrice', 'rapper', 'artiest', 'oud-premier',
  'coureur', 'atlete', 'renster', 'middenvelder', 'verdediger', 'aanvaller', 'violist', 'maarschalk', 'formateur',
  'tennisster', 'schaatsster', 'schilder', 'componist', 'reder', 'boer', 'boerin', 'ondernemer', 'eigenaresse', 'huisarts', 'agent', 'presidente', 'coordinator', 'bondscoach', 'minister-president', 'vicepremier',
];
const SHORT_ROLES = new Set(['heer', 'dr', 'prof', 'mr', 'ir', 'drs', 'broer', 'zus', 'vader', 'moeder', 'vrouw', 'man']);

// The end of a name that says it is an organisation: `Europese Raad`, `Wagner Groep`, `World Economic Forum`.
const ORGANISATION_SUFFIXES = [
  'raad', 'partij', 'commissie', 'ministerie', 'bank', 'bond', 'dienst', 'fonds', 'stichting', 'vereniging',
  'instituut', 'universiteit', 'hogeschool', 'ziekenhuis', 'forum', 'forces', 'groep', 'comite', 'garde',
  'congres', 'parlement', 'hof', 'rechtbank', 'agentschap', 'bureau', 'federatie', 'unie', 'organisatie',
  'beweging', 'front', 'leger', 'brigade', 'brigades', 'militie', 'krijgsmacht', 'politie', 'senaat', 'kamer',
  'tribunaal', 'nations', 'union', 'council', 'party', 'group', 'corporation', 'company', 'inc', 'ltd', 'fc',
  'club', 'airlines', 'airways', 'media', 'news', 'times', 'post', 'telegraph', 'guardian', 'journal',
  'omroep', 'krant', 'dagblad', 'academie', 'racing', 'motors', 'energy', 'pharma', 'telecom', 'concern', 'holding', 'agency', 'institute', 'foundation',
  'association', 'committee', 'ministry', 'department', 'court', 'watch', 'international', 'alliantie',
  'coalitie', 'liga', 'league', 'team', 'ploeg', 'brandweer', 'kustwacht', 'marine', 'luchtmacht',
];

// The end of a name that says it is an event or a thing, not a person: `Grand Prix`, `Australian Open`.
const TOPIC_SUFFIXES = [
  'vrede', 'pact', 'protocol', 'conventie', 'handvest', 'verklaring', 'richtlijn', 'overeenkomst', 'slag',
  'ramp', 'pride', 'sail', 'parade', 'tour', 'giro', 'vuelta', 'expo', 'show', 'week', 'weekend', 'dag', 'nacht',
  'prix', 'spelen', 'cup', 'kampioenschap', 'kampioenschappen', 'toernooi', 'festival', 'conferentie',
  'verkiezingen', 'oorlog', 'crisis', 'prijs', 'award', 'awards', 'open', 'marathon', 'classic', 'games',
  'biennale', 'beurs', 'top', 'akkoord', 'verdrag', 'wet', 'plan', 'operatie', 'affaire', 'proces',
];

// The end of a name that says it is a place: `Kumsusanpaleis`, `Gazastrook`, `Tahrirplein`.
const PLACE_SUFFIXES = [
  'stad', 'dorp', 'straat', 'plein', 'paleis', 'haven', 'eiland', 'eilanden', 'gebergte', 'rivier', 'baai',
  'kanaal', 'provincie', 'regio', 'strook', 'vallei', 'woestijn', 'oblast', 'district', 'county', 'city',
  'island', 'islands', 'street', 'square', 'station', 'luchthaven', 'airport', 'kasteel', 'park', 'polder',
  'laan', 'gracht', 'kade', 'wijk', 'kamp', 'grens', 'zee', 'oceaan', 'gebied',
];

// A lower-case word just before a name that says it is a place: `in Pyongyang`,
// `de zuidelijke stad Khan Younis`, `grensregio Primorje`.
const PLACE_PREPOSITIONS = new Set(['in', 'naar', 'uit', 'vanuit', 'nabij', 'rond', 'richting', 'te', 'langs']);
const PLACE_NOUN_SUFFIXES = [
  'stad', 'dorp', 'regio', 'provincie', 'staat', 'eiland', 'gemeente', 'plaats', 'wijk', 'district', 'land',
  'streek', 'gebied', 'kamp', 'oblast', 'hoofdstad', 'rivier', 'republiek', 'kust',
];

// A lower-case word just before a name that says it is an organisation: `persbureau Yonhap`, `krant The Telegraph`.
const ORGANISATION_NOUN_SUFFIXES = [
  'persbureau', 'krant', 'dagblad', 'omroep', 'zender', 'bedrijf', 'concern', 'partij', 'organisatie', 'groep',
  'bond', 'club', 'ploeg', 'bank', 'fabrikant', 'maker', 'producent', 'ngo', 'merk', 'keten', 'ministerie',
  'beweging', 'militie', 'website', 'platform', 'dienst', 'blad', 'tijdschrift', 'agentschap', 'instelling',
  'universiteit', 'ziekenhuis', 'vakbond', 'maatschappij', 'supermarkt', 'winkelketen', 'luchtvaartmaatschappij',
];

// Capitalised only because they open a sentence: never the start of a name there.
const SENTENCE_WORDS = new Set([
  'tijdens', 'na', 'sinds', 'ondanks', 'dankzij', 'namens', 'volgens', 'vanwege', 'wegens', 'binnen', 'buiten',
  'rond', 'rondom', 'vanaf', 'vanuit', 'via', 'per', 'behalve', 'tussen', 'achter', 'naast', 'boven', 'beneden',
  'langs', 'daarna', 'daarom', 'daarbij', 'daardoor', 'daarmee', 'daarnaast', 'daarin', 'daarop', 'daarvoor',
  'hierbij', 'hiermee', 'hierdoor', 'hierin', 'intussen', 'inmiddels', 'ondertussen', 'vervolgens', 'bovendien',
  'echter', 'toch', 'ook', 'maar', 'want', 'dus', 'toen', 'nu', 'eerder', 'later', 'gisteren', 'vandaag',
  'morgen', 'vanochtend', 'vanmorgen', 'vanmiddag', 'vanavond', 'vannacht', 'eerst', 'alleen', 'zelfs', 'wel',
  'niet', 'nooit', 'steeds', 'opnieuw', 'verder', 'tevens', 'waarschijnlijk', 'mogelijk', 'misschien',
  'vermoedelijk', 'aldus', 'zoals', 'terwijl', 'hoewel', 'omdat', 'wanneer', 'nadat', 'voordat', 'zodra',
  'indien', 'mocht', 'waar', 'waarom', 'welke', 'welk', 'elk', 'elke', 'ieder', 'iedere', 'alle', 'weinig',
  'enkele', 'sommige', 'meerdere', 'diverse', 'verschillende', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven',
  'acht', 'negen', 'tien', 'honderden', 'duizenden', 'tientallen', 'eind', 'begin', 'half', 'midden',
  'afgelopen', 'vorige', 'vorig', 'volgende', 'komende', 'vandaar', 'kortom', 'overigens', 'tenslotte', 'zo',
  'bij', 'we', 'wij', 'jullie', 'onze', 'ook', 'nadien', 'destijds', 'ooit', 'vooral', 'juist', 'daar', 'hier',
  'wie', 'wat', 'hoe', 'als', 'en', 'of', 'een', 'zowel', 'zij', 'ze', 'dit', 'dat', 'die', 'deze', 'het',
  'de', 'er', 'bijna', 'ruim', 'circa', 'ongeveer', 'minstens', 'zeker', 'meer', 'minder', 'nog', 'al',
]);
const TIME_PREFIXES = [
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'januari', 'februari', 'maart',
  'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];

/** A set of word endings, tested by slicing the word's own endings (cheaper than a loop of endsWith). */
class Suffixes {
  /** The suffixes by their last two letters (every suffix has at least two): one short slice and a few endsWith per word. */
  private readonly byEnd = new Map<string, string[]>();
  constructor(list: readonly string[]) {
    for (const suffix of list) {
      const end = suffix.slice(-2);
      const bucket = this.byEnd.get(end);
      if (bucket) bucket.push(suffix);
      else this.byEnd.set(end, [suffix]);
    }
  }
  endOf(word: string): boolean {
    const bucket = this.byEnd.get(word.slice(-2));
    if (!bucket) return false;
    for (const suffix of bucket) if (word.endsWith(suffix)) return true;
    return false;
  }
}

const ROLE_ENDINGS = new Suffixes(ROLE_SUFFIXES);
const ORGANISATION_ENDINGS = new Suffixes(ORGANISATION_SUFFIXES);
const PLACE_ENDINGS = new Suffixes(PLACE_SUFFIXES);
const TOPIC_ENDINGS = new Suffixes(TOPIC_SUFFIXES);
const PLACE_NOUN_ENDINGS = new Suffixes(PLACE_NOUN_SUFFIXES);
const ORGANISATION_NOUN_ENDINGS = new Suffixes(ORGANISATION_NOUN_SUFFIXES);

function endsWithAny(word: string, suffixes: Suffixes): boolean {
  return suffixes.endOf(word);
}

/** The last part of a compound (`eu-buitenlandchef` → `buitenlandchef`). */
function lastPart(folded: string): string {
  // What follows the last separator (the split this was): most words have none.
  for (let k = folded.length - 1; k >= 0; k--) {
    const code = folded.charCodeAt(k);
    if (code === 0x2d /* - */ || code === 0x2010 /* ‐ */ || code === 0x27 /* ' */ || code === 0x2019 /* ’ */) return folded.slice(k + 1);
  }
  return folded;
}

// A word before a name that says the name is the reporter's, not a subject of the story.
const REPORTER_WORDS = ['correspondent', 'correspondente', 'verslaggever', 'verslaggeefster', 'redacteur', 'redactrice', 'columnist', 'commentator'];
const REPORTER_ENDINGS = new Suffixes(REPORTER_WORDS);

// First words that make a name a medium: `Radio Kootwijk`, `TV Noord`, `Omroep Brabant`.
const MEDIA_OPENERS = new Set(['radio', 'tv', 'televisie', 'omroep', 'dagblad', 'weekblad', 'krant', 'persbureau']);

// Verbs of saying just before a name (`zei Jansen`, `aldus Jansen`): a person.
const SPEECH_VERBS = new Set(['zei', 'zegt', 'aldus', 'vertelde', 'vertelt', 'verklaarde', 'benadrukte', 'stelde', 'reageerde', 'waarschuwde', 'zeiden']);

const ORGANISATION_NOUNS = new Set(ORGANISATION_NOUN_SUFFIXES);
const PLACE_NOUNS = new Set(PLACE_NOUN_SUFFIXES);

const KIND_WORDS = new Set([...ORGANISATION_SUFFIXES, ...PLACE_SUFFIXES, ...TOPIC_SUFFIXES]);

/** `Kamer`, `Raad`, `Commissie` on their own: a capitalised short reference to an institution, not a name. */
export function isKindWord(folded: string): boolean {
  return KIND_WORDS.has(folded);
}

/** `correspondent`, `Azië-correspondent`, `verslaggever`: the next name is the reporter's. */
export function isReporterWord(folded: string): boolean {
  return endsWithAny(lastPart(folded), REPORTER_ENDINGS);
}

/** A common noun that cues the kind of the name after it (`Persbureau Kyodo`): never a name's first word when it opens a sentence. */
export function isCueNoun(folded: string): boolean {
  return ORGANISATION_NOUNS.has(folded) || PLACE_NOUNS.has(folded) || isReporterWord(folded);
}

export function isRoleWord(folded: string): boolean {
  const word = lastPart(folded);
  return SHORT_ROLES.has(word) || (word.length >= 3 && endsWithAny(word, ROLE_ENDINGS)) || endsWithAny(folded, ROLE_ENDINGS);
}

export function isTitleArticle(folded: string): boolean {
  return TITLE_ARTICLES.has(folded);
}

/** A word that, capitalised at the start of a sentence, is not the start of a name. */
export function isSentenceWord(folded: string): boolean {
  if (isStopword(folded) || SENTENCE_WORDS.has(folded) || isRoleWord(folded)) return true;
  for (const prefix of TIME_PREFIXES) if (folded.startsWith(prefix)) return true;
  return false;
}

/** What the words of a name say about its kind (`Raad` → organisation, `-paleis` → place). */
export function kindFromNameWords(foldedWords: string[]): EntityKind | null {
  const last = lastPart(foldedWords[foldedWords.length - 1] ?? '');
  if (isTitleArticle(foldedWords[0] ?? '')) return 'organisation';
  if (foldedWords.length > 1 && MEDIA_OPENERS.has(foldedWords[0] ?? '')) return 'organisation';
  // `Badr bin Hamad al-Busaidi`: an Arabic patronymic names a person.
  if (foldedWords.length > 2 && foldedWords.some((word) => word === 'bin' || word === 'ibn' || word === 'bint')) return 'person';
  for (const word of foldedWords) if (endsWithAny(lastPart(word), ORGANISATION_ENDINGS)) return 'organisation';
  if (endsWithAny(last, PLACE_ENDINGS)) return 'place';
  if (endsWithAny(last, TOPIC_ENDINGS)) return 'topic';
  return null;
}

/**
 * What the lower-case words just before a name say about it. `before` is nearest first,
 * stopping at punctuation.
 */
export function kindFromContext(before: string[]): EntityKind | null {
  const nearest = before[0];
  if (nearest === undefined) return null;
  if (isRoleWord(nearest) || SPEECH_VERBS.has(nearest)) return 'person';
  if (endsWithAny(lastPart(nearest), ORGANISATION_NOUN_ENDINGS)) return 'organisation';
  // `minister van Defensie`, `ministerie van Financiën`: a portfolio.
  if (nearest === 'van' && before[1] !== undefined && /minister|staatssecretaris|ministerie|departement/.test(before[1])) {
    return 'organisation';
  }
  if (endsWithAny(lastPart(nearest), PLACE_NOUN_ENDINGS)) return 'place';
  // `in het oostelijke Artjom`: a place preposition up to three words back.
  for (let k = 0; k < Math.min(3, before.length); k++) {
    const word = before[k]!;
    if (PLACE_PREPOSITIONS.has(word)) return 'place';
    if (isRoleWord(word)) return null;
  }
  return null;
}
