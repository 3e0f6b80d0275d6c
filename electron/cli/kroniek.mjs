#!/usr/bin/env node
// `kroniek` command line: runs the CLI's bundle (out/node/cli.js, the same core as the
// app, built from the TypeScript sources by vite.node.config.ts), building it first when
// it is missing or older than the sources. No TypeScript loader at run time.
import { nodeBundle } from '../launch.mjs';

let run;
try {
  ({ run } = await import(nodeBundle('cli')));
} catch (error) {
  console.error(`kroniek: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
process.exitCode = await run(process.argv.slice(2));
