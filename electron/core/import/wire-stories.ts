import { createHash } from 'node:crypto';
import { countWords } from './count-words';
import { cleanDateline, cleanLine } from '../../../shared/clean-text';
import { MEDIA_TOPIC } from '../../../shared/contract/tags';
import type { ImportFileResult, Tag, WireImportOutcome } from '../../../shared/types';
import { cleanTagName, tagKey } from '../features/tags/ops';
import { newId } from '../ids';
import type { LibraryStore } from '../store/library-store';
import type { MetaDoc, StoryContent, WireVersionFacts } from '../store/meta';
import { WIRE_STORY_PREFIX, WIRE_VERSION_PREFIX } from '../store/versions';
import type { WireItem, WireName, WireParseResult } from './wire/item';
import { withoutOpeningDateline } from './wire/fields';

// Agency items as stories (see store/versions.ts): the first item of a guid makes the
// story, every further one is a version of it. An item is stored as its version's own
// content record; which version the story shows follows from the version numbers, so
// the order in which they arrive does not matter. Tags, links, notes and dossier places
// belong to the story and stay whatever versions arrive.

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The story id of an agency guid: the same guid is the same story. */
export const wireStoryId = (guid: string) => `${WIRE_STORY_PREFIX}${sha256(`wire\n${guid}`).slice(0, 15)}`;
/** The content id of one version of it. */
export const wireContentId = (guid: string, version: number) => `${WIRE_VERSION_PREFIX}${sha256(`wire\n${guid}\n${version}`).slice(0, 15)}`;

const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (`YYYY-MM-DD`) of an instant in Amsterdam, where the editors are; null when it is not a date. */
export function wireDay(iso: string | null): string | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  return amsterdamDay.format(time);
}


/** A Media Topic code in Kroniek's form (`medtop:20000638`), from the short or the URI form; null otherwise. */
export function mediaTopicOf(code: string | null): string | null {
  if (!code) return null;
  const trimmed = code.trim();
  const uri = /^https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/(\d{8})\/?$/i.exec(trimmed);
  const clean = uri ? `medtop:${uri[1]}` : trimmed.toLowerCase();
  return MEDIA_TOPIC.test(clean) ? clean : null;
}

/** One version's content record. */
export function versionRecord(item: WireItem, version: number, source: { fileName: string; sha256: string }, importedAt: string): StoryContent {
  const storyId = wireStoryId(item.guid);
  const words = countWords(item.headline) + item.body.reduce((sum, block) => sum + countWords(block.text), 0);
  const wire: WireVersionFacts = {
    storyId,
    guid: item.guid,
    version,
    format: item.format,
    firstCreated: item.firstCreated,
    versionCreated: item.versionCreated,
    date: wireDay(item.firstCreated) ?? wireDay(item.versionCreated),
    status: item.signals.includes('kill') ? 'canceled' : item.pubStatus,
    signals: [...item.signals],
    embargoedUntil: item.embargoedUntil,
    edNote: item.edNote,
    subheadline: item.subheadline,
    slugline: item.slugline,
    byline: item.byline,
    language: item.language,
    rights: { ...item.rights },
    infoSources: item.infoSources.map((source) => ({ ...source })),
    words,
  };
  return {
    head: {
      id: wireContentId(item.guid, version),
      kind: 'article',
      headline: cleanLine(item.headline),
      dateline: cleanDateline({ place: item.datelinePlace ?? '', agencies: [...item.agencies] }),
      section: null,
      ageLabel: null,
      pageId: null,
      fileName: cleanLine(source.fileName),
      sha256: source.sha256,
      importedAt,
      contentHash: sha256(['wire', item.guid, String(version), item.headline, ...item.body.map((block) => block.text)].join('\n')),
      warnings: [],
      wire,
    },
    // The dateline the text opens with is kept apart (as for page text): the reader and exports show it once.
    body: withoutOpeningDateline(item.body).map((block) => ({ type: block.type, text: block.text })),
  };
}

/** What one import batch has decided about agency items so far (before its one commit). */
/** A version taken in a batch: its number and when the feed says it was made. */
interface TakenVersion {
  version: number;
  versionCreated: string | null;
}

export class WireBatch {
  /** The version records taken and not yet handed on (takeItems). */
  private pendingItems: StoryContent[] = [];
  private takenCount = 0;
  /**
   * storyId → the versions taken in this batch, in the order taken: one for the usual single
   * version, an array for more. Held for the length of an import, so kept small (a Set of
   * numbers and a Map of creation times per story cost ~400 bytes a story: 0.5 GB at a million).
   */
  private readonly takenOf = new Map<string, TakenVersion | TakenVersion[]>();
  /** New stories and their subjects (tags are given to a story when it is made, never again), as numbers into `subjectList`. */
  private readonly subjects = new Map<string, number[]>();
  /** Each distinct subject once (a feed's stories share a few hundred), and its number. */
  private readonly subjectList: WireName[] = [];
  private readonly subjectNumbers = new Map<string, number>();
  readonly undelete = new Set<string>();

  constructor(private readonly store: LibraryStore) {}

  /** Records taken and, restored stories: whether the batch changes the library at all. */
  get size(): number {
    return this.takenCount + this.undelete.size;
  }

  /** Version records taken and not handed on yet. */
  get heldCount(): number {
    return this.pendingItems.length;
  }

  /** The version records taken since the last call (the batch keeps what it needs to place later versions). */
  takeItems(): StoryContent[] {
    const items = this.pendingItems;
    this.pendingItems = [];
    return items;
  }

  /** The versions of `storyId` taken in this batch, in the order taken. */
  private takenVersions(storyId: string): readonly TakenVersion[] {
    const taken = this.takenOf.get(storyId);
    return taken === undefined ? [] : Array.isArray(taken) ? taken : [taken];
  }

