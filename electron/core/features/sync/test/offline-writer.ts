// Child process for the durability test: opens a library connected to a desk database
// as the CLI does (no live sync, the replica stays closed: only the outgoing journal notes
// the edits), makes two edits, prints "ack" once they are committed, and waits to be
// SIGKILLed before any of it went out. Only the store and the sync engine are loaded (a
// small bundle that starts fast; the whole core took seconds more on a loaded machine).
import { LibraryStore } from '../../../store/library-store';
import { fakeStory } from '../../../store/test/helpers';
import { TeamSync } from '../sync-engine';

const dir = process.argv[2];
if (!dir) throw new Error('usage: offline-writer DIR');
const store = await LibraryStore.open(dir);
const sync = new TeamSync(store, () => ({ password: null }));
await sync.start({ live: false });
await store.update(null, (meta) => ({ ...meta, storyEdits: meta.storyEdits.with([['s1', { ...meta.storyEdits.get('s1'), note: 'Geschreven in de trein.' }]]) }));
await store.addStories([fakeStory('s9', 'Onderweg geïmporteerd')]);
process.stdout.write('ack\n');
setInterval(() => {}, 1_000);
