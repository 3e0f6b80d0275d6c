import { NO_DATE } from './doc';
import { IdCursor, WEIGHT, type RelatedState } from './state';

// Similarity of two stories =
//   wording:  TF-IDF cosine over Dutch stemmed terms (text/dutch.ts), sublinear tf,
//             headline terms counted extra (a headline says what a story is about);
//   entities: IDF-weighted cosine over shared entities, so sharing a rare name
//             (`Sergej Sjojgoe`) counts far more than sharing `Verenigde Staten`;
//   dates:    where both dates are known, close dates lift the score a little (+10 % on
//             the same day, +5 % a month apart, next to nothing a year apart). Nothing
//             is taken off: an unknown date is neutral, and a dated sister story 18 months
//             away is not pushed below an undated brief on the same subject.
// score = 0.6 × wording + 0.4 × entities (× the date factor), in 0..1.
// Cosines divide by both vector lengths, so a long article does not win by length;
// a short brief that shares one name with an article has a small overlap relative to
// the article's many names and terms, and stays below a full article on the topic.
//
// Speed (≤ 50 ms for one story among 50,000): only the query's most informative terms
// and entities are walked through the postings, each list at most POSTING_WALK_CAP long
// (newest first); an approximate score picks CANDIDATES stories that are then scored
// exactly against the stored document vectors. Norms are precomputed, and refreshed
// once the archive has changed by more than 5 %.

const WORDING_WEIGHT = 0.6;
const ENTITY_WEIGHT = 0.4;
/** Dates known on both sides lift a score by at most DATE_BONUS (the same day). */
const DATE_BONUS = 0.1;
/** Days at which date proximity has fallen to one half. */
const DATE_HALF_LIFE_DAYS = 30;
const QUERY_TERMS = 32;
const QUERY_ENTITIES = 16;
const POSTING_WALK_CAP = 6_000;
const CANDIDATES = 300;
/** Norms are recomputed once this share of the archive changed since the last time. */
const NORM_REFRESH_SHARE = 0.05;

/** BM25's idf, kept positive: a term in every story weighs almost nothing. */
export function idf(df: number, live: number): number {
  return Math.log(1 + (live - df + 0.5) / (df + 0.5));
}

/** idf of every term id, for passes over the whole archive. */
export function idfTable(state: RelatedState, live: number): Float64Array {
  const idfs = new Float64Array(state.terms.size);
  for (let id = 0; id < idfs.length; id++) idfs[id] = idf(state.termDf.data[id]!, live);
  return idfs;
}

/** The exact score of a candidate, and with `explain` what it shares with the query. */
export interface Scored {
  score: number;
  sharedTerms: { id: number; contribution: number }[];
  sharedEntities: { id: number; idf: number }[];
  /** Days between the two stories' dates, or null when either is unknown. */
  days: number | null;
}

export class Scorer {
  /** By entity id, kept zeroed: the query's entity weights while a query is loaded. */
  private entityScratch = new Float64Array(64);
  private scratch = new Float32Array(0);
  private touched = new Uint32Array(0);
  private readonly walkBuffer = new Uint32Array(POSTING_WALK_CAP);
  private readonly cursorA = new IdCursor();
  private readonly cursorB = new IdCursor();

  constructor(private readonly state: RelatedState) {}

  computeNorms(slot: number, live: number, idfs: Float64Array | null = null): void {
    const state = this.state;
    let sum = 0;
    const terms = this.cursorA.terms(state, slot);
    while (terms.next()) {
      const w = WEIGHT[terms.weight]! * (idfs ? idfs[terms.id]! : idf(state.termDf.data[terms.id]!, live));
      sum += w * w;
    }
    state.slots.termNorm[slot] = Math.sqrt(sum);
    sum = 0;
    const entities = this.cursorA.entities(state, slot);
    while (entities.next()) {
      const w = idf(state.entityDf.data[entities.id]!, live);
      sum += w * w;
    }
    state.slots.entityNorm[slot] = Math.sqrt(sum);
  }

  refreshNormsIfStale(): void {
    const state = this.state;
    if (state.changesSinceNorms === 0 || state.changesSinceNorms <= NORM_REFRESH_SHARE * Math.max(state.live, state.liveAtNorms)) return;
    this.refreshNorms();
  }

  /** Computes every live story's norms with today's idf. */
  refreshNorms(): void {
    const state = this.state;
    const live = state.live;
    const idfs = idfTable(state, live);
    for (let slot = 0; slot < state.slotCount; slot++) if (state.slots.alive[slot]) this.computeNorms(slot, live, idfs);
    state.changesSinceNorms = 0;
    state.liveAtNorms = live;
  }

