import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseWire } from './index';
import { fixture, ok, parseText, problem } from './test/read';

// What the format detection leaves alone, and what it refuses: malformed and
// truncated files, DTD attacks, schema violations; and the encodings files arrive in.

const V1_JSON = new TextDecoder().decode(fixture('dutch/ninjs3/woningbouw-v1.json'));
const V1_XML = new TextDecoder().decode(fixture('dutch/g2/woningbouw-v1.xml'));
const G2 = 'http://iptc.org/std/nar/2006-10-01/';

describe('detection: page text stays page text', () => {
  it.each([
    ['ANP page text', 'Kabinet presenteert plan voor woningbouw\n\nDEN HAAG (ANP) - Het kabinet wil bouwen.'],
    ['copied navigation', '<< Terug naar het overzicht\nKabinet presenteert plan'],
    ['a bracketed label', '[Advertentie] Kabinet presenteert plan'],
    ['whitespace only', '   \n  '],
  ])('%s → null', (_, text) => {
    expect(parseText(text)).toBeNull();
  });

  it('empty and binary files are left to the page-text importer, which reports them', () => {
    expect(parseWire(new Uint8Array(), 'empty.json')).toBeNull();
    expect(parseWire(new Uint8Array([0, 1, 2, 3, 0, 0, 7, 8, 0, 0xff]), 'x.xml')).toBeNull();
  });

  it('the file name never decides: a ninjs file named .txt is ninjs, page text named .json is page text', () => {
    expect(ok(parseText(V1_JSON, 'bericht.txt')).items[0]!.format).toBe('ninjs-3');
    expect(parseText('Kabinet presenteert plan', 'bericht.json')).toBeNull();
    expect(ok(parseText(V1_XML, 'bericht.json')).items[0]!.format).toBe('newsml-g2');
  });
});

describe('ninjs version from the document', () => {
  const base = { uri: 'urn:test:1', type: 'text' };
  it.each([
    [{ ...base, headline: 'Kop', body_text: 'Tekst.' }, 'ninjs-1'],
    [{ ...base, versioncreated: '2026-12-03T09:00:00Z', headline: 'Kop' }, 'ninjs-1'],
    [{ ...base, headlines: [{ value: 'Kop' }], bodies: [{ value: 'Tekst.' }] }, 'ninjs-2'],
    [{ ...base, versioncreated: '2026-12-03T09:00:00Z', headlines: [{ value: 'Kop' }] }, 'ninjs-2'],
    [{ ...base, versionCreated: '2026-12-03T09:00:00Z', headlines: [{ value: 'Kop' }] }, 'ninjs-3'],
    [{ ...base, $standard: { name: 'ninjs', version: '1.6' }, headline: 'Kop' }, 'ninjs-1'],
    [{ ...base, standard: { name: 'ninjs', version: '2.1' }, headlines: [{ value: 'Kop' }] }, 'ninjs-2'],
  ])('%j → %s', (doc, format) => {
    expect(ok(parseText(JSON.stringify(doc))).items[0]!.format).toBe(format);
  });

  it('an unknown declared version is refused with the version', () => {
    expect(problem(parseText(JSON.stringify({ ...base, standard: { name: 'ninjs', version: '9.0' }, headlines: [{ value: 'Kop' }] })))).toEqual({ code: 'wire.unknownNinjsVersion', value: '9.0' });
  });

  it('JSON that is not ninjs is said to be so', () => {
    for (const json of ['{"stories": [], "tags": []}', '[]', '[{"a": 1}, {"b": 2}]']) expect(problem(parseText(json))).toEqual({ code: 'wire.unknownFormat', kind: 'json', root: '' });
  });
});

