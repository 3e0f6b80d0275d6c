#!/usr/bin/env node
// `kroniek` command line: runs the CLI's bundle (out/node/cli.js, the same core as the
// app, built from the TypeScript sources by vite.node.config.ts), building it first when
// it is missing or older than the sources. No TypeScript loader at run time.
import { nodeBundle } from '../launch.mjs';

// Every command ends with one clear line, whatever fails: an error nothing caught (an
// unhandled stream error, a rejected promise) is reported as such and exits 1, and the
// folder lock goes with the process (see store/lock.ts). A reader that stops early
// (`kroniek list | head`) ends the output quietly.
const fail = (error) => {
  console.error(`kroniek: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
process.stdout.on('error', (error) => (error.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : fail(error)));

let run;
try {
  ({ run } = await import(nodeBundle('cli')));
} catch (error) {
  console.error(`kroniek: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
process.exitCode = await run(process.argv.slice(2));
