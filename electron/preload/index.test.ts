import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../shared/contract';

// The preload entry with a mocked electron: what reaches the page is exactly the contract.
const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }));
const on = vi.fn((..._args: unknown[]) => undefined);
const removeListener = vi.fn((..._args: unknown[]) => undefined);
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args), on: (...args: unknown[]) => on(...args), removeListener: (...args: unknown[]) => removeListener(...args), send: vi.fn() },
}));

describe('preload entry', () => {
  it('exposes only window.kroniek, with exactly the contract methods and onChange', async () => {
    await import('./index');
    expect([...exposed.keys()]).toEqual(['kroniek']);
    const api = exposed.get('kroniek') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'onChange'].sort());
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('calls ipcRenderer.invoke with (channel, input) only: no event object, no ipcRenderer reaches the page', async () => {
    await import('./index');
    const api = exposed.get('kroniek') as Record<string, (input: unknown) => Promise<unknown>>;
    await expect(api['library.status']!({})).resolves.toEqual({ ok: true, value: null });
    expect(invoke).toHaveBeenLastCalledWith('kroniek:library.status', {});
    expect(Object.values(api).some((value) => value && typeof value === 'object')).toBe(false);
  });

  it('onChange listens on the feed channel and passes the page only the checked payload, never the event', async () => {
    await import('./index');
    const api = exposed.get('kroniek') as { onChange: (callback: (commit: unknown) => void) => () => void };
    const seen: unknown[][] = [];
    const stop = api.onChange((...args) => seen.push(args));
    const [channel, handler] = on.mock.calls.at(-1) as unknown as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe('kroniek-feed:commit');
    const event = { sender: { send: () => undefined }, ports: [] };
    handler(event, { revision: 1, changes: { tags: true } });
    handler(event, { revision: 2, changes: { tags: 'no' } });
    expect(seen).toEqual([[{ revision: 1, changes: { tags: true } }]]);
    stop();
    expect(removeListener).toHaveBeenCalledWith('kroniek-feed:commit', handler);
  });
});