  private highest(storyId: string): number | null {
    let highest = this.store.latestVersionOf(storyId);
    for (const { version } of this.takenVersions(storyId)) if (highest === null || version > highest) highest = version;
    return highest;
  }

  private has(storyId: string, version: number): boolean {
    return this.store.hasVersion(storyId, version) || this.takenVersions(storyId).some((taken) => taken.version === version);
  }

  /** Takes in one item: what became of it, and whether it brought a deleted story back. */
  take(item: WireItem, source: { fileName: string; sha256: string }, importedAt: string): { outcome: WireImportOutcome; restored: boolean } {
    const storyId = wireStoryId(item.guid);
    const highest = this.highest(storyId);
    // No version number in the feed: the stored version made at the same time, else the next one.
    const version = item.version ?? (highest === null ? 1 : (this.versionMadeAt(storyId, item.versionCreated) ?? highest + 1));
    const restored = this.store.isDeleted(storyId) && !this.undelete.has(storyId);
    if (restored) this.undelete.add(storyId);
    return { outcome: this.place(item, storyId, version, highest, source, importedAt), restored };
  }

  private place(item: WireItem, storyId: string, version: number, highest: number | null, source: { fileName: string; sha256: string }, importedAt: string): WireImportOutcome {
    if (this.has(storyId, version)) return { guid: item.guid, storyId, version, outcome: 'duplicate' };
    const record = versionRecord(item, version, source, importedAt);
    this.pendingItems.push(record);
    this.takenCount++;
    const taken: TakenVersion = { version, versionCreated: record.head.wire?.versionCreated ?? null };
    const before = this.takenOf.get(storyId);
    if (before === undefined) this.takenOf.set(storyId, taken);
    else if (Array.isArray(before)) before.push(taken);
    else this.takenOf.set(storyId, [before, taken]);
    if (highest === null) {
      this.subjects.set(storyId, item.subjects.map((subject) => this.subjectNumber(subject)));
      return { guid: item.guid, storyId, version, outcome: 'story' };
    }
    return { guid: item.guid, storyId, version, outcome: version > highest ? 'version' : 'older' };
  }

  private versionMadeAt(storyId: string, versionCreated: string | null): number | null {
    if (!versionCreated) return null;
    // The first record of this story in the batch made then (only its own records are looked at).
    for (const taken of this.takenVersions(storyId)) if (taken.versionCreated === versionCreated) return taken.version;
    for (const stored of this.store.storyVersionsStored(storyId)) if (stored.versionCreated === versionCreated) return stored.version;
    return null;
  }

  private subjectNumber(subject: WireName): number {
    const key = `${subject.code ?? ''}\n${subject.name}`;
    let number = this.subjectNumbers.get(key);
    if (number === undefined) {
      number = this.subjectList.push({ name: subject.name, code: subject.code }) - 1;
      this.subjectNumbers.set(key, number);
    }
    return number;
  }

  /** The batch's change to the metadata document: restored stories, and the subject tags of new stories. */
  metaChange(meta: MetaDoc): MetaDoc {
    let next = meta;
    if (this.undelete.size) next = { ...next, deleted: next.deleted.filter((id) => !this.undelete.has(id)) };
    if (this.subjects.size === 0) return next;
    let tags = next.tags;
    const tagged: Array<[string, string[]]> = [];
    const byCode = new Map<string, Tag>();
    const byName = new Map<string, Tag>();
    for (const tag of tags) {
      if (tag.mediaTopic) byCode.set(tag.mediaTopic, tag);
      byName.set(tagKey(tag.name), tag);
    }
    for (const [storyId, numbers] of this.subjects) {
      const ids: string[] = [];
      for (const number of numbers) {
        const subject = this.subjectList[number]!;
        const code = mediaTopicOf(subject.code);
        if (!code) continue;
        const name = cleanTagName(subject.name).slice(0, 200) || code;
        let tag = byCode.get(code) ?? byName.get(tagKey(name));
        if (!tag) {
          tag = { id: newId('t'), name, color: null, parentId: null, mediaTopic: code };
          if (tags === next.tags) tags = [...tags];
          tags.push(tag);
          byCode.set(code, tag);
          byName.set(tagKey(name), tag);
        }
        if (!ids.includes(tag.id)) ids.push(tag.id);
      }
      if (ids.length === 0) continue;
      const mine = next.taggings.get(storyId) ?? [];
      const merged = [...mine, ...ids.filter((id) => !mine.includes(id))];
      if (merged.length === mine.length) continue;
      tagged.push([storyId, merged]);
    }
    return tags === next.tags && tagged.length === 0 ? next : { ...next, tags, taggings: tagged.length ? next.taggings.with(tagged) : next.taggings };
  }
}

/** The per-file result of an agency file. */
export function wireFileResult(fileName: string, parsed: WireParseResult, batch: WireBatch, source: { fileName: string; sha256: string }, importedAt: string): ImportFileResult {
  const taken = parsed.items.map((item) => batch.take(item, source, importedAt));
  const versions = taken.map((entry) => entry.outcome);
  const anythingNew = taken.some((entry) => entry.restored || entry.outcome.outcome !== 'duplicate');
  const first = parsed.items[0];
  const result: ImportFileResult = {
    fileName,
    status: anythingNew ? 'imported' : 'duplicate',
    warnings: parsed.skipped.map((problem) => problem.code),
    briefs: { imported: 0, duplicate: 0 },
    versions,
  };
  if (first) {
    result.articleId = versions[0]!.storyId;
    result.headline = first.headline;
  }
  return result;
}
