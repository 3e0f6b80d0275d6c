import { describe, expect, it } from 'vitest';
import { htmlToBlocks, plainTextToBlocks } from './sanitize';

// HTML bodies become Kroniek's paragraphs and headings of plain text: markup never survives.

describe('htmlToBlocks', () => {
  it('paragraphs and headings, inline markup flattened, entities decoded', () => {
    expect(htmlToBlocks('<h2>Sneller&nbsp;bouwen</h2><p>Het <b>kabinet</b> &amp; de <a href="x">gemeenten</a> &ldquo;werken&rdquo; samen &#8211; zegt <i>Hendriks</i>.</p>')).toEqual([
      { type: 'heading', text: 'Sneller bouwen' },
      { type: 'paragraph', text: 'Het kabinet & de gemeenten “werken” samen – zegt Hendriks.' },
    ]);
  });

  it('scripts, styles and event handlers are dropped with their content', () => {
    const html = '<style>p{color:red}</style><p onclick="steal()">Eerste alinea.<script>alert("x")</script></p><noscript>Zet JavaScript aan</noscript><p>Tweede <img src=x onerror="alert(1)">alinea.</p><iframe src="https://example.com">frame</iframe>';
    expect(htmlToBlocks(html)).toEqual([
      { type: 'paragraph', text: 'Eerste alinea.' },
      { type: 'paragraph', text: 'Tweede alinea.' },
    ]);
  });

  it('escaped markup in the text stays text (the renderer escapes it), real tags never do', () => {
    const blocks = htmlToBlocks('<p>Schrijf &lt;script&gt; nooit zo.</p>');
    expect(blocks).toEqual([{ type: 'paragraph', text: 'Schrijf <script> nooit zo.' }]);
  });

  it('a whole document: head and title are not body text; div, br and list items split blocks', () => {
    const html = '<!DOCTYPE html><html><head><title>Titel</title><meta charset="utf-8"></head><body><div>Een<br>Twee</div><ul><li>Drie</li><li>Vier</li></ul><table><tr><td>a</td><td>b</td></tr></table></body></html>';
    expect(htmlToBlocks(html).map((block) => block.text)).toEqual(['Een', 'Twee', 'Drie', 'Vier', 'a b']);
  });

  it('broken HTML: unclosed tags, stray closers, comments, CDATA', () => {
    expect(htmlToBlocks('</p></script><p>Open <b>vet<p>Volgende<!-- opmerking --> alinea<![CDATA[ x ]]>').map((block) => block.text)).toEqual(['Open vet', 'Volgende alinea']);
  });

  it('empty and whitespace-only markup gives no blocks', () => {
    expect(htmlToBlocks('')).toEqual([]);
    expect(htmlToBlocks('<p> \n\t</p><div></div>')).toEqual([]);
  });
});

describe('plainTextToBlocks', () => {
  it('blank lines separate paragraphs; single breaks inside are wrapping', () => {
    expect(plainTextToBlocks('Eerste regel\nloopt door.\n\nTweede alinea.\r\n\r\nDerde.')).toEqual([
      { type: 'paragraph', text: 'Eerste regel loopt door.' },
      { type: 'paragraph', text: 'Tweede alinea.' },
      { type: 'paragraph', text: 'Derde.' },
    ]);
  });

  it('without blank lines every line is a paragraph', () => {
    expect(plainTextToBlocks('Een\nTwee\n\u00a0\nDrie').map((block) => block.text)).toEqual(['Een', 'Twee', 'Drie']);
  });
});
