import { Parser } from 'htmlparser2';
import type { BodyBlock, BodyBlockType } from '../../../../shared/types';

// Agency bodies arrive as HTML (ninjs `body_html`, `bodies` with a text/html
// content type), as XHTML or NITF inside NewsML-G2, or as plain text. Kroniek
// keeps none of that markup: every body becomes its own paragraph/heading
// model of plain text. Tags are read by a parser (htmlparser2 for HTML
// strings, saxes for the XML in G2 files) and fed, as open/text/close events,
// to one BlockBuilder, so both formats follow the same rules. Text inside
// scripts, styles and other non-content elements is dropped; entities arrive
// decoded from the parser; no tag ever reaches a block.

/** Elements whose whole content is dropped (never text of the story). */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'applet', 'svg', 'math', 'head', 'title',
  'select', 'textarea', 'button', 'canvas', 'audio', 'video', 'map', 'frameset', 'frame',
  // NITF: the head repeats the headline and byline the item's metadata already has; media references carry no text.
  'body.head', 'media-reference', 'media-object', 'media-metadata',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hl1', 'hl2']);

/** Elements that end the paragraph before them and start a new one. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'blockquote', 'li', 'ul', 'ol', 'dl',
  'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'pre', 'figure', 'figcaption', 'address', 'hr',
  'br', 'body', 'html', 'center', 'form', 'fieldset', 'legend', 'details', 'summary',
  // NITF
  'block', 'body.content', 'body.end', 'tagline', 'bq', 'credit', 'note', 'media', 'media-caption',
]);

/** Cells: their text is kept apart by a space. */
const CELLS = new Set(['td', 'th']);

// eslint-disable-next-line no-control-regex -- control characters never belong in a block
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u2060\uFEFF\u00AD]/g;

/** Collapses runs of whitespace to one space and trims, dropping invisible and control characters. */
export function cleanText(text: string): string {
  // Most texts are clean already: told in one pass, then returned as they are (the three
  // replacements made new strings of every paragraph of every imported item: ~9% of an import).
  return isClean(text) ? text : text.replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/** No character CONTROLS drops, no whitespace but single spaces between other characters: cleanText would return `text` unchanged. */
function isClean(text: string): boolean {
  const last = text.length - 1;
  for (let at = 0; at <= last; at++) {
    const c = text.charCodeAt(at);
    if (c > 0x20 && c < 0x7f) continue;
    if (c === 0x20) {
      if (at === 0 || at === last || text.charCodeAt(at - 1) === 0x20) return false;
      continue;
    }
    // Below: C0 controls, tab and line breaks; DEL and C1 controls; no-break and soft hyphen.
    if (c < 0x20 || c <= 0xa0 || c === 0xad) return false;
    // Other whitespace (\s) and the invisible characters CONTROLS drops.
    if (c >= 0x1680 && (c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff)) return false;
  }
  return true;
}

/** Collects paragraphs and headings from open/text/close events of any markup parser. */
export class BlockBuilder {
  private readonly blocks: BodyBlock[] = [];
  private buffer = '';
  private type: BodyBlockType = 'paragraph';
  private dropDepth = 0;
  private headingDepth = 0;

  open(tagName: string): void {
    const name = tagName.toLowerCase();
    if (DROPPED.has(name)) {
      this.dropDepth++;
      return;
    }
    if (this.dropDepth > 0) return;
    if (HEADINGS.has(name)) {
      this.flush();
      this.headingDepth++;
      this.type = 'heading';
    } else if (BLOCKS.has(name)) {
      this.flush();
    }
  }

  close(tagName: string): void {
    const name = tagName.toLowerCase();
    if (DROPPED.has(name)) {
      this.dropDepth = Math.max(0, this.dropDepth - 1);
      return;
    }
    if (this.dropDepth > 0) return;
    if (HEADINGS.has(name)) {
      this.flush();
      this.headingDepth = Math.max(0, this.headingDepth - 1);
      if (this.headingDepth === 0) this.type = 'paragraph';
    } else if (BLOCKS.has(name)) {
      this.flush();
    } else if (CELLS.has(name)) {
      this.buffer += ' ';
    }
  }

  text(text: string): void {
    if (this.dropDepth === 0) this.buffer += text;
  }

  finish(): BodyBlock[] {
    this.flush();
    return this.blocks;
  }

  private flush(): void {
    const text = cleanText(this.buffer);
    this.buffer = '';
    if (text !== '') this.blocks.push({ type: this.type, text });
  }
}

/** An HTML fragment or document as paragraphs and headings of plain text. Never throws. */
export function htmlToBlocks(html: string): BodyBlock[] {
  const builder = new BlockBuilder();
  const parser = new Parser(
    {
      onopentag: (name) => builder.open(name),
      onclosetag: (name) => builder.close(name),
      ontext: (text) => builder.text(text),
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeCDATA: false, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return builder.finish();
}

/**
 * Plain text as paragraphs: blank lines separate paragraphs when the text has
 * any (single line breaks inside are wrapping); otherwise every line is one.
 */
export function plainTextToBlocks(text: string): BodyBlock[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const parts = /\n[ \t]*\n/.test(normalised) ? normalised.split(/\n[ \t]*\n+/) : normalised.split('\n');
  const blocks: BodyBlock[] = [];
  for (const part of parts) {
    const cleaned = cleanText(part);
    if (cleaned !== '') blocks.push({ type: 'paragraph', text: cleaned });
  }
  return blocks;
}
