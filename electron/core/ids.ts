import { randomBytes } from 'node:crypto';

/**
 * Ids of what editors make: tags (`t`), links (`l`), dossiers (`d`), saved searches
 * (`q`). Random, so ids made on two machines never meet when libraries are merged.
 */
export type IdPrefix = 't' | 'l' | 'd' | 'q';

export const newId = (prefix: IdPrefix): string => `${prefix}${randomBytes(8).toString('hex')}`;
