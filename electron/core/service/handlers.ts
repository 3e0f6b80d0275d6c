import type { Handlers } from './registry';
import { dossierHandlers } from './dossiers';
import { libraryHandlers } from './library';
import { tagAndLinkHandlers } from './links';
import { maintenanceHandlers } from './maintenance';
import { searchesHandlers } from './searches';

/** Every contract method's handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...libraryHandlers,
  ...dossierHandlers,
  ...maintenanceHandlers,
  ...searchesHandlers,
  ...tagAndLinkHandlers,
};
