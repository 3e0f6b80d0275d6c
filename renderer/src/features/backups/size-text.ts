import type { TFunction } from 'i18next';

/** A backup's size in B, KB or MB (binary units), with the decimal separator of the language. */
export function sizeText(t: TFunction<'backups'>, bytes: number): string {
  if (bytes < 1024) return t('bytes', { value: bytes });
  if (bytes < 1024 * 1024) return t('kilobytes', { value: bytes / 1024 });
  return t('megabytes', { value: bytes / 1024 / 1024 });
}
