// Child process for the concurrency tests: the real web host (out/node/host.js) with the
// arguments given, without building the renderer (its pages are not needed, its API is).
import { nodeBundle } from '../../launch.mjs';

const { main } = await import(nodeBundle('host'));
try {
  await main(process.argv.slice(2));
} catch (error) {
  console.error(`kroniek host: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
