import { render } from '@testing-library/react';
import { App } from '../app/App';
import { createAppStore, startApp, StoreProvider, type AppStore } from '../store';
import type { FakeService } from './fake-service';

/** Renders the whole app over a fake service, as main.tsx does over the real one. */
export function renderApp(service: FakeService, options: { languages?: string[]; storage?: Storage } = {}) {
  const store: AppStore = createAppStore({
    client: service.client,
    storage: options.storage ?? window.localStorage,
    languages: options.languages ?? ['en-GB'],
  });
  const result = render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  void startApp(store);
  return { ...result, store };
}
