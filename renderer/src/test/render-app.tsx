import { render } from '@testing-library/react';
import { App } from '../app/App';
import { createAppStore, startApp, StoreProvider, type AppStore } from '../store';
import type { Client } from '../client';

/** Renders the whole app over a service (the real core in-process, or a fake), as main.tsx does over the real one. */
export function renderApp(service: { client: Client }, options: { languages?: string[]; storage?: Storage; reconnectMs?: number } = {}) {
  const store: AppStore = createAppStore({
    client: service.client,
    storage: options.storage ?? window.localStorage,
    languages: options.languages ?? ['en-GB'],
    reconnectMs: options.reconnectMs,
  });
  const result = render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  void startApp(store);
  return { ...result, store };
}
