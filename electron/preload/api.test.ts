import { describe, expect, it, vi } from 'vitest';
import { localMethodNames, methodNames } from '../../shared/contract';
import { buildPreloadApi, ipcChannel } from './api';

describe('buildPreloadApi', () => {
  it('exposes exactly one function per contract method', () => {
    const api = buildPreloadApi(async () => undefined);
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    for (const method of methodNames) expect(typeof api[method]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('gives the page none of the methods that take paths on this computer (import.paths, …)', () => {
    const api = buildPreloadApi(async () => undefined);
    expect(localMethodNames.length).toBeGreaterThan(0);
    for (const method of localMethodNames) expect(Object.keys(api)).not.toContain(method);
  });

  it('forwards only the channel and the input, and returns what main answers', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
    const api = buildPreloadApi(invoke);
    const answer = await api['stories.get']({ id: 'x' });
    expect(invoke).toHaveBeenCalledWith('kroniek:stories.get', { id: 'x' });
    expect(invoke.mock.calls[0]).toHaveLength(2);
    expect(answer).toEqual({ ok: true, value: { channel: 'kroniek:stories.get', input: { id: 'x' } } });
  });

  it('names channels kroniek:<method>', () => {
    expect(ipcChannel('library.status')).toBe('kroniek:library.status');
  });
});
