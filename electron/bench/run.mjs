#!/usr/bin/env node
// Entry of `npm run bench`: runs the TypeScript benchmark over the real core.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
