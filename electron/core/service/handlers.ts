import type { Handlers } from './registry';
import { dossierHandlers } from '../features/dossiers/handlers';
import { libraryHandlers } from '../features/library/handlers';
import { tagAndLinkHandlers } from '../features/links/handlers';
import { maintenanceHandlers } from '../features/backups/handlers';
import { searchesHandlers } from '../features/searches/handlers';

/** Every contract method's handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...libraryHandlers,
  ...dossierHandlers,
  ...maintenanceHandlers,
  ...searchesHandlers,
  ...tagAndLinkHandlers,
};
