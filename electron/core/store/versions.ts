import { StoredHead } from './stored-heads';
import type { StoryHead } from './meta';

// One story across its agency versions. Each version an agency sends is an immutable
// content record in a segment, like any story (its text never changes once written);
// its head carries the version's facts (`head.wire`: the story it belongs to, guid,
// version number, dates, status, rights). Which version a story shows is not written
// anywhere: it is the highest version number stored, worked out when the segments are
// read. So a version arriving late (v2 after v3) lands in its place without touching
// the newer text, any order of arrival gives the same story, and the metadata document
// an editor's every edit rewrites does not grow with the versions (50,000 stories with
// their versions cost it nothing).
//
// The store (main process) and the indexing worker (segment-library.ts) both keep one of
// these over the segments they read, so they agree on each story's current version.

export interface VersionRef {
  /** The content record's id (its key in the segment files). */
  contentId: string;
  segment: string;
  version: number;
}

/** A story's id from the agency's guid: the same guid is always the same story, in any library. */
export const WIRE_STORY_PREFIX = 'w';
/** A version's content id: never a story id (stories are `a…`, `b…`, `w…`). */
export const WIRE_VERSION_PREFIX = 'v';

export class StoryVersions {
  /** storyId → its versions, ascending by version number. */
  private readonly byStory = new Map<string, VersionRef[]>();
  private readonly owner = new Map<string, string>();

  /**
   * Registers a version record. Returns `current` when it is now the story's shown
   * version (a new story, or a higher version), `older` when it was stored below the
   * shown one, and `known` when this content id or version number was already there
   * (the first stays).
   */
  add(head: StoryHead, segment: string): 'current' | 'older' | 'known' {
    return this.addRecord(head.id, head.wire!.storyId, head.wire!.version, segment);
  }

  /** As add(), by the record's content id and its agency facts. */
  addRecord(contentId: string, storyId: string, version: number, segment: string): 'current' | 'older' | 'known' {
    if (this.owner.has(contentId)) return 'known';
    const list = this.byStory.get(storyId);
    const ref: VersionRef = { contentId, segment, version };
    if (!list) {
      this.byStory.set(storyId, [ref]);
      this.owner.set(contentId, storyId);
      return 'current';
    }
    let at = list.length;
    while (at > 0 && list[at - 1]!.version > ref.version) at--;
    if (at > 0 && list[at - 1]!.version === ref.version) return 'known';
    list.splice(at, 0, ref);
    this.owner.set(contentId, storyId);
    return at === list.length - 1 ? 'current' : 'older';
  }

  /** After a segment compaction: each version record names the segment that holds it now. */
  renameSegments(renamed: (segment: string) => string): void {
    for (const list of this.byStory.values()) for (const ref of list) ref.segment = renamed(ref.segment);
  }

  /**
   * The segment that holds a known content record now (a compaction rewrote it into a new
   * segment). Returns true when the record is known.
   */
  moveContent(contentId: string, segment: string): boolean {
    const storyId = this.owner.get(contentId);
    if (storyId === undefined) return false;
    const ref = this.byStory.get(storyId)?.find((each) => each.contentId === contentId);
    if (ref) ref.segment = segment;
    return true;
  }

  /** The story a content record is a version of, if it is one. */
  ownerOf(contentId: string): string | undefined {
    return this.owner.get(contentId);
  }

  hasContent(contentId: string): boolean {
    return this.owner.has(contentId);
  }

  isWireStory(storyId: string): boolean {
    return this.byStory.has(storyId);
  }

  /** The version a story shows: its highest. */
  current(storyId: string): VersionRef | undefined {
    const list = this.byStory.get(storyId);
    return list?.[list.length - 1];
  }

  /** Every stored version, ascending. */
  list(storyId: string): readonly VersionRef[] {
    return this.byStory.get(storyId) ?? [];
  }

  find(storyId: string, version: number): VersionRef | undefined {
    return this.byStory.get(storyId)?.find((ref) => ref.version === version);
  }

  /** True when the content record is the version its story shows. */
  isCurrent(contentId: string): boolean {
    const storyId = this.owner.get(contentId);
    return storyId !== undefined && this.current(storyId)?.contentId === contentId;
  }
}

/** The head a wire story shows: its current version's record under the story's own id. */
export function storyHeadOf(record: StoryHead): StoryHead {
  // A stored head keeps some parts off the heap (stored-heads.ts): a spread would lose them.
  return record instanceof StoredHead ? record.with({ id: record.wire!.storyId }) : { ...record, id: record.wire!.storyId };
}
