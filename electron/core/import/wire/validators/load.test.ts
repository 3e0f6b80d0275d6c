import { describe, expect, it, vi } from 'vitest';

describe('the ninjs validators, loaded when an import starts', () => {
  it('are refused with a clear error before they are loaded, then the same validators every time', async () => {
    // A fresh copy of the module, as in a process that has not imported anything yet.
    vi.resetModules();
    const { loadNinjsValidators, ninjsValidators } = await import('./load');
    expect(() => ninjsValidators()).toThrow(/await loadNinjsValidators\(\)/);
    const [first, again] = await Promise.all([loadNinjsValidators(), loadNinjsValidators()]);
    expect(first).toBe(again);
    expect(ninjsValidators()).toBe(first);
    expect(Object.keys(first).sort()).toEqual(['1.6', '2.1', '2.2', '3.0', '3.1']);
    expect(first['3.1']({ uri: 'urn:anp:1', type: 'text', version: '1', versionCreated: 'gisteren' })).toBe(false);
  });

  it('let the importer read a ninjs file in a process that parsed none before', async () => {
    vi.resetModules();
    const { parseWire } = await import('../index');
    const doc = JSON.stringify({ uri: 'urn:anp:2', type: 'text', version: '1', versionCreated: '2026-12-03T10:00:00Z', headlines: [{ role: 'main', value: 'Gemeenteraad stemt in met nieuw zwembad' }] });
    const bytes = new TextEncoder().encode(doc);
    expect(() => parseWire(bytes, 'item.json')).toThrow(/not loaded/);
    const { loadNinjsValidators } = await import('./load');
    await loadNinjsValidators();
    const parsed = parseWire(bytes, 'item.json');
    expect(parsed?.ok && parsed.result.items[0]?.headline).toBe('Gemeenteraad stemt in met nieuw zwembad');
  });
});
