import type { StorySummary, StoryVersionSummary } from '../../../../shared/types';
import type { Language } from '../../i18n';
import { dateFormat } from '../../ui/format';

/** An agency instant (embargo, version sent) in the editor's own time zone and language. */
export function formatWireInstant(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(language, 'wire-instant', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}

const dayKey = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;

/**
 * The rail's time of each version: `10:40` when every version was sent on the same day (in the
 * editor's zone), else `3 dec. 10:40`; '' when the agency gave no time.
 */
export function railTimes(versions: readonly StoryVersionSummary[], language: Language): string[] {
  const dates = versions.map((version) => (version.versionCreated ? new Date(version.versionCreated) : null));
  const days = new Set(dates.filter((date) => date && !Number.isNaN(date.getTime())).map((date) => dayKey(date!)));
  const format = days.size > 1 ? dateFormat(language, 'rail-day-time', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) : dateFormat(language, 'rail-time', { hour: '2-digit', minute: '2-digit' });
  return dates.map((date) => (date && !Number.isNaN(date.getTime()) ? format.format(date) : ''));
}

/** The agency status badges a story earns, in the order the reader and list show them. */
export type WireBadge = { kind: 'withdrawn' } | { kind: 'embargo'; until: string } | { kind: 'corrected' } | { kind: 'updated' };

export function wireBadges(story: Pick<StorySummary, 'wire'>, now: number = Date.now()): WireBadge[] {
  const wire = story.wire;
  if (!wire) return [];
  const badges: WireBadge[] = [];
  if (wire.status !== 'usable') badges.push({ kind: 'withdrawn' });
  if (wire.embargoedUntil && Date.parse(wire.embargoedUntil) > now) badges.push({ kind: 'embargo', until: wire.embargoedUntil });
  if (wire.corrected) badges.push({ kind: 'corrected' });
  else if (wire.versionCount > 1) badges.push({ kind: 'updated' });
  return badges;
}

/** A story still under embargo now. */
export function embargoedNow(story: Pick<StorySummary, 'wire'>, now: number = Date.now()): boolean {
  const until = story.wire?.embargoedUntil;
  return Boolean(until && Date.parse(until) > now);
}

export const isWithdrawn = (story: Pick<StorySummary, 'wire'>): boolean => Boolean(story.wire && story.wire.status !== 'usable');
