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
      write(json ? `${JSON.stringify(value, null, 2)}\n` : `${terminalText(text())}\n`);
    },
  };
}

// Text printed to a terminal carries untrusted text (file names, headlines, names, notes):
// a raw escape byte could move the cursor, recolour, retitle or clear the terminal, a
// carriage return or newline could forge a line, and a bidi override could show a line
// in another order than it is. Such characters are printed as visible escapes instead.

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_TEXT = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FIELD = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

function visibleEscape(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A whole block of terminal output: line breaks stay, every other control and bidi character is shown escaped. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, visibleEscape);
}

/** One untrusted value on a line of its own (a file name, a headline, a name): line breaks and tabs are escaped too. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_IN_FIELD, visibleEscape);
}

export function formatDateline(dateline: Dateline): string {
  if (!dateline.place && dateline.agencies.length === 0) return '';
  return oneLine(`${dateline.place}${dateline.agencies.length ? ` (${dateline.agencies.join('/')})` : ''}`);
}

export function formatSummaryLine(item: Pick<StorySummary, 'id' | 'kind' | 'headline' | 'dateline' | 'publishedAt'>): string {
  const date = item.publishedAt ? `${item.publishedAt}  ` : '';
  const kind = item.kind === 'brief' ? '[brief] ' : '';
  const place = formatDateline(item.dateline);
  return `${item.id}  ${date}${kind}${oneLine(item.headline)}${place ? ` — ${place}` : ''}`;
}