  /** Stories sharing the query's most informative terms or entities, best CANDIDATES by an approximate score. */
  candidates(query: number, live: number): number[] {
    const state = this.state;
    if (this.scratch.length < state.slotCount) {
      this.scratch = new Float32Array(state.slots.capacity);
      this.touched = new Uint32Array(state.slots.capacity);
    }
    const acc = this.scratch;
    let touchedCount = 0;
    const add = (slot: number, value: number) => {
      if (acc[slot] === 0) this.touched[touchedCount++] = slot;
      acc[slot]! += value;
    };
    const { termNorm, entityNorm, alive } = state.slots;

    const queryTerms: { id: number; weight: number; idf: number }[] = [];
    const terms = this.cursorA.terms(state, query);
    while (terms.next()) {
      const termIdf = idf(state.termDf.data[terms.id]!, live);
      queryTerms.push({ id: terms.id, idf: termIdf, weight: WEIGHT[terms.weight]! * termIdf });
    }
    queryTerms.sort((a, b) => b.weight - a.weight);
    const qTermNorm = termNorm[query]! || 1;
    for (const term of queryTerms.slice(0, QUERY_TERMS)) {
      const walked = state.termPostings.newest(term.id, POSTING_WALK_CAP, this.walkBuffer);
      const contribution = (WORDING_WEIGHT * term.weight * term.idf) / qTermNorm;
      for (let p = 0; p < walked; p++) {
        const slot = this.walkBuffer[p]!;
        if (slot !== query && alive[slot]) add(slot, contribution / (termNorm[slot]! || 1));
      }
    }

    const qEntityNorm = entityNorm[query]! || 1;
    const queryEntities: { id: number; idf: number }[] = [];
    const entities = this.cursorA.entities(state, query);
    while (entities.next()) queryEntities.push({ id: entities.id, idf: idf(state.entityDf.data[entities.id]!, live) });
    queryEntities.sort((a, b) => b.idf - a.idf);
    for (const entity of queryEntities.slice(0, QUERY_ENTITIES)) {
      const walked = state.entityPostings.newest(entity.id, POSTING_WALK_CAP, this.walkBuffer);
      const contribution = (ENTITY_WEIGHT * entity.idf * entity.idf) / qEntityNorm;
      for (let p = 0; p < walked; p++) {
        const slot = this.walkBuffer[p]!;
        if (slot !== query && alive[slot]) add(slot, contribution / (entityNorm[slot]! || 1));
      }
    }

    const best = topSlots(acc, this.touched, touchedCount, CANDIDATES);
    for (let t = 0; t < touchedCount; t++) acc[this.touched[t]!] = 0;
    return best;
  }

  /** Puts the query story's weights into the scratch arrays, by term and entity id, for score(). */
  loadQuery(slot: number, live: number): void {
    const state = this.state;
    if (this.entityScratch.length < state.entities.size) this.entityScratch = new Float64Array(Math.ceil(state.entities.size * 1.5));
    const terms = this.cursorA.terms(state, slot);
    while (terms.next()) {
      const termIdf = idf(state.termDf.data[terms.id]!, live);
      state.termScratch[terms.id] = WEIGHT[terms.weight]! * termIdf * termIdf;
    }
    const entities = this.cursorA.entities(state, slot);
    while (entities.next()) {
      const entityIdf = idf(state.entityDf.data[entities.id]!, live);
      this.entityScratch[entities.id] = entityIdf * entityIdf;
    }
  }

  /** Zeroes what loadQuery() set. */
  unloadQuery(slot: number): void {
    const state = this.state;
    const terms = this.cursorA.terms(state, slot);
    while (terms.next()) state.termScratch[terms.id] = 0;
    const entities = this.cursorA.entities(state, slot);
    while (entities.next()) this.entityScratch[entities.id] = 0;
  }

  /**
   * Exact similarity of the loaded query story `a` to story `b`; with `explain`, also the
   * shared terms and entities the reasons are built from.
   */
  score(a: number, b: number, explain: boolean): Scored {
    const state = this.state;
    const { entityCount, termNorm, entityNorm, day } = state.slots;
    const sharedTerms: Scored['sharedTerms'] = [];
    let dot = 0;
    const terms = this.cursorB.terms(state, b);
    while (terms.next()) {
      const query = state.termScratch[terms.id]!;
      if (query === 0) continue;
      const contribution = query * WEIGHT[terms.weight]!;
      dot += contribution;
      if (explain) sharedTerms.push({ id: terms.id, contribution });
    }
    const wording = termNorm[a]! > 0 && termNorm[b]! > 0 ? Math.min(1, dot / (termNorm[a]! * termNorm[b]!)) : 0;

    const sharedEntities: Scored['sharedEntities'] = [];
    let entityDot = 0;
    const entities = this.cursorB.entities(state, b);
    while (entities.next()) {
      const query = this.entityScratch[entities.id]!;
      if (query === 0) continue;
      entityDot += query;
      if (explain) sharedEntities.push({ id: entities.id, idf: Math.sqrt(query) });
    }
    // A story without entities is judged on its wording alone (neither rewarded nor punished).
    const bothHaveEntities = entityCount[a]! > 0 && entityCount[b]! > 0 && entityNorm[a]! > 0 && entityNorm[b]! > 0;
    const entity = bothHaveEntities ? Math.min(1, entityDot / (entityNorm[a]! * entityNorm[b]!)) : wording;

    let score = WORDING_WEIGHT * wording + ENTITY_WEIGHT * entity;
    let days: number | null = null;
    if (day[a] !== NO_DATE && day[b] !== NO_DATE) {
      days = Math.abs(day[a]! - day[b]!);
      const proximity = 1 / (1 + days / DATE_HALF_LIFE_DAYS);
      score *= 1 + DATE_BONUS * proximity;
    }
    return { score: Math.min(1, score), sharedTerms, sharedEntities, days };
  }
}

/** The `count` touched slots with the highest accumulated score (a small min-heap). */
function topSlots(acc: Float32Array, touched: Uint32Array, touchedCount: number, count: number): number[] {
  if (touchedCount <= count) return Array.from(touched.subarray(0, touchedCount));
  const heap = new Uint32Array(count);
  let size = 0;
  const less = (x: number, y: number) => acc[x]! < acc[y]!;
  const siftDown = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < size && less(heap[l]!, heap[smallest]!)) smallest = l;
      if (r < size && less(heap[r]!, heap[smallest]!)) smallest = r;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  };
  for (let t = 0; t < touchedCount; t++) {
    const slot = touched[t]!;
    if (size < count) {
      heap[size] = slot;
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!less(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (less(heap[0]!, slot)) {
      heap[0] = slot;
      siftDown(0);
    }
  }
  return Array.from(heap.subarray(0, size));
}
