// Child process for the kill test: writes edits as fast as it can and prints
// "ack N" once edit N is durably on disk. The parent SIGKILLs it at random.
import { LibraryStore } from '../library-store';
import { fakeStory } from './helpers';

const dir = process.argv[2];
if (!dir) throw new Error('usage: kill-writer DIR');
const store = await LibraryStore.open(dir);
const start = store.meta.taggings.size;
process.stdout.write('ready\n');
for (let i = start; ; i++) {
  if (i % 7 === 0) await store.addStories([fakeStory(`k${i}`)]);
  await store.update({ code: 'tag.apply', count: 1 }, (meta) => ({ ...meta, taggings: meta.taggings.with([[`s${i}`, ['t']]]) }));
  process.stdout.write(`ack ${i}\n`);
}
