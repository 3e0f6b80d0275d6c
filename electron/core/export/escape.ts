// Imported text is untrusted. Every renderer turns it into its output format
// through exactly one function here, so there is one place to get it right.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text → HTML text or attribute value (quoted with "" or ''). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * Text → Markdown that renders as exactly that text (CommonMark + GFM): inline
 * syntax is backslash-escaped, `<` cannot open raw HTML or an autolink, `&`
 * cannot start an entity, bare web and e-mail addresses cannot become links
 * (see `escapeAutolinks`), and a line cannot start a heading, quote, list,
 * code block, table or rule. Line breaks become spaces (a block is one paragraph).
 */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\t ]+/g, ' ').trim();
  const inline = oneLine
    // ASCII punctuation that can start or end inline syntax anywhere in a line.
    .replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`)
    // Entity and numeric references (`&amp;`, `&#60;`) would be decoded.
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&');
  // `!` only matters before `[`, already escaped; `(`/`)` only after `]`;
  // `{`/`}` are inert. Nothing else needs care mid-line.
  return escapeLineStart(escapeAutolinks(inline));
}

/**
 * Bare addresses stay text: GFM's extended autolinks (`https://…`, `www.…`,
 * `name@example.nl`, `mailto:`) and linkifiers that also take bare domains
 * (markdown-it's linkify: `kroniek.nl`) all need an unbroken run of `:`, `.` or `@`
 * between letters. A backslash escape splits that run (a CommonMark reader still
 * shows the character itself), so no renderer finds an address in it: `@` always,
 * `:` between a letter and a non-space (a scheme), `.` before a letter (a domain
 * label). Numbers (`3.5`, `10:30`) and sentence punctuation are left alone.
 */
function escapeAutolinks(text: string): string {
  return text
    .replace(/@/g, '\\@')
    .replace(/(?<=[\p{L}\p{N}])\.(?=\p{L})|(?<=\p{L}):(?=[^\s\\])/gu, (char) => `\\${char}`);
}

/** Constructs recognised only at the start of a line (block syntax). */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(#{1,6})(?=\s|$)/, (hashes) => `\\${hashes}`)
    .replace(/^([+-])(?=\s|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    // A rule (`---`, `===` would underline the previous line as a heading).
    .replace(/^([=-])(?=[=-])/, '\\$1');
}

/**
 * Text → a quoted CSS string (for `content:` in the running header). Every
 * character but ASCII letters and digits becomes a six-digit hex escape, so
 * nothing can end the string, the rule or the style element.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ')) {
    out += /[0-9A-Za-z]/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16).padStart(6, '0')}`;
  }
  return `${out}"`;
}
