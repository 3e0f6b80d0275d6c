// Child process for the lock test: takes the folder lock, then dies of an error nothing
// catches. The lock must go with it.
import { acquireFolderLock } from '../lock';

const dir = process.argv[2];
if (!dir) throw new Error('usage: lock-holder DIR');
await acquireFolderLock(dir, { by: 'cli' });
process.stdout.write('held\n');
setTimeout(() => {
  throw new Error('an error nothing caught');
}, 10);
