import type { Dateline, StorySummary } from '../../shared/types';

/** Writes the command's result: JSON alone on stdout with --json, readable text otherwise. */
export interface Output {
  json: boolean;
  result(value: unknown, text: () => string): void;
}

export function createOutput(json: boolean, write: (text: string) => void = (text) => process.stdout.write(text)): Output {
  return {
    json,
    result(value, text) {
      write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
    },
  };
}

export function formatDateline(dateline: Dateline): string {
  if (!dateline.place && dateline.agencies.length === 0) return '';
  return `${dateline.place}${dateline.agencies.length ? ` (${dateline.agencies.join('/')})` : ''}`;
}

export function formatSummaryLine(item: Pick<StorySummary, 'id' | 'kind' | 'headline' | 'dateline' | 'publishedAt'>): string {
  const date = item.publishedAt ? `${item.publishedAt}  ` : '';
  const kind = item.kind === 'brief' ? '[brief] ' : '';
  const place = formatDateline(item.dateline);
  return `${item.id}  ${date}${kind}${item.headline}${place ? ` — ${place}` : ''}`;
}
