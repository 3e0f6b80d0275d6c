// Child process for the durability test: opens a library connected to a desk database
// as the CLI does (no live sync, the replica stays closed: only the outgoing journal notes
// the edits), makes a few edits, prints "ack" once they are committed, and waits to be
// SIGKILLed before any of it went out.
import { openKroniek } from '../../../app';
import { fakeStory } from '../../../store/test/helpers';

const dir = process.argv[2];
if (!dir) throw new Error('usage: offline-writer DIR');
const core = await openKroniek({ platform: 'cli', dataDir: dir, indexes: 'lazy', liveSync: false, syncCredentials: () => ({ password: null }) });
const answer = await core.dispatch('stories.setNote', { id: 's1', note: 'Geschreven in de trein.' });
if (!answer.ok) throw new Error(answer.error.message);
await core.context.store.addStories([fakeStory('s9', 'Onderweg geïmporteerd')]);
process.stdout.write('ack\n');
setInterval(() => {}, 1_000);