describe('schema validation', () => {
  it('a wrong type names the JSON path', () => {
    const doc = JSON.parse(V1_JSON) as Record<string, unknown>;
    doc.headlines = [{ role: 'main', value: 42 }];
    expect(problem(parseText(JSON.stringify(doc)))).toEqual({ code: 'wire.schema', format: 'ninjs-3', path: '/headlines/0/value', detail: 'must be string' });
  });

  it('an unknown pubStatus and a property the version does not have are refused', () => {
    const doc = JSON.parse(V1_JSON) as Record<string, unknown>;
    expect(problem(parseText(JSON.stringify({ ...doc, pubStatus: 'draft' })))).toMatchObject({ code: 'wire.schema', path: '/pubStatus', detail: expect.stringContaining('usable') });
    expect(problem(parseText(JSON.stringify({ ...doc, kroniekSpecial: true })))).toMatchObject({ code: 'wire.schema', path: '/', detail: expect.stringContaining('kroniekSpecial') });
  });

  it('a document without uri is invalid', () => {
    expect(problem(parseText(JSON.stringify({ headlines: [{ value: 'Kop' }], guid: 'x', bodies: [{ value: 'Tekst' }] })))).toMatchObject({ code: 'wire.schema' });
  });
});

describe('malformed and truncated files', () => {
  it('malformed JSON', () => {
    expect(problem(parseText('{"uri": "urn:x", "headlines": [,]}'))).toMatchObject({ code: 'wire.invalidJson', detail: expect.any(String) });
  });

  it('JSON cut off halfway', () => {
    expect(problem(parseText(V1_JSON.slice(0, V1_JSON.length / 2)))).toMatchObject({ code: 'wire.invalidJson' });
  });

  it('XML cut off halfway', () => {
    expect(problem(parseText(V1_XML.slice(0, V1_XML.length / 2)))).toMatchObject({ code: 'wire.invalidXml' });
  });

  it.each([
    ['mismatched tags', `<newsItem xmlns="${G2}" guid="x"><itemMeta></contentMeta></newsItem>`],
    ['an undeclared prefix', `<nar:newsItem guid="x"/>`],
    ['an unknown entity', `<newsItem xmlns="${G2}" guid="x"><contentMeta><headline>&nbsp;Kop</headline></contentMeta></newsItem>`],
    ['two roots', `<newsItem xmlns="${G2}" guid="x"/><newsItem xmlns="${G2}" guid="y"/>`],
  ])('XML with %s', (_, xml) => {
    expect(problem(parseText(xml))).toMatchObject({ code: 'wire.invalidXml' });
  });

  it('XML nested absurdly deep is refused, not walked', () => {
    const deep = `<newsItem xmlns="${G2}" guid="x">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</newsItem>`;
    expect(problem(parseText(deep))).toMatchObject({ code: 'wire.invalidXml', detail: expect.stringContaining('nested') });
  });

  it('XML that is not NewsML-G2 (RSS, or the G2 name in no namespace)', () => {
    expect(problem(parseText('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'))).toEqual({ code: 'wire.unknownFormat', kind: 'xml', root: 'rss' });
    expect(problem(parseText('<newsItem guid="x"><contentMeta><headline>Kop</headline></contentMeta></newsItem>'))).toEqual({ code: 'wire.unknownFormat', kind: 'xml', root: 'newsItem' });
  });
});

describe('DTDs are refused outright', () => {
  it('XXE: an external entity is never read', () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE newsItem [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<newsItem xmlns="${G2}" guid="x"><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>`;
    expect(problem(parseText(xxe))).toEqual({ code: 'wire.doctypeRefused' });
  });

  it('billion laughs: refused before any entity is expanded', () => {
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [ <!ENTITY lol0 "lol"> ${entities} ]>
<newsItem xmlns="${G2}" guid="x"><contentMeta><headline>&lol10;</headline></contentMeta></newsItem>`;
    expect(problem(parseText(bomb))).toEqual({ code: 'wire.doctypeRefused' });
  });

  it('even a harmless public DOCTYPE', () => {
    expect(problem(parseText(`<!DOCTYPE newsItem PUBLIC "-//x//y" "http://example.com/x.dtd"><newsItem xmlns="${G2}" guid="x"/>`))).toEqual({ code: 'wire.doctypeRefused' });
  });
});

