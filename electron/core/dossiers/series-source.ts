import { ServiceError } from '../../../shared/contract/envelope';
import type { ServiceContext } from '../service/context';

/**
 * The stories of the series `storyId` belongs to, in timeline order.
 * Series ordering lives with the links module (issue 3); until it is part of
 * the core this source answers `unsupported` rather than guessing an order.
 */
export function seriesStoryIds(ctx: ServiceContext, storyId: string): string[] {
  if (!ctx.store.head(storyId)) throw new ServiceError('not-found', `No story with id ${storyId} in the library.`);
  throw new ServiceError('unsupported', 'Creating a dossier from a series needs series links, which this version of Kroniek does not have yet.');
}
