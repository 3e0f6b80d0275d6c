import { ServiceError } from '../../../../shared/contract/envelope';
import { seriesStoryIds as seriesOrder } from '../links/views';
import type { ServiceContext } from '../../service/context';

/**
 * The stories of the series `storyId` belongs to, in timeline order (the links
 * module decides that order, so a dossier and the series view always agree).
 * A story without series links is a series of one.
 */
export function seriesStoryIds(ctx: ServiceContext, storyId: string): string[] {
  if (!ctx.store.head(storyId)) throw new ServiceError('not-found', `No story with id ${storyId} in the library.`);
  return seriesOrder(ctx.store, storyId);
}
