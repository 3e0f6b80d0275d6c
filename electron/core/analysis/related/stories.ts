import { ByteWriter } from '../compact';
import { dayNumber } from './doc';
import type { RelatedFeatures } from './features';
import { IdCursor, quantizeWeight, type RelatedState } from './state';
import type { StreamedTerms } from './term-stream';

// Term storage: a story goes in as one record (its terms with their weights, its
// entities), with document frequencies counted and each term's spelling kept for the
// reasons; a removed story is marked dead and uncounted. What a story's text holds is
// worked out beforehand (features.ts); posting lists and norms are the caller's
// (postings.ts, scoring.ts).

export class StoryStore {
  private readonly writer = new ByteWriter();
  private readonly cursor = new IdCursor();

  constructor(private readonly state: RelatedState) {}

  /**
   * Gives the story a new slot and stores its record; returns the slot. `streamed`: its terms as
   * numbers of a term stream (then `features.terms` and `firstWords` are not read; the
   * weights are in the numbers' order).
   */
  add(id: string, date: string | null, features: RelatedFeatures, signature: number, streamed?: StreamedTerms): number {
    const state = this.state;
    const slot = state.slotCount++;
    state.slots.ensure(state.slotCount);
    state.stories.put(id, slot);
    state.slots.alive[slot] = 1;
    state.slots.signature[slot] = signature;
    state.slots.day[slot] = dayNumber(date);

    // Terms: numbered in the order they first occur, with their tf.
    const { terms, firstWords, weights } = features;
    const seen: number[] = [];
    const count = streamed ? streamed.numbers.length : terms.length;
    for (let k = 0; k < count; k++) {
      const termId = streamed ? streamed.stream.idOf(streamed.numbers[k]!, state.terms, this.termIdOf) : this.termIdOf(terms[k]!, firstWords[k]!);
      if (state.termScratch[termId] === 0) seen.push(termId);
      state.termScratch[termId]! += weights[k]!;
    }
    const termIds = Uint32Array.from(seen).sort();
    // Reasons show words as written: a folded surface (`geisoleerd`) gives way to its spelling with diacritics.
    const { surfaces } = features;
    for (let k = 0; k + 2 < surfaces.length; k += 3) {
      const termId = state.terms.get(surfaces[k]!);
      if (termId >= 0 && surfaceOf(state, termId) === surfaces[k + 1]) setSurface(state, termId, surfaces[k]!, surfaces[k + 2]!);
    }

    // Entities: the extracted ones plus the dateline place.
    const entitySet = new Set<number>();
    for (let k = 0; k + 1 < features.entities.length; k += 2) entitySet.add(this.entityId(features.entities[k]!, features.entities[k + 1]!));
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

  /** The id of `term`, added when new (with `word`, the folded word it came from, as its spelling). */
  private readonly termIdOf = (term: string, word: string): number => {
    const state = this.state;
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
    return termId;
  };

  /** Marks the story's slot dead and takes its terms and entities out of the document frequencies. */
  remove(slot: number): void {
    const state = this.state;
    const id = state.stories.text(slot);
    if (id === undefined) return;
    const terms = this.cursor.terms(state, slot);
    while (terms.next()) state.termDf.data[terms.id]!--;
    const entities = this.cursor.entities(state, slot);
    while (entities.next()) state.entityDf.data[entities.id]!--;
    state.slots.alive[slot] = 0;
    state.stories.delete(id);
    state.dead++;
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
