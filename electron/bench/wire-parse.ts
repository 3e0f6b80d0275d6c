import { parseWire } from '../core/import/wire';
import type { WireFormat } from '../core/import/wire';
import { syntheticDoc } from '../core/search/test/synthetic-corpus';

// Benchmark helper (not a test): how fast parseWire reads agency files, per
// format, over synthetic wire-length stories (the search corpus's Dutch text in
// ninjs 1/2/3 and NewsML-G2 with NITF). Files are built in memory first; the
// clock runs over parsing only. The first file of a format is reported apart
// (firstMs): the first run of its validator (precompiled, see validators/build.mjs) and parser.
//
//   npm run -s bench -- --wire-parse 5000 [--json]

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function wireFile(format: WireFormat, index: number): string {
  const doc = syntheticDoc(index);
  const paragraphs = doc.body.split('\n');
  const uri = `urn:newsml:anp.nl:bench:${index}`;
  const html = paragraphs.map((paragraph) => `<p>${escapeXml(paragraph)}</p>`).join('');
  const created = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString().replace('.000Z', 'Z');
  const rights = { holder: 'ANP', notice: '© 2026 ANP', terms: 'Alleen redactioneel gebruik.' };
  switch (format) {
    case 'ninjs-1':
      return JSON.stringify({ uri, type: 'text', version: '1', versioncreated: created, pubstatus: 'usable', copyrightholder: rights.holder, copyrightnotice: rights.notice, usageterms: rights.terms, language: 'nl', headline: doc.headline, located: doc.place, subject: [{ name: 'politiek', scheme: 'http://cv.iptc.org/newscodes/mediatopic/', code: '11000000' }], body_html: html });
    case 'ninjs-2':
      return JSON.stringify({ uri, type: 'text', version: '1', versioncreated: created, pubstatus: 'usable', copyrightholder: rights.holder, copyrightnotice: rights.notice, usageterms: rights.terms, language: 'nl', headlines: [{ role: 'main', value: doc.headline }], located: doc.place, subjects: [{ name: 'politiek', uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000' }], bodies: [{ role: 'html', contenttype: 'text/html', value: html }] });
    case 'ninjs-3':
      return JSON.stringify({ uri, type: 'text', version: '1', versionCreated: created, pubStatus: 'usable', copyrightHolder: rights.holder, copyrightNotice: rights.notice, usageTerms: rights.terms, language: 'nl', headlines: [{ role: 'main', value: doc.headline }], located: doc.place, subjects: [{ name: 'politiek', literal: 'medtop:11000000' }], bodies: [{ role: 'html', contentType: 'text/html', value: html }] });
    case 'newsml-g2':
      return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${uri}" version="1" standard="NewsML-G2" standardversion="2.33">
<rightsInfo><copyrightHolder literal="ANP"><name>${rights.holder}</name></copyrightHolder><copyrightNotice>${escapeXml(rights.notice)}</copyrightNotice><usageTerms>${escapeXml(rights.terms)}</usageTerms></rightsInfo>
<itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:ANP"/><versionCreated>${created}</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
<contentMeta><located><name>${escapeXml(doc.place)}</name></located><language tag="nl"/><subject qcode="medtop:11000000"><name>politiek</name></subject><headline>${escapeXml(doc.headline)}</headline></contentMeta>
<contentSet><inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>${html}</body.content></body></nitf></inlineXML></contentSet>
</newsItem>`;
  }
}

export interface WireParseFigures {
  files: number;
  filesPerSec: number;
  usPerFile: number;
  /** The first file alone (the first run of its precompiled validator and of the parser). */
  firstMs: number;
  kbPerFile: number;
}

export function benchWireParse(count: number): Record<WireFormat, WireParseFigures> {
  const formats: WireFormat[] = ['ninjs-1', 'ninjs-2', 'ninjs-3', 'newsml-g2'];
  const figures = {} as Record<WireFormat, WireParseFigures>;
  const encoder = new TextEncoder();
  for (const format of formats) {
    const files = Array.from({ length: count + 1 }, (_, index) => encoder.encode(wireFile(format, index)));
    const firstStart = performance.now();
    const first = parseWire(files[0]!, 'first');
    const firstMs = performance.now() - firstStart;
    if (!first?.ok || first.result.items.length !== 1) throw new Error(`${format}: the synthetic file did not parse (${JSON.stringify(first)})`);
    const start = performance.now();
    let items = 0;
    for (let i = 1; i <= count; i++) {
      const parsed = parseWire(files[i]!, 'bench');
      if (parsed?.ok) items += parsed.result.items.length;
    }
    const ms = performance.now() - start;
    if (items !== count) throw new Error(`${format}: ${count - items} of ${count} synthetic files did not parse`);
    const bytes = files.slice(1).reduce((sum, file) => sum + file.byteLength, 0);
    figures[format] = { files: count, filesPerSec: Math.round(count / (ms / 1000)), usPerFile: Math.round((ms * 1000) / count), firstMs: Math.round(firstMs), kbPerFile: Math.round(bytes / count / 102.4) / 10 };
  }
  return figures;
}
