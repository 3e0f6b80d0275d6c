import type { LinkLabel, LinkView } from '../../../../shared/contract/links';
import type { LinkType } from '../../../../shared/types';

/**
 * The editor picks how a link reads from the story they are on ("this story is
 * a follow-up of …"); the contract stores directed links once, `from` → `to`
 * (`follow-up`: `to` follows up on `from`; `background`: `from` is background to `to`).
 * These helpers translate between the two.
 */

/** The relations offered in pickers, in the order an editor thinks of them. */
export const RELATIONS: readonly LinkLabel[] = ['series', 'follow-up-of', 'followed-by', 'same-event', 'background-to', 'has-background', 'related'];

export interface Relation {
  type: LinkType;
  /** True when the story the relation is read from is the link's `from`. */
  readerIsFrom: boolean;
}

export function relationOf(label: LinkLabel): Relation {
  switch (label) {
    case 'follow-up-of':
      return { type: 'follow-up', readerIsFrom: false };
    case 'followed-by':
      return { type: 'follow-up', readerIsFrom: true };
    case 'background-to':
      return { type: 'background', readerIsFrom: true };
    case 'has-background':
      return { type: 'background', readerIsFrom: false };
    default:
      return { type: label, readerIsFrom: true };
  }
}

export const isDirected = (type: LinkType) => type === 'follow-up' || type === 'background';

/** The `links.create` calls that link each source to `otherId` as `relation` (read from the source). */
export function linkCalls(sourceIds: readonly string[], otherId: string, relation: LinkLabel): { from: string; to: string[] }[] {
  const sources = sourceIds.filter((id) => id !== otherId);
  if (sources.length === 0) return [];
  const { type, readerIsFrom } = relationOf(relation);
  // One call (one undo step) whenever the other story can be the common `from`.
  if (!isDirected(type) || !readerIsFrom) return [{ from: otherId, to: [...sources] }];
  return sources.map((from) => ({ from, to: [otherId] }));
}

/** The `links.update` change that makes `view` read as `relation` from its story; null when it already does. */
export function relationChange(view: LinkView, relation: LinkLabel): { type?: LinkType; reverse?: boolean } | null {
  if (view.label === relation) return null;
  const { type, readerIsFrom } = relationOf(relation);
  const change: { type?: LinkType; reverse?: boolean } = {};
  if (type !== view.link.type) change.type = type;
  // The reader's end is `from` unless the link's `from` is the other story.
  const readerIsFromNow = view.link.from !== view.otherId;
  if (isDirected(type) && readerIsFrom !== readerIsFromNow) change.reverse = true;
  return change;
}
