import { readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { kernelThreadId, lowerRuntimeHelpers, lowerThisThread } from '../thread-priority';

// Run by thread-priority.test.ts in a process of its own: the priorities it changes
// cannot be restored, and the test runner's threads are not to be slowed by them.

const self = kernelThreadId();
/** A thread's nice value, or null if it ended meanwhile. */
const niceOf = (tid: number) => {
  try {
    return getPriority(tid);
  } catch {
    return null;
  }
};
const others = readdirSync('/proc/self/task').map(Number).filter((tid) => tid !== self);
const lowered = lowerRuntimeHelpers(7);
const report = {
  self,
  others: others.length,
  lowered,
  othersNice: others.map((tid) => niceOf(tid)).filter((nice) => nice !== null),
  selfNiceAfterHelpers: self === null ? null : niceOf(self),
  // This thread lowered to 3, then asked for 1: a nice value is never brought back down.
  selfLowered: lowerThisThread(3),
  selfAskedHigher: lowerThisThread(1),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
