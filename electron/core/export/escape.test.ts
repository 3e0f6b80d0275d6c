import { describe, expect, it } from 'vitest';
import { cssString, escapeHtml, escapeMarkdown } from './escape';

/** What a CommonMark reader makes of backslash escapes: `\` before ASCII punctuation is dropped. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** True when `text` has a Markdown-active character that is not backslash-escaped. */
function hasActiveSyntax(text: string): boolean {
  return /(^|[^\\])(\\\\)*[`*_[\]<>|~]/.test(text) || /(^|[^\\])&#?[0-9A-Za-z]+;/.test(text);
}

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters and nothing else', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & Oekraïne`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; Oekraïne');
    expect(escapeHtml('ceremoniële')).toBe('ceremoniële');
  });
});

describe('escapeMarkdown', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[klik](http://127.0.0.1:9/) ![img](http://127.0.0.1:9/i.png)',
    '`code` *nadruk* _ook_ ~~weg~~ | a | b |',
    '&amp; &#60; &copy;',
    '<http://127.0.0.1:9/>',
  ];

  it('keeps hostile inline syntax literal', () => {
    for (const text of hostile) {
      const escaped = escapeMarkdown(text);
      expect(hasActiveSyntax(escaped), escaped).toBe(false);
      expect(unescapeMarkdown(escaped)).toBe(text);
    }
  });

  it('keeps block syntax from starting a line', () => {
    const cases: [string, RegExp][] = [
      ['# kop', /^\\#/],
      ['###### kop', /^\\#/],
      ['> citaat', /^\\>/],
      ['- lijst', /^\\-/],
      ['+ lijst', /^\\\+/],
      ['* lijst', /^\\\*/],
      ['1. item', /^1\\\./],
      ['12) item', /^12\\\)/],
      ['---', /^\\-/],
      ['===', /^\\=/],
    ];
    for (const [text, pattern] of cases) {
      const escaped = escapeMarkdown(text);
      expect(escaped).toMatch(pattern);
      expect(unescapeMarkdown(escaped)).toBe(text);
    }
  });

  it('leaves ordinary Dutch text alone and makes one line of it', () => {
    expect(escapeMarkdown('Kim Jong-un (Noord-Korea) zei: "Oekraïne!" #hashtag 3.5 procent')).toBe('Kim Jong-un (Noord-Korea) zei: "Oekraïne!" #hashtag 3.5 procent');
    expect(escapeMarkdown('  een\n\n# twee  ')).toBe('een # twee');
    expect(escapeMarkdown('Om 10:30 stond het op 3,5. Daarna niet.')).toBe('Om 10:30 stond het op 3,5. Daarna niet.');
  });

  it('splits bare addresses with backslash escapes, so no renderer links them', () => {
    expect(escapeMarkdown('https://nos.nl www.nos.nl a@nos.nl')).toBe('https\\://nos\\.nl www\\.nos\\.nl a\\@nos\\.nl');
  });
});

describe('cssString', () => {
  it('cannot end the string, the rule or the style element', () => {
    const value = cssString('Kim "en" Poetin \\ </style><script>x</script> \n;}');
    expect(value).toMatch(/^"[0-9A-Za-z\\]*"$/);
    expect(value).not.toContain('<');
  });

  it('spells every character as a six-digit escape, so a following letter or space is not swallowed', () => {
    expect(cssString('é d')).toBe('"\\0000e9\\000020d"');
  });
});
