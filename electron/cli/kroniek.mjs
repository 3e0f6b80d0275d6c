#!/usr/bin/env node
// `kroniek` command line: runs the TypeScript core directly (tsx), so the CLI
// uses the very same code as the app, the host, the tests and the benchmarks.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./main.ts');
process.exitCode = await run(process.argv.slice(2));
