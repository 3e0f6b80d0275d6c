import { describe, expect, it, vi } from 'vitest';
import { localMethodNames, methodNames } from '../../shared/contract';
import { buildPreloadApi, CHANGES_CHANNEL, ipcChannel, ON_CHANGE, type ListenFn } from './api';

const noListen: ListenFn = () => () => undefined;

describe('buildPreloadApi', () => {
  it('exposes exactly one function per contract method, and onChange', () => {
    const api = buildPreloadApi(async () => undefined, noListen);
    expect(Object.keys(api).sort()).toEqual([...methodNames, ON_CHANGE].sort());
    for (const key of Object.keys(api)) expect(typeof (api as Record<string, unknown>)[key]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('gives the page none of the methods that take paths on this computer (import.paths, …)', () => {
    const api = buildPreloadApi(async () => undefined, noListen);
    expect(localMethodNames.length).toBeGreaterThan(0);
    for (const method of localMethodNames) expect(Object.keys(api)).not.toContain(method);
  });

  it('forwards only the channel and the input, and returns what main answers', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
    const api = buildPreloadApi(invoke, noListen);
    const answer = await api['stories.get']({ id: 'x' });
    expect(invoke).toHaveBeenCalledWith('kroniek:stories.get', { id: 'x' });
    expect(invoke.mock.calls[0]).toHaveLength(2);
    expect(answer).toEqual({ ok: true, value: { channel: 'kroniek:stories.get', input: { id: 'x' } } });
  });

  it('names channels kroniek:<method>', () => {
    expect(ipcChannel('library.status')).toBe('kroniek:library.status');
  });

  it('onChange hands the page only well-formed commits, as copies, and can stop', () => {
    let deliver: ((payload: unknown) => void) | null = null;
    const stop = vi.fn();
    const listen = vi.fn<ListenFn>((channel, listener) => {
      expect(channel).toBe(CHANGES_CHANNEL);
      deliver = listener;
      return stop;
    });
    const api = buildPreloadApi(async () => undefined, listen);
    const seen: unknown[] = [];
    const unsubscribe = api.onChange((commit) => seen.push(commit));
    const taggings = ['s1'];
    deliver!({ revision: 3, changes: { taggings, history: true } });
    for (const bad of [null, 'x', { revision: -1, changes: {} }, { revision: 1, changes: { stories: 'some' } }, { revision: 1, changes: { evil: true } }, { revision: 1, changes: { tags: 'yes' } }, { revision: 1.5, changes: {} }]) {
      deliver!(bad);
    }
    expect(seen).toEqual([{ revision: 3, changes: { taggings: ['s1'], history: true } }]);
    expect((seen[0] as { changes: { taggings: string[] } }).changes.taggings).not.toBe(taggings);
    unsubscribe();
    expect(stop).toHaveBeenCalledOnce();
    expect(() => api.onChange('not a function' as never)).toThrow(TypeError);
  });
});
