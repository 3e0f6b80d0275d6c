import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parseWire } from '../index';
import type { WireParse, WireParseResult, WireProblem } from '../item';
import { loadNinjsValidators } from '../validators/load';

// Test helpers: read a fixture beside this file and parse it the way the importer will
// (which loads the ninjs schemas first, as here).
await loadNinjsValidators();

export const TEST_DIR = import.meta.dirname;

export function fixture(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(TEST_DIR, relative)));
}

export function parseFixture(relative: string): WireParse | null {
  return parseWire(fixture(relative), path.basename(relative));
}

export function parseText(text: string, name = 'item'): WireParse | null {
  return parseWire(new TextEncoder().encode(text), name);
}

/** The result of a file that must parse. */
export function ok(parsed: WireParse | null): WireParseResult {
  expect(parsed).not.toBeNull();
  if (!parsed!.ok) throw new Error(`expected a parse, got ${JSON.stringify(parsed!.problem)}`);
  return parsed!.result;
}

/** The problem of a file that must be refused. */
export function problem(parsed: WireParse | null): WireProblem {
  expect(parsed).not.toBeNull();
  if (parsed!.ok) throw new Error(`expected a problem, got ${parsed!.result.items.length} items`);
  return parsed!.problem;
}
