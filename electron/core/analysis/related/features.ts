import { fold, isStopword, stem, words } from '../../text/dutch';
import { titleCasePlace } from '../entities';
import { gazetteer } from '../gazetteer';
import { contentSignatureOf, type RelatedDoc } from './doc';

// What the related-story index reads from one story's text, worked out without the
// index: its terms with their weights, their spellings for the reasons, its entities.
// Pure, so a full build can have another thread work it out (indexing/feature-feed.ts)
// while the index takes in the results in story order; the index then only numbers
// the terms and entities and stores the record (stories.ts).

/** Extra tf for each headline occurrence of a term. */
export const HEADLINE_BOOST = 2;

// Latin letters with diacritics (À–ɏ, minus × and ÷): only words with one need their spelling kept.
const LATIN_DIACRITIC = /[À-ÖØ-öø-ɏ]/u;
// The lookbehind starts a match only at the start of a word: without it the regex is
// tried again from every letter of a word that has no diacritic (quadratic in the
// word's length; 4% of an index build). Same matches, as a match could only ever
// start at a word's start.
const WORD_WITH_DIACRITIC = /(?<![a-zß-öø-ɏ])[a-zß-öø-ɏ]*[ß-öø-ɏ][a-zß-öø-ɏ]*/gu;

export interface RelatedFeatures {
  /** signatureOf() without the date (the date is the library's, not the text's). */
  contentSignature: number;
  /** Stems in the order they first occur (text, then headline): the index numbers new ones in this order. */
  terms: string[];
  /** The folded word each term first came from: its spelling until one with diacritics is seen. */
  firstWords: string[];
  /** tf of each term, headline occurrences counted HEADLINE_BOOST times. */
  weights: number[];
  /** Spellings with diacritics, in text order: `term, folded, written` triples. */
  surfaces: string[];
  /** `key, name` pairs: the extracted entities, then the dateline place. */
  entities: string[];
}

/** The features of a story (the related index's upsert works them out itself when not given). */
export function relatedFeatures(doc: Omit<RelatedDoc, 'id' | 'date'>): RelatedFeatures {
  const headline = typeof doc.headline === 'string' ? doc.headline : '';
  let text = typeof doc.text === 'string' ? doc.text : '';
  // A brief's headline is its first sentence: `headline\nheadline …` would count it twice.
  if (headline && text.startsWith(`${headline}\n${headline}`)) text = text.slice(headline.length + 1);

  const features: RelatedFeatures = { contentSignature: contentSignatureOf(doc), terms: [], firstWords: [], weights: [], surfaces: [], entities: [] };
  const at = new Map<string, number>();
  // Per word as written (folded): its term's slot, or -1 for a word that is not a term.
  // Half of a story's running words are repeats, which then skip the stopword check
  // and the stem cache (a lookup in a map of up to 200,000 words).
  const slotOfWord = new Map<string, number>();
  const count = (source: string, weight: number) => {
    if (!source) return;
    for (const word of words(source)) {
      let k = slotOfWord.get(word);
      if (k === undefined) {
        if (word.length < 2 || isStopword(word)) k = -1;
        else {
          const term = stem(word);
          k = at.get(term);
          if (k === undefined) {
            k = features.terms.length;
            at.set(term, k);
            features.terms.push(term);
            features.firstWords.push(word);
            features.weights.push(0);
          }
        }
        slotOfWord.set(word, k);
      }
      if (k >= 0) features.weights[k]! += weight;
    }
  };
  count(text, 1);
  count(headline, HEADLINE_BOOST);

  if (LATIN_DIACRITIC.test(text)) {
    for (const match of text.toLowerCase().matchAll(WORD_WITH_DIACRITIC)) {
      const written = match[0].normalize('NFC');
      const folded = fold(written);
      features.surfaces.push(stem(folded), folded, written);
    }
  }

  const keys = new Set<string>();
  const entity = (key: string, name: string) => {
    if (keys.has(key)) return;
    keys.add(key);
    features.entities.push(key, name);
  };
  for (const item of Array.isArray(doc.entities) ? doc.entities : []) {
    if (typeof item?.key === 'string' && item.key && sharable(item.key)) entity(item.key, String(item.name ?? item.key));
  }
  const place = typeof doc.place === 'string' ? doc.place.trim() : '';
  if (/\p{L}/u.test(place)) entity(fold(place), titleCasePlace(place));
  return features;
}

/** A ministry (`Binnenlandse Zaken`, `Ministerie van Defensie (Rusland)`) names a portfolio many stories share: never a link between stories. */
function sharable(key: string): boolean {
  return !key.startsWith('ministerie van ') && gazetteer().entry(key)?.generic !== true;
}
