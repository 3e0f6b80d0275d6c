import { readdirSync } from 'node:fs';
import { kernelThreadId, lowerRuntimeHelpers, lowerThisThread, niceOf } from '../thread-priority';

// Run by thread-priority.test.ts in a process of its own: the priorities it changes
// cannot be restored, and the test runner's threads are not to be slowed by them.

const self = kernelThreadId();
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