describe('encodings', () => {
  it('ninjs saved as Windows-1252', () => {
    const bytes = iconv.encode(V1_JSON, 'windows-1252');
    const item = ok(parseWire(new Uint8Array(bytes), 'x.json')).items[0]!;
    expect(item.rights.copyrightNotice).toBe('© 2026 ANP. Alle rechten voorbehouden.');
  });

  it('ninjs with a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(V1_JSON)]);
    expect(ok(parseWire(bytes, 'x.json')).items[0]!.headline).toBe('Kabinet presenteert plan voor woningbouw');
  });

  it.each(['utf-16le', 'utf-16be'] as const)('NewsML-G2 in %s with a BOM and a matching declaration', (encoding) => {
    const xml = V1_XML.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const bytes = iconv.encode(xml, encoding, { addBOM: true });
    const item = ok(parseWire(new Uint8Array(bytes), 'x.xml')).items[0]!;
    expect(item.headline).toBe('Kabinet presenteert plan voor woningbouw');
    expect(item.rights.copyrightNotice).toBe('© 2026 ANP. Alle rechten voorbehouden.');
  });

  it('NewsML-G2 declared ISO-8859-15 is read in that encoding (€ is 0xA4 there)', () => {
    const xml = V1_XML.replace('encoding="UTF-8"', 'encoding="ISO-8859-15"').replace('Embargo tot vrijdag 07.00 uur.', 'Kosten: 5 miljard €.');
    const item = ok(parseWire(new Uint8Array(iconv.encode(xml, 'iso-8859-15')), 'x.xml')).items[0]!;
    expect(item.edNote).toBe('Kosten: 5 miljard €.');
    expect(item.rights.copyrightNotice).toBe('© 2026 ANP. Alle rechten voorbehouden.');
  });

  it('NewsML-G2 declared windows-1252 is read as such', () => {
    const xml = V1_XML.replace('encoding="UTF-8"', 'encoding="windows-1252"').replace('Embargo tot vrijdag 07.00 uur.', '“Enquête” – café');
    expect(ok(parseWire(new Uint8Array(iconv.encode(xml, 'windows-1252')), 'x.xml')).items[0]!.edNote).toBe('“Enquête” – café');
  });

  it('UTF-8 bytes whose declaration still says ISO-8859-1 (a converted file) stay UTF-8', () => {
    const xml = V1_XML.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    expect(ok(parseWire(new TextEncoder().encode(xml), 'x.xml')).items[0]!.rights.copyrightNotice).toBe('© 2026 ANP. Alle rechten voorbehouden.');
  });

  it('an encoding nobody can read is named', () => {
    const xml = V1_XML.replace('encoding="UTF-8"', 'encoding="x-kroniek-unknown"').replace('Embargo', 'Émbargo');
    expect(problem(parseWire(new Uint8Array(iconv.encode(xml, 'latin1')), 'x.xml'))).toEqual({ code: 'wire.encoding', detail: 'x-kroniek-unknown' });
  });
});

describe('nesting', () => {
  it('ninjs associations nested absurdly deep are refused, not validated into a stack overflow', () => {
    let doc: Record<string, unknown> = { uri: 'urn:x:0', type: 'text', headlines: [{ value: 'Kop' }] };
    for (let i = 1; i < 60; i++) doc = { uri: `urn:x:${i}`, type: 'composite', headlines: [{ value: 'Kop' }], associations: [{ name: 'a', ...doc }] };
    expect(problem(parseText(JSON.stringify(doc)))).toEqual({ code: 'wire.invalidJson', detail: 'nested deeper than 40 levels' });
  });

  it('a few levels of packages inside packages are fine', () => {
    let doc: Record<string, unknown> = { uri: 'urn:x:0', type: 'text', headlines: [{ value: 'Kop' }], bodies: [{ value: 'Tekst.' }] };
    for (let i = 1; i < 5; i++) doc = { uri: `urn:x:${i}`, type: 'composite', headlines: [{ value: 'Pakket' }], associations: [{ name: 'a', ...doc }] };
    expect(ok(parseText(JSON.stringify(doc))).package).toEqual({ guid: 'urn:x:4', headline: 'Pakket', members: ['urn:x:3'] });
  });
});

