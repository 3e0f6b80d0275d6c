// Child process for the concurrency tests: the real `kroniek` bundle (out/node/cli.js),
// loaded once, running one command per message from the parent, as a separate process
// would (it opens the library, takes the folder lock, works, closes, releases), without
// paying Node's start-up for every command. Answers {id, code}.
import { nodeBundle } from '../../launch.mjs';

const { run } = await import(nodeBundle('cli'));
process.on('message', async (message) => {
  const code = await run(message.args);
  process.send({ id: message.id, code });
});
process.send({ ready: true });
