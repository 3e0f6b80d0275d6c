import { SaxesParser } from 'saxes';
import type { WireProblem } from './item';

// A small namespace-resolved element tree built from saxes events (saxes is a
// strict, namespace-aware XML parser that never reads a DTD). A document with a
// DOCTYPE is refused outright as soon as the parser reports it: no external
// entity is ever resolved and no entity is ever expanded beyond the five XML
// built-ins and character references (anything else is a parse error).

export interface XmlElement {
  /** Local name, as written (XML is case-sensitive). */
  local: string;
  /** Namespace URI the element's prefix resolves to in this document ('' when none). */
  ns: string;
  /** Attributes without a namespace by local name; namespaced ones as `{uri}local`. */
  attrs: Map<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export type XmlParse =
  | { ok: true; root: XmlElement; declaredEncoding: string | null }
  /** `rootName` is the root element's local name when the parser got that far; `doctypeName` the name a refused DOCTYPE gives. */
  | { ok: false; problem: WireProblem; rootName: string | null; doctypeName: string | null }
  | { ok: false; redecode: string };

/** Deeper than any real news item; a bound keeps every walk over the tree small and recursion safe. */
export const MAX_XML_DEPTH = 200;

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

class DoctypeRefused extends Error {}
class Redecode extends Error {
  constructor(readonly label: string) {
    super(label);
  }
}

/**
 * Parses `text` into a tree. When `checkEncoding` is given it is called with the
 * declared encoding (XML declaration) as soon as it is read; returning a label
 * stops the parse with `{ redecode: label }` so the caller can decode the bytes
 * again in the encoding the document declares.
 */
export function parseXml(text: string, checkEncoding?: (declared: string) => string | null): XmlParse {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let declaredEncoding: string | null = null;

  parser.on('xmldecl', (decl) => {
    declaredEncoding = decl.encoding ?? null;
    if (declaredEncoding && checkEncoding) {
      const label = checkEncoding(declaredEncoding);
      if (label) throw new Redecode(label);
    }
  });
  let doctypeName: string | null = null;
  parser.on('doctype', (doctype) => {
    doctypeName = doctype.trim().split(/[\s[]/)[0] ?? '';
    throw new DoctypeRefused();
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_XML_DEPTH) throw new Error(`elements nested deeper than ${MAX_XML_DEPTH}`);
    const attrs = new Map<string, string>();
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs.set(attr.uri ? `{${attr.uri}}${attr.local}` : attr.local, attr.value);
    }
    const element: XmlElement = { local: tag.local, ns: tag.uri, attrs, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (value: string) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(value);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof Redecode) return { ok: false, redecode: error.label };
    const rootName = (root as XmlElement | null)?.local ?? null;
    if (error instanceof DoctypeRefused) return { ok: false, problem: { code: 'wire.doctypeRefused' }, rootName, doctypeName };
    return { ok: false, problem: { code: 'wire.invalidXml', detail: shortDetail(error) }, rootName, doctypeName };
  }
  if (!root) return { ok: false, problem: { code: 'wire.invalidXml', detail: 'no root element' }, rootName: null, doctypeName };
  return { ok: true, root, declaredEncoding };
}

function shortDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

// ---- reading the tree ------------------------------------------------------

export function elements(parent: XmlElement): XmlElement[] {
  return parent.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** Child elements of `parent` named `local` in namespace `ns`. */
export function childrenNamed(parent: XmlElement, ns: string, local: string): XmlElement[] {
  return elements(parent).filter((child) => child.local === local && child.ns === ns);
}

export function childNamed(parent: XmlElement | null | undefined, ns: string, local: string): XmlElement | null {
  if (!parent) return null;
  for (const child of parent.children) {
    if (typeof child !== 'string' && child.local === local && child.ns === ns) return child;
  }
  return null;
}

/** All text below `element`, in document order. */
export function textOf(element: XmlElement): string {
  const parts: string[] = [];
  const visit = (node: XmlElement) => {
    for (const child of node.children) {
      if (typeof child === 'string') parts.push(child);
      else visit(child);
    }
  };
  visit(element);
  return parts.join('');
}

/** An unqualified attribute's value, or null. */
export function attr(element: XmlElement | null | undefined, local: string): string | null {
  return element?.attrs.get(local) ?? null;
}

/** Walks the subtree below `element` as open/text/close events (what the block builder reads). */
export function walk(element: XmlElement, events: { open(name: string): void; text(text: string): void; close(name: string): void }): void {
  for (const child of element.children) {
    if (typeof child === 'string') {
      events.text(child);
    } else {
      events.open(child.local);
      walk(child, events);
      events.close(child.local);
    }
  }
}
