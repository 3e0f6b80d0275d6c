import type { Handlers } from './registry';
import { chronologyHandlers } from '../features/chronology/handlers';
import { dossierHandlers } from '../features/dossiers/handlers';
import { libraryHandlers } from '../features/library/handlers';
import { linkHandlers } from '../features/links/handlers';
import { backupHandlers } from '../features/backups/handlers';
import { searchesHandlers } from '../features/searches/handlers';
import { tagHandlers } from '../features/tags/handlers';
import { versionsHandlers } from '../features/versions/handlers';
import { trashHandlers } from '../features/trash/handlers';
import { watchHandlers } from '../features/watch/handlers';
import { quotesHandlers } from '../features/quotes/handlers';
import { syncHandlers } from '../features/sync/handlers';

/** Every contract method's handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...libraryHandlers,
  ...dossierHandlers,
  ...backupHandlers,
  ...searchesHandlers,
  ...tagHandlers,
  ...linkHandlers,
  ...versionsHandlers,
  ...trashHandlers,
  ...watchHandlers,
  ...chronologyHandlers,
  ...quotesHandlers,
  ...syncHandlers,
};
