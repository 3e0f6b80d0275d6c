import { detached, fold, isStopword, stem, words } from '../text/dutch';
import { titleCasePlace } from './entities';

// Related-story suggestions over a whole archive, in memory.
//
// Similarity of two stories =
//   wording:  TF-IDF cosine over Dutch stemmed terms (text/dutch.ts), sublinear tf,
//             headline terms counted extra (a headline says what a story is about);
//   entities: IDF-weighted cosine over shared entities, so sharing a rare name
//             (`Sergej Sjojgoe`) counts far more than sharing `Verenigde Staten`;
//   dates:    where both dates are known, close dates lift the score a little and
//             distant ones lower it (±10 % at most).
// score = 0.6 × wording + 0.4 × entities (× the date factor), in 0..1.
// Cosines divide by both vector lengths, so a long article does not win by length;
// a short brief that shares one name with an article has a small overlap relative to
// the article's many names and terms, and stays below a full article on the topic.
//
// Speed (≤ 50 ms for one story among 50,000): postings per term and per entity;
// only the query's most informative terms and entities are walked, each list at most
// POSTING_WALK_CAP long (newest first); an approximate score picks CANDIDATES stories
// that are then scored exactly against the stored document vectors.
// Memory: term and entity ids; posting lists pooled in one typed array; document
// vectors (sorted term ids + one-byte tf weights, sorted entity ids) in shared
// typed-array arenas; norms precomputed (refreshed once the archive has changed by
// more than 5 %). Removed stories are compacted away once they are a quarter of all.
// An upsert whose indexed content did not change (a tag edit) is a no-op.

export type RelatedKind = 'article' | 'brief';

export interface RelatedDoc {
  id: string;
  kind: RelatedKind;
  /** Headline + body. */
  text: string;
  headline: string;
  entities: { key: string; name: string }[];
  /** Dateline place as printed (`PYONGYANG`), or ''. */
  place: string;
  /** `YYYY-MM-DD`, or null when unknown. */
  date: string | null;
}

export interface RelatedHit {
  id: string;
  /** 0..1, higher is more related. */
  score: number;
  /** Human-checkable reasons: `shares: Kim Jong-un, Vladimir Poetin`, `similar wording: bezoek, steun`, `3 days apart`. */
  reasons: string[];
}

export interface RelatedOptions {
  /** Default 10. */
  limit?: number;
  /** Story ids never to suggest (already linked, dismissed). */
  exclude?: Set<string>;
}

const WORDING_WEIGHT = 0.6;
const ENTITY_WEIGHT = 0.4;
/** Extra tf for each headline occurrence of a term. */
const HEADLINE_BOOST = 2;
/** Dates known on both sides move a score by at most ±DATE_WEIGHT / 2. */
const DATE_WEIGHT = 0.2;
/** Days at which date proximity has fallen to one half. */
const DATE_HALF_LIFE_DAYS = 30;
const QUERY_TERMS = 32;
const QUERY_ENTITIES = 16;
const POSTING_WALK_CAP = 6_000;
const CANDIDATES = 300;
const NO_DATE = -2_147_483_648;
/** Norms are recomputed once this share of the archive changed since the last time. */
const NORM_REFRESH_SHARE = 0.05;

