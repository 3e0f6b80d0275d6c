import { randomBytes } from 'node:crypto';

/**
 * Ids of what editors make: tags (`t`), links (`l`), dossiers (`d`), saved searches
 * (`q`), "looks like an update of" proposals (`p`). Random, so ids made on two machines never meet when libraries are merged.
 */
export type IdPrefix = 't' | 'l' | 'd' | 'q' | 'p';

export const newId = (prefix: IdPrefix): string => `${prefix}${randomBytes(8).toString('hex')}`;