describe('NewsML-G2 item classes and short items', () => {
  const item = (meta: string, content: string) =>
    `<newsItem xmlns="${G2}" guid="urn:x:1" version="1"><itemMeta>${meta}<versionCreated>2026-12-03T09:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta><contentMeta>${content}</contentMeta></newsItem>`;

  it('a picture item is not a text item, named as ninjs names it', () => {
    expect(problem(parseText(item('<itemClass qcode="ninat:picture"/>', '<headline>Foto</headline>')))).toEqual({ code: 'wire.notTextItem', itemClass: 'picture' });
  });

  it('a text item without content keeps its description as its text', () => {
    const parsed = ok(parseText(item('<itemClass qcode="ninat:text"/>', '<headline>Kort</headline><description role="drol:summary">DEN HAAG (ANP) - Het kabinet komt vrijdag met een woningbouwplan.</description>'))).items[0]!;
    expect(parsed.body).toEqual([{ type: 'paragraph', text: 'DEN HAAG (ANP) - Het kabinet komt vrijdag met een woningbouwplan.' }]);
    expect(parsed.datelinePlace).toBe('DEN HAAG');
  });
});

describe('HTML pages are not wire files', () => {
  it.each([
    ['an HTML5 page', '<!DOCTYPE html>\n<html><head><title>Nieuws</title></head><body><p>Kabinet presenteert plan<br></body></html>'],
    ['an XHTML page', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Kabinet</p></body></html>'],
    ['an old HTML page without doctype', '<HTML><BODY><P>Kabinet presenteert plan<P>Tweede</BODY></HTML>'],
  ])('%s is left to the page-text importer (null), as before', (_, html) => {
    expect(parseText(html)).toBeNull();
  });

  it('but a DOCTYPE naming anything else is still refused', () => {
    expect(problem(parseText('<!DOCTYPE newsMessage><newsMessage/>'))).toEqual({ code: 'wire.doctypeRefused' });
  });
});

describe('ninjs packages', () => {
  it('an embedded item without language or rights has its package\'s', () => {
    const doc = {
      uri: 'urn:x:pakket',
      type: 'composite',
      language: 'NL',
      copyrightHolder: 'ANP',
      usageTerms: 'Alleen redactioneel.',
      headlines: [{ value: 'Pakket' }],
      associations: [{ name: 'a', uri: 'urn:x:a', type: 'text', headlines: [{ value: 'Kop' }], bodies: [{ value: 'Tekst.' }], copyrightNotice: '© ANP' }],
    };
    const [item] = ok(parseText(JSON.stringify(doc))).items;
    expect(item).toMatchObject({ guid: 'urn:x:a', language: 'nl', rights: { copyrightHolder: 'ANP', copyrightNotice: '© ANP', usageTerms: 'Alleen redactioneel.' } });
  });
});

describe('NewsML-G2 headlines', () => {
  it('the main headline leads whatever the order; the other one is the subheadline', () => {
    const xml = `<newsItem xmlns="${G2}" guid="urn:x:1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta><headline role="hlrole:short">Woningbouw</headline><headline role="hlrole:main">Kabinet presenteert plan voor woningbouw</headline></contentMeta></newsItem>`;
    expect(ok(parseText(xml)).items[0]).toMatchObject({ headline: 'Kabinet presenteert plan voor woningbouw', subheadline: 'Woningbouw' });
  });
});
