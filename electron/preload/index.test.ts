import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../shared/contract';

// The preload entry with a mocked electron: what reaches the page is exactly the contract.
const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args), on: vi.fn(), send: vi.fn() },
}));

describe('preload entry', () => {
  it('exposes only window.kroniek, with exactly the contract methods', async () => {
    await import('./index');
    expect([...exposed.keys()]).toEqual(['kroniek']);
    const api = exposed.get('kroniek') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('calls ipcRenderer.invoke with (channel, input) only: no event object, no ipcRenderer reaches the page', async () => {
    await import('./index');
    const api = exposed.get('kroniek') as Record<string, (input: unknown) => Promise<unknown>>;
    await expect(api['library.status']!({})).resolves.toEqual({ ok: true, value: null });
    expect(invoke).toHaveBeenLastCalledWith('kroniek:library.status', {});
    expect(Object.values(api).some((value) => value && typeof value === 'object')).toBe(false);
  });
});
