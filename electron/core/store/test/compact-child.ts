// Child process for the compaction crash test: opens the library, compacts it, and SIGKILLs
// itself at the step named on the command line (its `nth` occurrence), or finishes ("done").
import type { CompactionStep } from '../compaction';
import { LibraryStore } from '../library-store';

const [dir, stopAt, nth] = process.argv.slice(2);
if (!dir || !stopAt) throw new Error('usage: compact-child DIR STEP [NTH]');
const store = await LibraryStore.open(dir, { autoCompact: false });
let seen = 0;
await store.compact({
  retireNow: true,
  onStep: (step: CompactionStep) => {
    if (step === stopAt && ++seen >= Number(nth ?? '1')) process.kill(process.pid, 'SIGKILL');
  },
});
await store.close();
process.stdout.write('done\n');
