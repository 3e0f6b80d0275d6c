// Which backups to keep: dense for recent history, sparse for old. Pure, so
// the policy is tested without a clock or a disk.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface RetentionPolicy {
  /** Keep every backup younger than this. */
  keepAllWithinMs: number;
  /** Then one per hour for this long… */
  hourlyForMs: number;
  /** …one per day for this long… */
  dailyForMs: number;
  /** …and one per 30 days beyond that, up to this many. */
  monthlyCount: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  keepAllWithinMs: 2 * HOUR,
  hourlyForMs: 2 * DAY,
  dailyForMs: 30 * DAY,
  monthlyCount: 12,
};

/**
 * Returns the timestamps (ms) to keep, newest first. The newest backup is always
 * kept; within each bucket the newest backup represents it.
 */
export function selectBackupsToKeep(times: number[], now: number, policy: RetentionPolicy = DEFAULT_RETENTION): number[] {
  const sorted = [...new Set(times)].sort((a, b) => b - a);
  const keep: number[] = [];
  const seenBuckets = new Set<string>();
  let months = 0;
  for (const [index, time] of sorted.entries()) {
    const age = Math.max(0, now - time);
    let bucket: string;
    if (index === 0 || age < policy.keepAllWithinMs) bucket = `all:${time}`;
    else if (age < policy.hourlyForMs) bucket = `hour:${Math.floor(time / HOUR)}`;
    else if (age < policy.dailyForMs) bucket = `day:${Math.floor(time / DAY)}`;
    else bucket = `month:${Math.floor(time / (30 * DAY))}`;
    if (seenBuckets.has(bucket)) continue;
    if (bucket.startsWith('month:')) {
      if (months >= policy.monthlyCount) continue;
      months++;
    }
    seenBuckets.add(bucket);
    keep.push(time);
  }
  return keep;
}
