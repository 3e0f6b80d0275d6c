/** Intro text as paragraphs: blank lines separate them, single line breaks stay inside one. */
export function introParagraphs(intro: string): string[] {
  return intro
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
