import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { clientFor } from './client';
import { App } from './app/App';
import { createAppStore, startApp, StoreProvider } from './store';
import './app/app.css';
import './ui/controls.css';
import './app/layout/layout.css';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const client = clientFor(window);
const store = createAppStore({ client, storage: localStorageOrNull(), languages: navigator.languages?.length ? navigator.languages : [navigator.language] });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);

void startApp(store);
