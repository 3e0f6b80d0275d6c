import { TermStream, type RelatedFeatures, type StreamedTerms } from '../analysis/related';
import type { Speaker } from './story-docs';

// The related index's story features as the feature worker posts them: a batch of
// stories in a few flat arrays and strings (one structured clone of a string is far
// cheaper than of thousands of small ones). Words, stems and entity names never hold
// U+0000, which separates the strings. A story's terms go as numbers: the writer numbers
// each term the first time it sends it (its string and first word go with that batch
// only), and the reader's term stream turns the numbers back into the index's term ids
// (see analysis/related/term-stream.ts). Writer and reader are one pair per feed: the
// numbers hold only between them, batch after batch, in order.

const SEP = '\u0000';

export interface FeatureBatch {
  ids: string[];
  signatures: Uint32Array;
  /** Per story: how many terms, surface triples and entity pairs it has. */
  counts: Uint32Array;
  /** Per term of each story: its number (see above). */
  termNumbers: Uint32Array;
  weights: Float32Array;
  /** The terms numbered first in this batch, in number order, and the word each first came from. */
  newTerms: string;
  newTermWords: string;
  surfaces: string;
  entities: string;
  /** Per story, the people and organisations it names, whom its quotes are resolved to (JSON: per story, `key, name, kind` triples). */
  speakers: string;
}

/**
 * What the feature worker works out per story: the related index's features and the
 * entities the story's quotes are resolved to (the indexing worker extracts the quotes
 * with them: see feature-worker.ts). Read from a batch, the related features' terms are
 * `terms` (their `terms` and `firstWords` are then empty).
 */
export interface StoryFeatures {
  related: RelatedFeatures;
  speakers: Speaker[];
  terms?: StreamedTerms;
}

export class FeatureBatchWriter {
  private ids: string[] = [];
  private signatures: number[] = [];
  private counts: number[] = [];
  private termNumbers: number[] = [];
  private weights: number[] = [];
  private newTerms: string[] = [];
  private newTermWords: string[] = [];
  private surfaces: string[] = [];
  private entities: string[] = [];
  private speakers: string[][] = [];
  /** Every term sent so far, by its number. */
  private readonly numbered = new Map<string, number>();

  get size(): number {
    return this.ids.length;
  }

  add(id: string, { related: features, speakers }: StoryFeatures): void {
    this.ids.push(id);
    const flat: string[] = [];
    for (const speaker of speakers) flat.push(speaker.key, speaker.name, speaker.kind);
    this.speakers.push(flat);
    this.signatures.push(features.contentSignature);
    this.counts.push(features.terms.length, features.surfaces.length / 3, features.entities.length / 2);
    const { numbered } = this;
    for (let k = 0; k < features.terms.length; k++) {
      const term = features.terms[k]!;
      let number = numbered.get(term);
      if (number === undefined) {
        numbered.set(term, (number = numbered.size));
        this.newTerms.push(term);
        this.newTermWords.push(features.firstWords[k]!);
      }
      this.termNumbers.push(number);
      this.weights.push(features.weights[k]!);
    }
    for (const value of features.surfaces) this.surfaces.push(value);
    for (const value of features.entities) this.entities.push(value);
  }

  /** The batch so far (the writer starts afresh, its terms still numbered); its typed arrays' buffers can be transferred. */
  take(): FeatureBatch {
    const batch: FeatureBatch = {
      ids: this.ids,
      signatures: Uint32Array.from(this.signatures),
      counts: Uint32Array.from(this.counts),
      termNumbers: Uint32Array.from(this.termNumbers),
      weights: Float32Array.from(this.weights),
      newTerms: this.newTerms.join(SEP),
      newTermWords: this.newTermWords.join(SEP),
      surfaces: this.surfaces.join(SEP),
      entities: this.entities.join(SEP),
      speakers: JSON.stringify(this.speakers),
    };
    this.ids = [];
    this.signatures = [];
    this.counts = [];
    this.termNumbers = [];
    this.weights = [];
    this.newTerms = [];
    this.newTermWords = [];
    this.surfaces = [];
    this.entities = [];
    this.speakers = [];
    return batch;
  }
}

const split = (text: string) => (text ? text.split(SEP) : []);

/** Reads the batches of one writer, in the order it took them. */
export class FeatureBatchReader {
  /** The terms the writer numbered, as read so far. */
  readonly stream = new TermStream();

  /** A batch's stories, in order. */
  *read(batch: FeatureBatch): Generator<{ id: string; features: StoryFeatures }> {
    const speakers = JSON.parse(batch.speakers) as string[][];
    this.stream.append(split(batch.newTerms), split(batch.newTermWords));
    const surfaces = split(batch.surfaces);
    const entities = split(batch.entities);
    let term = 0;
    let surface = 0;
    let entity = 0;
    for (let k = 0; k < batch.ids.length; k++) {
      const termCount = batch.counts[k * 3]!;
      const surfaceCount = batch.counts[k * 3 + 1]! * 3;
      const entityCount = batch.counts[k * 3 + 2]! * 2;
      yield {
        id: batch.ids[k]!,
        features: {
          speakers: speakersOfFlat(speakers[k] ?? []),
          related: {
            contentSignature: batch.signatures[k]!,
            terms: [],
            firstWords: [],
            weights: Array.from(batch.weights.subarray(term, term + termCount)),
            surfaces: surfaces.slice(surface, surface + surfaceCount),
            entities: entities.slice(entity, entity + entityCount),
          },
          terms: { stream: this.stream, numbers: batch.termNumbers.subarray(term, term + termCount) },
        },
      };
      term += termCount;
      surface += surfaceCount;
      entity += entityCount;
    }
  }
}

function speakersOfFlat(flat: string[]): Speaker[] {
  const speakers: Speaker[] = [];
  for (let k = 0; k + 2 < flat.length; k += 3) speakers.push({ key: flat[k]!, name: flat[k + 1]!, kind: flat[k + 2] as Speaker['kind'] });
  return speakers;
}
