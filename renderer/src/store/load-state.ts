/** Where one piece of server state stands in the UI. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';
