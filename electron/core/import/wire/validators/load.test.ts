import { describe, expect, it } from 'vitest';
import { parseWire } from '../index';
import * as shared from './load';

describe('the ninjs validators, loaded when an import starts', () => {
  it('are refused with a clear error before they are loaded, then the same validators every time', async () => {
    // A copy of the module of its own (a query makes it another module), as in a process
    // that has imported nothing yet: the test files share their modules.
    const fresh = (await import(/* @vite-ignore */ `./load.ts?fresh=${Date.now()}`)) as typeof shared;
    expect(() => fresh.ninjsValidators()).toThrow(/await loadNinjsValidators\(\) before parsing/);
    const [first, again] = await Promise.all([fresh.loadNinjsValidators(), fresh.loadNinjsValidators()]);
    expect(first).toBe(again);
    expect(fresh.ninjsValidators()).toBe(first);
    expect(Object.keys(first).sort()).toEqual(['1.6', '2.1', '2.2', '3.0', '3.1']);
    expect(first['3.1']({ uri: 'urn:anp:1', type: 'text', version: '1', versionCreated: 'gisteren' })).toBe(false);
  });

  it('let the importer read a ninjs file once loaded', async () => {
    await shared.loadNinjsValidators();
    const doc = JSON.stringify({ uri: 'urn:anp:2', type: 'text', version: '1', versionCreated: '2026-12-03T10:00:00Z', headlines: [{ role: 'main', value: 'Gemeenteraad stemt in met nieuw zwembad' }] });
    const parsed = parseWire(new TextEncoder().encode(doc), 'item.json');
    expect(parsed?.ok && parsed.result.items[0]?.headline).toBe('Gemeenteraad stemt in met nieuw zwembad');
  });
});
