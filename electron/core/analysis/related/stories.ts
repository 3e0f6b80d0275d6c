import { fold, isStopword, stem, words } from '../../text/dutch';
import { ByteWriter } from '../compact';
import { titleCasePlace } from '../entities';
import { dayNumber, type RelatedDoc } from './doc';
import { IdCursor, quantizeWeight, type RelatedState } from './state';

// Term storage: a story goes in as one record (its terms with their weights, its
// entities), with document frequencies counted and each term's spelling kept for the
// reasons; a removed story is marked dead and uncounted. Posting lists and norms are
// the caller's (postings.ts, scoring.ts).

/** Extra tf for each headline occurrence of a term. */
const HEADLINE_BOOST = 2;

// Latin letters with diacritics (À–ɏ, minus × and ÷): only words with one need their spelling kept.
const LATIN_DIACRITIC = /[À-ÖØ-öø-ɏ]/u;
const WORD_WITH_DIACRITIC = /[a-zß-öø-ɏ]*[ß-öø-ɏ][a-zß-öø-ɏ]*/gu;

export class StoryStore {
  private readonly writer = new ByteWriter();
  private readonly cursor = new IdCursor();

  constructor(private readonly state: RelatedState) {}

  /** Gives the story a new slot and stores its record; returns the slot. */
  add(doc: RelatedDoc, signature: number): number {
    const state = this.state;
    const slot = state.slotCount++;
    state.slots.ensure(state.slotCount);
    state.slotOf.set(doc.id, slot);
    state.idOf[slot] = doc.id;
    state.slots.alive[slot] = 1;
    state.slots.signature[slot] = signature;
    state.slots.day[slot] = dayNumber(doc.date);

    // Terms: tf over the text, headline occurrences counted extra.
    const headline = typeof doc.headline === 'string' ? doc.headline : '';
    let text = typeof doc.text === 'string' ? doc.text : '';
    // A brief's headline is its first sentence: `headline\nheadline …` would count it twice.
    if (headline && text.startsWith(`${headline}\n${headline}`)) text = text.slice(headline.length + 1);
    const seen: number[] = [];
    this.countTerms(text, 1, seen);
    this.countTerms(headline, HEADLINE_BOOST, seen);
    const termIds = Uint32Array.from(seen).sort();
    this.recordSurfaces(text);

    // Entities: the extracted ones plus the dateline place.
    const entitySet = new Set<number>();
    for (const entity of Array.isArray(doc.entities) ? doc.entities : []) {
      if (typeof entity?.key === 'string' && entity.key) entitySet.add(this.entityId(entity.key, String(entity.name ?? entity.key)));
    }
    const place = typeof doc.place === 'string' ? doc.place.trim() : '';
    if (/\p{L}/u.test(place)) entitySet.add(this.entityId(fold(place), titleCasePlace(place)));
    const entityIds = Uint32Array.from(entitySet).sort();

    const writer = this.writer;
    writer.reset();
    let previous = 0;
    for (const termId of termIds) {
      // Most terms occur once (weight 0): a low bit in the gap says whether a weight byte follows.
      const weight = quantizeWeight(state.termScratch[termId]!);
      writer.varint((termId - previous) * 2 + (weight > 0 ? 1 : 0));
      if (weight > 0) writer.byte(weight);
      previous = termId;
      state.termScratch[termId] = 0;
      state.termDf.data[termId]!++;
    }
    state.slots.entityOffset[slot] = writer.length;
    previous = 0;
    for (const entityId of entityIds) {
      writer.varint(entityId - previous);
      previous = entityId;
      state.entityDf.data[entityId]!++;
    }
    state.slots.record[slot] = state.arena.store(writer.bytes());
    state.slots.termCount[slot] = termIds.length;
    state.slots.entityCount[slot] = entityIds.length;
    return slot;
  }

  /** Marks the story's slot dead and takes its terms and entities out of the document frequencies. */
  remove(slot: number): void {
    const state = this.state;
    const id = state.idOf[slot];
    if (id === null || id === undefined) return;
    const terms = this.cursor.terms(state, slot);
    while (terms.next()) state.termDf.data[terms.id]!--;
    const entities = this.cursor.entities(state, slot);
    while (entities.next()) state.entityDf.data[entities.id]!--;
    state.slots.alive[slot] = 0;
    state.slotOf.delete(id);
    state.idOf[slot] = null;
    state.dead++;
  }

  /** Adds the text's term frequencies into termScratch; `seen` collects the term ids touched. */
  private countTerms(text: string, weight: number, seen: number[]): void {
    if (!text) return;
    const state = this.state;
    for (const word of words(text)) {
      if (word.length < 2 || isStopword(word)) continue;
      const term = stem(word);
      let termId = state.terms.get(term);
      if (termId < 0) {
        termId = state.terms.add(term);
        setSurface(state, termId, term, word);
        state.termDf.push(0);
        if (state.termScratch.length <= termId) {
          const grown = new Float32Array(Math.max(1024, Math.ceil((termId + 1) * 1.5)));
          grown.set(state.termScratch);
          state.termScratch = grown;
        }
      }
      if (state.termScratch[termId] === 0) seen.push(termId);
      state.termScratch[termId]! += weight;
    }
  }

  /** Reasons show words as written: replace a folded surface (`geisoleerd`) by its spelling with diacritics. */
  private recordSurfaces(text: string): void {
    if (!LATIN_DIACRITIC.test(text)) return;
    const state = this.state;
    for (const match of text.toLowerCase().matchAll(WORD_WITH_DIACRITIC)) {
      const written = match[0].normalize('NFC');
      const folded = fold(written);
      const term = stem(folded);
      const id = state.terms.get(term);
      if (id >= 0 && surfaceOf(state, id) === folded) setSurface(state, id, term, written);
    }
  }

  private entityId(key: string, name: string): number {
    const state = this.state;
    let id = state.entities.get(key);
    if (id < 0) {
      id = state.entities.add(key);
      state.entityNames.set(id, name);
      state.entityDf.push(0);
    }
    return id;
  }
}

// A surface mostly starts with its stem (`verkiezingen`, `verkiez`): kept as the length of
// their common start, as one character, and the rest.
function setSurface(state: RelatedState, id: number, term: string, surface: string): void {
  let common = 0;
  while (common < term.length && common < surface.length && common < 0xffff && term.charCodeAt(common) === surface.charCodeAt(common)) common++;
  state.termSurfaces.set(id, String.fromCharCode(common) + surface.slice(common));
}

/** A term as written in the stories (`geïsoleerde`), for reasons. */
export function surfaceOf(state: RelatedState, id: number): string {
  const stored = state.termSurfaces.get(id);
  return state.terms.text(id).slice(0, stored.charCodeAt(0)) + stored.slice(1);
}