/** A growable typed array. */
class U32List {
  data = new Uint32Array(16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) this.grow(Math.ceil(this.length * 1.5));
    this.data[this.length++] = value;
  }
  grow(capacity: number): void {
    const next = new Uint32Array(Math.max(capacity, 16));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

class U8List {
  data = new Uint8Array(16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint8Array(Math.ceil(this.length * 1.5));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  grow(capacity: number): void {
    const next = new Uint8Array(Math.max(capacity, 16));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

// A term's weight in a story, 1 + ln(tf), kept in one byte: ln(tf) in steps of 1/32 (tf up to e^8).
const quantizeWeight = (tf: number) => Math.min(255, Math.max(0, Math.round(Math.log(tf) * 32)));
const WEIGHT = Float64Array.from({ length: 256 }, (_, q) => 1 + q / 32);

/**
 * Append-only posting lists (story slots) for many terms in one pooled Uint32Array.
 * Each list is a chain of blocks of growing size, the newest block last; a list is
 * read newest first. No object per term: 10^5 rare terms cost a few bytes each.
 * Block layout: [previous block + 1 (0: none), capacity, length, ...slots].
 */
class PostingPool {
  private pool = new Uint32Array(1 << 16);
  private used = 0;
  private tails = new Uint32Array(1024); // per list: its newest block + 1 (0: empty)

  push(list: number, slot: number): void {
    if (list >= this.tails.length) {
      const grown = new Uint32Array(Math.max(list + 1, this.tails.length * 2));
      grown.set(this.tails);
      this.tails = grown;
    }
    const tail = this.tails[list]! - 1;
    if (tail >= 0 && this.pool[tail + 2]! < this.pool[tail + 1]!) {
      this.pool[tail + 3 + this.pool[tail + 2]!] = slot;
      this.pool[tail + 2]!++;
      return;
    }
    const capacity = tail >= 0 ? Math.min(this.pool[tail + 1]! * 2, 4096) : 2;
    const block = this.allocate(3 + capacity);
    this.pool[block] = tail + 1;
    this.pool[block + 1] = capacity;
    this.pool[block + 2] = 1;
    this.pool[block + 3] = slot;
    this.tails[list] = block + 1;
  }

  /** Copies up to `cap` slots of a list, newest first, into `out`; returns how many. */
  newest(list: number, cap: number, out: Uint32Array): number {
    let count = 0;
    let block = list < this.tails.length ? this.tails[list]! - 1 : -1;
    while (block >= 0 && count < cap) {
      for (let k = block + 2 + this.pool[block + 2]!; k >= block + 3 && count < cap; k--) out[count++] = this.pool[k]!;
      block = this.pool[block]! - 1;
    }
    return count;
  }

  private allocate(words: number): number {
    if (this.used + words > this.pool.length) {
      const grown = new Uint32Array(Math.max(this.used + words, Math.ceil(this.pool.length * 1.5)));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    const at = this.used;
    this.used += words;
    return at;
  }
}

/** Per-story columns, indexed by slot. */
class Slots {
  capacity = 0;
  termStart = new Uint32Array(0);
  termCount = new Uint32Array(0);
  entityStart = new Uint32Array(0);
  entityCount = new Uint32Array(0);
  termNorm = new Float32Array(0);
  entityNorm = new Float32Array(0);
  day = new Int32Array(0);
  signature = new Uint32Array(0);
  alive = new Uint8Array(0);

  ensure(size: number): void {
    if (size <= this.capacity) return;
    const capacity = Math.max(64, this.capacity * 2, size);
    const grow = <T extends Uint32Array | Float32Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old as never);
      return next;
    };
    this.termStart = grow(this.termStart, (n) => new Uint32Array(n));
    this.termCount = grow(this.termCount, (n) => new Uint32Array(n));
    this.entityStart = grow(this.entityStart, (n) => new Uint32Array(n));
    this.entityCount = grow(this.entityCount, (n) => new Uint32Array(n));
    this.termNorm = grow(this.termNorm, (n) => new Float32Array(n));
    this.entityNorm = grow(this.entityNorm, (n) => new Float32Array(n));
    this.day = grow(this.day, (n) => new Int32Array(n));
    this.signature = grow(this.signature, (n) => new Uint32Array(n));
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.capacity = capacity;
  }
}

export class RelatedIndex {
  // Dictionaries: string → id, with document frequency and postings (story slots, oldest first).
  private readonly termIds = new Map<string, number>();
  /** Folded word → term id (-1: stopword), so each distinct word is stemmed once. */
  private readonly wordTerms = new Map<string, number>();
  /** Term-frequency scratch space for the story being added, indexed by term id (kept zeroed). */
  private tfScratch = new Float32Array(1024);
  private termSurface: string[] = [];
  private termDf: number[] = [];
  private termPostings = new PostingPool();
  private readonly entityIds = new Map<string, number>();
  private entityNames: string[] = [];
  private entityDf: number[] = [];
  private entityPostings = new PostingPool();

  // Stories.
  private readonly slotOf = new Map<string, number>();
  private idOf: (string | null)[] = [];
  private slots = new Slots();
  private slotCount = 0;
  private dead = 0;
  // Document vectors: sorted term ids with their tf weights, and sorted entity ids.
  private arenaTerms = new U32List();
  private arenaWeights = new U8List();
  private arenaEntities = new U32List();

  private changesSinceNorms = 0;
  private liveAtNorms = 0;
  // Query scratch space, reused.
  private scratch = new Float32Array(0);
  private touched = new Uint32Array(0);
  private readonly walkBuffer = new Uint32Array(POSTING_WALK_CAP);

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds a story or replaces the indexed version of it. */
  upsert(doc: RelatedDoc): void {
    const signature = signatureOf(doc);
    const existing = this.slotOf.get(doc.id);
    if (existing !== undefined) {
      if (this.slots.signature[existing] === signature) return; // a tag edit: nothing we index changed
      this.removeSlot(existing);
    }
    this.addDoc(doc, signature);
    this.maybeCompact();
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.removeSlot(slot);
    this.maybeCompact();
  }

  /** Stories related to `id`, best first. Empty when `id` is not indexed. */
  related(id: string, options: RelatedOptions = {}): RelatedHit[] {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return [];
    const limit = Math.max(0, Math.floor(options.limit ?? 10));
    if (limit === 0) return [];
    this.refreshNormsIfStale();

    const live = this.slotOf.size;
    const candidates = this.candidates(slot, live);
    const hits: { slot: number; score: number }[] = [];
    for (const candidate of candidates) {
      const otherId = this.idOf[candidate]!;
      if (options.exclude?.has(otherId)) continue;
      const score = this.score(slot, candidate, live).score;
      if (score > 0) hits.push({ slot: candidate, score });
    }
    hits.sort((a, b) => b.score - a.score || (this.idOf[a.slot]! < this.idOf[b.slot]! ? -1 : 1));
    return hits.slice(0, limit).map((hit) => ({
      id: this.idOf[hit.slot]!,
      score: Math.round(hit.score * 1000) / 1000,
      reasons: this.reasons(slot, hit.slot, live),
    }));
  }

  // ------------------------------------------------------------------ indexing

  private addDoc(doc: RelatedDoc, signature: number): void {
    const slot = this.slotCount++;
    this.slots.ensure(this.slotCount);
    this.slotOf.set(doc.id, slot);
    this.idOf[slot] = doc.id;
    this.slots.alive[slot] = 1;
    this.slots.signature[slot] = signature;
    this.slots.day[slot] = dayNumber(doc.date);

    // Terms: tf over the text, headline occurrences counted extra.
    const headline = typeof doc.headline === 'string' ? doc.headline : '';
    let text = typeof doc.text === 'string' ? doc.text : '';
    // A brief's headline is its first sentence: `headline\nheadline …` would count it twice.
    if (headline && text.startsWith(`${headline}\n${headline}`)) text = text.slice(headline.length + 1);
    const termIds: number[] = [];
    this.countTerms(text, 1, termIds);
    this.countTerms(headline, HEADLINE_BOOST, termIds);
    termIds.sort((a, b) => a - b);
    this.slots.termStart[slot] = this.arenaTerms.length;
    this.slots.termCount[slot] = termIds.length;
    for (const termId of termIds) {
      this.arenaTerms.push(termId);
      this.arenaWeights.push(quantizeWeight(this.tfScratch[termId]!));
      this.tfScratch[termId] = 0;
      this.termDf[termId]!++;
      this.termPostings.push(termId, slot);
    }
    this.recordSurfaces(text);

    // Entities: the extracted ones plus the dateline place.
    const entityIds = new Set<number>();
    for (const entity of Array.isArray(doc.entities) ? doc.entities : []) {
      if (typeof entity?.key === 'string' && entity.key) entityIds.add(this.entityId(entity.key, String(entity.name ?? entity.key)));
    }
    const place = typeof doc.place === 'string' ? doc.place.trim() : '';
    if (/\p{L}/u.test(place)) entityIds.add(this.entityId(fold(place), titleCasePlace(place)));
    const sortedEntities = [...entityIds].sort((a, b) => a - b);
    this.slots.entityStart[slot] = this.arenaEntities.length;
    this.slots.entityCount[slot] = sortedEntities.length;
    for (const entityId of sortedEntities) {
      this.arenaEntities.push(entityId);
      this.entityDf[entityId]!++;
      this.entityPostings.push(entityId, slot);
    }

    this.computeNorms(slot, this.slotOf.size);
    this.changesSinceNorms++;
  }

  /** Adds the text's term frequencies into tfScratch; `seen` collects the term ids touched. */
  private countTerms(text: string, weight: number, seen: number[]): void {
    if (!text) return;
    for (const word of words(text)) {
      let termId = this.wordTerms.get(word);
      if (termId === undefined) {
        termId = word.length < 2 || isStopword(word) ? -1 : this.termId(stem(word), word);
        this.wordTerms.set(detached(word), termId);
      }
      if (termId < 0) continue;
      if (this.tfScratch.length <= termId) {
        const grown = new Float32Array(Math.max(1024, (termId + 1) * 2));
        grown.set(this.tfScratch);
        this.tfScratch = grown;
      }
      if (this.tfScratch[termId] === 0) seen.push(termId);
      this.tfScratch[termId]! += weight;
    }
  }

  private termId(term: string, surface: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termSurface.length;
      this.termIds.set(detached(term), id);
      this.termSurface.push(detached(surface));
      this.termDf.push(0);
    }
    return id;
  }

  /** Reasons show words as written: replace a folded surface (`geisoleerd`) by its spelling with diacritics. */
  private recordSurfaces(text: string): void {
    if (!LATIN_DIACRITIC.test(text)) return;
    for (const match of text.toLowerCase().matchAll(WORD_WITH_DIACRITIC)) {
      const written = match[0].normalize('NFC');
      const folded = fold(written);
      const id = this.termIds.get(stem(folded));
      if (id !== undefined && this.termSurface[id] === folded) this.termSurface[id] = detached(written);
    }
  }

  private entityId(key: string, name: string): number {
    let id = this.entityIds.get(key);
    if (id === undefined) {
      id = this.entityNames.length;
      this.entityIds.set(detached(key), id);
      this.entityNames.push(detached(name));
      this.entityDf.push(0);
    }
    return id;
  }

  private removeSlot(slot: number): void {
    const id = this.idOf[slot];
    if (id === null || id === undefined) return;
    const { termStart, termCount, entityStart, entityCount } = this.slots;
    for (let k = termStart[slot]!; k < termStart[slot]! + termCount[slot]!; k++) this.termDf[this.arenaTerms.data[k]!]!--;
    for (let k = entityStart[slot]!; k < entityStart[slot]! + entityCount[slot]!; k++) this.entityDf[this.arenaEntities.data[k]!]!--;
    this.slots.alive[slot] = 0;
    this.slotOf.delete(id);
    this.idOf[slot] = null;
    this.dead++;
    this.changesSinceNorms++;
  }

  /** Rebuilds postings and arenas without removed stories once they make up a quarter of the slots. */
  private maybeCompact(): void {
    if (this.dead < 64 || this.dead < this.slotCount / 4) return;
    const old = { slots: this.slots, idOf: this.idOf, terms: this.arenaTerms, weights: this.arenaWeights, entities: this.arenaEntities, count: this.slotCount };
    this.slots = new Slots();
    this.slots.ensure(this.slotOf.size);
    this.idOf = [];
    this.arenaTerms = new U32List();
    this.arenaWeights = new U8List();
    this.arenaWeights.grow(old.weights.length);
    this.arenaEntities = new U32List();
    this.arenaTerms.grow(old.terms.length);
    this.arenaEntities.grow(old.entities.length);
    this.termPostings = new PostingPool();
    this.entityPostings = new PostingPool();
    this.slotOf.clear();
    this.slotCount = 0;
    this.dead = 0;
    for (let from = 0; from < old.count; from++) {
      if (!old.slots.alive[from]) continue;
      const slot = this.slotCount++;
      const id = old.idOf[from]!;
      this.slotOf.set(id, slot);
      this.idOf[slot] = id;
      this.slots.alive[slot] = 1;
      this.slots.signature[slot] = old.slots.signature[from]!;
      this.slots.day[slot] = old.slots.day[from]!;
      this.slots.termNorm[slot] = old.slots.termNorm[from]!;
      this.slots.entityNorm[slot] = old.slots.entityNorm[from]!;
      this.slots.termStart[slot] = this.arenaTerms.length;
      this.slots.termCount[slot] = old.slots.termCount[from]!;
      for (let k = old.slots.termStart[from]!; k < old.slots.termStart[from]! + old.slots.termCount[from]!; k++) {
        const termId = old.terms.data[k]!;
        this.arenaTerms.push(termId);
        this.arenaWeights.push(old.weights.data[k]!);
        this.termPostings.push(termId, slot);
      }
      this.slots.entityStart[slot] = this.arenaEntities.length;
      this.slots.entityCount[slot] = old.slots.entityCount[from]!;
      for (let k = old.slots.entityStart[from]!; k < old.slots.entityStart[from]! + old.slots.entityCount[from]!; k++) {
        const entityId = old.entities.data[k]!;
        this.arenaEntities.push(entityId);
        this.entityPostings.push(entityId, slot);
      }
    }
  }

  // ------------------------------------------------------------------ weights

  private idf(df: number, live: number): number {
    // BM25's idf, kept positive: a term in every story weighs almost nothing.
    return Math.log(1 + (live - df + 0.5) / (df + 0.5));
  }

  private computeNorms(slot: number, live: number): void {
    const { termStart, termCount, entityStart, entityCount } = this.slots;
    let sum = 0;
    for (let k = termStart[slot]!; k < termStart[slot]! + termCount[slot]!; k++) {
      const w = WEIGHT[this.arenaWeights.data[k]!]! * this.idf(this.termDf[this.arenaTerms.data[k]!]!, live);
      sum += w * w;
    }
    this.slots.termNorm[slot] = Math.sqrt(sum);
    sum = 0;
    for (let k = entityStart[slot]!; k < entityStart[slot]! + entityCount[slot]!; k++) {
      const w = this.idf(this.entityDf[this.arenaEntities.data[k]!]!, live);
      sum += w * w;
    }
    this.slots.entityNorm[slot] = Math.sqrt(sum);
  }

  private refreshNormsIfStale(): void {
    const live = this.slotOf.size;
    if (this.changesSinceNorms === 0 || this.changesSinceNorms <= NORM_REFRESH_SHARE * Math.max(live, this.liveAtNorms)) return;
    for (let slot = 0; slot < this.slotCount; slot++) if (this.slots.alive[slot]) this.computeNorms(slot, live);
    this.changesSinceNorms = 0;
    this.liveAtNorms = live;
  }

  // ------------------------------------------------------------------ querying

  /** Stories sharing the query's most informative terms or entities, best CANDIDATES by an approximate score. */
  private candidates(query: number, live: number): number[] {
    if (this.scratch.length < this.slotCount) {
      this.scratch = new Float32Array(this.slots.capacity);
      this.touched = new Uint32Array(this.slots.capacity);
    }
    const acc = this.scratch;
    let touchedCount = 0;
    const add = (slot: number, value: number) => {
      if (acc[slot] === 0) this.touched[touchedCount++] = slot;
      acc[slot]! += value;
    };
    const { termStart, termCount, entityStart, entityCount, termNorm, entityNorm, alive } = this.slots;

    const queryTerms: { id: number; weight: number; idf: number }[] = [];
    for (let k = termStart[query]!; k < termStart[query]! + termCount[query]!; k++) {
      const id = this.arenaTerms.data[k]!;
      const idf = this.idf(this.termDf[id]!, live);
      queryTerms.push({ id, idf, weight: WEIGHT[this.arenaWeights.data[k]!]! * idf });
    }
    queryTerms.sort((a, b) => b.weight - a.weight);
    const qTermNorm = termNorm[query]! || 1;
    for (const term of queryTerms.slice(0, QUERY_TERMS)) {
      const walked = this.termPostings.newest(term.id, POSTING_WALK_CAP, this.walkBuffer);
      const contribution = (WORDING_WEIGHT * term.weight * term.idf) / qTermNorm;
      for (let p = 0; p < walked; p++) {
        const slot = this.walkBuffer[p]!;
        if (slot !== query && alive[slot]) add(slot, contribution / (termNorm[slot]! || 1));
      }
    }

    const qEntityNorm = entityNorm[query]! || 1;
    const queryEntities: { id: number; idf: number }[] = [];
    for (let k = entityStart[query]!; k < entityStart[query]! + entityCount[query]!; k++) {
      const id = this.arenaEntities.data[k]!;
      queryEntities.push({ id, idf: this.idf(this.entityDf[id]!, live) });
    }
    queryEntities.sort((a, b) => b.idf - a.idf);
    for (const entity of queryEntities.slice(0, QUERY_ENTITIES)) {
      const walked = this.entityPostings.newest(entity.id, POSTING_WALK_CAP, this.walkBuffer);
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

  /** Exact similarity of two stories, with the parts the reasons are built from. */
  private score(a: number, b: number, live: number) {
    const { termStart, termCount, entityStart, entityCount, termNorm, entityNorm, day } = this.slots;
    const sharedTerms: { id: number; contribution: number }[] = [];
    let dot = 0;
    let i = termStart[a]!;
    let j = termStart[b]!;
    const iEnd = i + termCount[a]!;
    const jEnd = j + termCount[b]!;
    const terms = this.arenaTerms.data;
    const weights = this.arenaWeights.data;
    while (i < iEnd && j < jEnd) {
      const ta = terms[i]!;
      const tb = terms[j]!;
      if (ta === tb) {
        const idf = this.idf(this.termDf[ta]!, live);
        const contribution = WEIGHT[weights[i]!]! * WEIGHT[weights[j]!]! * idf * idf;
        dot += contribution;
        sharedTerms.push({ id: ta, contribution });
        i++;
        j++;
      } else if (ta < tb) i++;
      else j++;
    }
    const wording = termNorm[a]! > 0 && termNorm[b]! > 0 ? Math.min(1, dot / (termNorm[a]! * termNorm[b]!)) : 0;

    const sharedEntities: { id: number; idf: number }[] = [];
    let entityDot = 0;
    i = entityStart[a]!;
    j = entityStart[b]!;
    const eaEnd = i + entityCount[a]!;
    const ebEnd = j + entityCount[b]!;
    const entities = this.arenaEntities.data;
    while (i < eaEnd && j < ebEnd) {
      const ea = entities[i]!;
      const eb = entities[j]!;
      if (ea === eb) {
        const idf = this.idf(this.entityDf[ea]!, live);
        entityDot += idf * idf;
        sharedEntities.push({ id: ea, idf });
        i++;
        j++;
      } else if (ea < eb) i++;
      else j++;
    }
    // A story without entities is judged on its wording alone (neither rewarded nor punished).
    const bothHaveEntities = entityCount[a]! > 0 && entityCount[b]! > 0 && entityNorm[a]! > 0 && entityNorm[b]! > 0;
    const entity = bothHaveEntities ? Math.min(1, entityDot / (entityNorm[a]! * entityNorm[b]!)) : wording;

    let score = WORDING_WEIGHT * wording + ENTITY_WEIGHT * entity;
    let days: number | null = null;
    if (day[a] !== NO_DATE && day[b] !== NO_DATE) {
      days = Math.abs(day[a]! - day[b]!);
      const proximity = 1 / (1 + days / DATE_HALF_LIFE_DAYS);
      score *= 1 + DATE_WEIGHT * (proximity - 0.5);
    }
    return { score: Math.min(1, score), sharedTerms, sharedEntities, days };
  }

  private reasons(a: number, b: number, live: number): string[] {
    const { sharedTerms, sharedEntities, days } = this.score(a, b, live);
    const reasons: string[] = [];
    const entityNames = sharedEntities
      .sort((x, y) => y.idf - x.idf || this.entityNames[x.id]!.localeCompare(this.entityNames[y.id]!))
      .slice(0, 4)
      .map((entity) => this.entityNames[entity.id]!);
    if (entityNames.length) reasons.push(`shares: ${entityNames.join(', ')}`);

    // Words already said by the shared names (`poetin`, `kim`, `noordkoreaanse`) add nothing to the reason.
    const nameWords = new Set<string>();
    for (const entity of sharedEntities) for (const word of words(this.entityNames[entity.id]!)) if (word.length >= 4) nameWords.add(word);
    const saysName = (term: number) => {
      const folded = fold(this.termSurface[term]!);
      for (const word of nameWords) if (folded.startsWith(word) || stem(word) === this.termKey(term)) return true;
      return false;
    };
    const wording = sharedTerms
      .filter((term) => !saysName(term.id) && isTellingWord(this.termSurface[term.id]!))
      .sort((x, y) => y.contribution - x.contribution)
      .slice(0, 4)
      .map((term) => this.termSurface[term.id]!);
    if (wording.length) reasons.push(`similar wording: ${wording.join(', ')}`);

    if (days !== null) reasons.push(describeDays(days));
    return reasons;
  }

  private termKeys: string[] | null = null;
  private termKey(id: number): string {
    if (!this.termKeys || this.termKeys.length !== this.termSurface.length) {
      this.termKeys = new Array<string>(this.termSurface.length);
      for (const [term, termId] of this.termIds) this.termKeys[termId] = term;
    }
    return this.termKeys[id]!;
  }
}

// Latin letters with diacritics (À–ɏ, minus × and ÷): only words with one need their spelling kept.
const LATIN_DIACRITIC = /[À-ÖØ-öø-ɏ]/u;
const WORD_WITH_DIACRITIC = /[a-zß-öø-ɏ]*[ß-öø-ɏ][a-zß-öø-ɏ]*/gu;

// Everyday news words that count towards similarity but explain nothing to an editor.
const DULL_WORDS = new Set([
  'verder', 'tussen', 'nieuwe', 'nieuw', 'meldt', 'melden', 'meldde', 'afgelopen', 'gaat', 'gaan', 'ging', 'zien',
  'jaar', 'jaren', 'twee', 'drie', 'vier', 'laatst', 'zeer', 'elkaar', 'steeds', 'tijdens', 'daarmee', 'eerder',
  'later', 'komen', 'komt', 'kwam', 'krijgen', 'kreeg', 'maken', 'maakt', 'grote', 'groot', 'eerste', 'week',
  'weken', 'dagen', 'echter', 'waarbij', 'daarbij', 'daarom', 'ongeveer', 'volgende', 'vorige', 'staat', 'staan',
  'laten', 'liet', 'willen', 'wilde', 'kunnen', 'moeten', 'blijft', 'blijven', 'gaf', 'geven', 'geeft', 'onze',
  'eigen', 'alle', 'veel', 'weer', 'want', 'omdat', 'terwijl', 'inmiddels', 'mogelijk', 'zouden', 'donderdag',
  'maandag', 'dinsdag', 'woensdag', 'vrijdag', 'zaterdag', 'zondag', 'gisteren', 'vandaag', 'procent',
]);

function isTellingWord(surface: string): boolean {
  return surface.length >= 4 && !/^\d+$/.test(surface) && !DULL_WORDS.has(fold(surface));
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

function dayNumber(date: string | null): number {
  if (typeof date !== 'string') return NO_DATE;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return NO_DATE;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isFinite(time) ? Math.round(time / 86_400_000) : NO_DATE;
}

export function describeDays(days: number): string {
  if (days === 0) return 'same day';
  if (days === 1) return '1 day apart';
  if (days <= 60) return `${days} days apart`;
  if (days < 730) return `${Math.round(days / 30.44)} months apart`;
  return `${Math.round(days / 365.25)} years apart`;
}

/** A 32-bit FNV-1a hash of everything the index reads from a story. */
function signatureOf(doc: RelatedDoc): number {
  let hash = 0x811c9dc5;
  const mix = (text: string) => {
    for (let k = 0; k < text.length; k++) {
      hash ^= text.charCodeAt(k);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x1f;
    hash = Math.imul(hash, 0x01000193);
  };
  mix(String(doc.kind));
  mix(String(doc.headline ?? ''));
  mix(String(doc.text ?? ''));
  mix(String(doc.place ?? ''));
  mix(String(doc.date ?? ''));
  for (const entity of Array.isArray(doc.entities) ? doc.entities : []) mix(`${entity?.key}\u0000${entity?.name}`);
  return hash >>> 0;
}

/** The RelatedDoc of a story as the store keeps it. */
export function toRelatedDoc(story: {
  id: string;
  kind: RelatedKind;
  headline: string;
  body: { text: string }[];
  dateline: { place: string };
  publishedAt: string | null;
  entities?: { key: string; name: string }[];
}): RelatedDoc {
  const body = story.body.map((block) => block.text).join('\n');
  // A brief's headline is its own first sentence; do not repeat it.
  const text = body.startsWith(story.headline) ? body : `${story.headline}\n${body}`;
  return {
    id: story.id,
    kind: story.kind,
    headline: story.headline,
    text,
    entities: (story.entities ?? []).map((entity) => ({ key: entity.key, name: entity.name })),
    place: story.dateline.place,
    date: story.publishedAt,
  };
}
