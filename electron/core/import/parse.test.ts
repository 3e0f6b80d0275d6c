import { describe, expect, it } from 'vitest';
import { parseWirePage, type ParsedArticle, type ParsedPage } from './parse';

// Hand-written Dutch fixtures for every rule of the seed format and its edge cases.

const page = (...lines: string[]) => lines.join('\n');

function parsed(text: string): ParsedPage {
  const result = parseWirePage(text);
  if (!result.ok) throw new Error(`expected a page, got ${result.code}: ${result.reason}`);
  return result.page;
}

function article(text: string): ParsedArticle {
  const { article: found } = parsed(text);
  if (!found) throw new Error('expected an article');
  return found;
}

const headings = (found: ParsedArticle) => found.body.filter((block) => block.type === 'heading').map((block) => block.text);

describe('parseWirePage: the article', () => {
  it('reads headline, dateline, lead without its dateline, paragraphs, subheading and section', () => {
    const found = article(
      page(
        'Kabinet wil snellere woningbouw',
        "'S-HERTOGENBOSCH (ANP/RTR) - Het kabinet wil dat gemeenten sneller bouwen.",
        'Dat zei de minister dinsdag.',
        'Kritiek uit de Kamer',
        'De oppositie noemt het plan "onhaalbaar".',
        'Meer uit Binnenland',
      ),
    );
    expect(found).toEqual({
      headline: 'Kabinet wil snellere woningbouw',
      dateline: { place: "'S-HERTOGENBOSCH", agencies: ['ANP', 'RTR'] },
      section: 'Binnenland',
      body: [
        { type: 'paragraph', text: 'Het kabinet wil dat gemeenten sneller bouwen.' },
        { type: 'paragraph', text: 'Dat zei de minister dinsdag.' },
        { type: 'heading', text: 'Kritiek uit de Kamer' },
        { type: 'paragraph', text: 'De oppositie noemt het plan "onhaalbaar".' },
      ],
    });
  });

  it.each([
    ['GENÈVE (ANP) - ', 'GENÈVE', ['ANP']],
    ['GAZA-STAD (ANP/AFP) – ', 'GAZA-STAD', ['ANP', 'AFP']],
    ['LA PAZ (ANP, AFP) — ', 'LA PAZ', ['ANP', 'AFP']],
    ['KHAN YOUNIS (ANP AFP) - ', 'KHAN YOUNIS', ['ANP', 'AFP']],
    ['SINT-PETERSBURG (ANP/RTR) - ', 'SINT-PETERSBURG', ['ANP', 'RTR']],
    ['ST. LOUIS (AP) - ', 'ST. LOUIS', ['AP']],
  ])('reads the dateline %s', (prefix, place, agencies) => {
    const found = article(page('Kop', `${prefix}De stad werd getroffen door storm.`));
    expect(found.dateline).toEqual({ place, agencies });
    expect(found.body).toEqual([{ type: 'paragraph', text: 'De stad werd getroffen door storm.' }]);
  });

  it('skips leading blank lines, stray blank lines and trailing whitespace', () => {
    const found = article(page('', '   ', 'Kop met spaties   ', '', 'DEN HAAG (ANP) - Eerste alinea.  ', '', '', 'Tweede alinea.\t', '  ', 'Tussenkop', '', 'Derde alinea.', ''));
    expect(found.headline).toBe('Kop met spaties');
    expect(found.body).toEqual([
      { type: 'paragraph', text: 'Eerste alinea.' },
      { type: 'paragraph', text: 'Tweede alinea.' },
      { type: 'heading', text: 'Tussenkop' },
      { type: 'paragraph', text: 'Derde alinea.' },
    ]);
  });

  it('treats a line with closing punctuation as a paragraph, however short', () => {
    for (const ending of ['.', '!', '?', ':', '"', '”', ')', '…', "'"]) {
      const found = article(page('Kop', 'DEN HAAG (ANP) - Lead.', `Woensdag reist Poetin door${ending}`, 'Een alinea.'));
      expect(headings(found)).toEqual([]);
    }
  });

  it('treats a short unpunctuated line as a subheading only when a paragraph follows', () => {
    expect(headings(article(page('Kop', 'DEN HAAG (ANP) - Lead.', 'Wapens geleverd', 'Een alinea.')))).toEqual(['Wapens geleverd']);
    // At the end of the story there is nothing for it to head.
    expect(article(page('Kop', 'DEN HAAG (ANP) - Lead.', 'Een alinea.', 'ANP-correspondent')).body.at(-1)).toEqual({ type: 'paragraph', text: 'ANP-correspondent' });
    // Two short lines in a row: only the one right above the paragraph heads it.
    expect(article(page('Kop', 'DEN HAAG (ANP) - Lead.', 'Eerste regel', 'Tweede regel', 'Een alinea.')).body.slice(1)).toEqual([
      { type: 'paragraph', text: 'Eerste regel' },
      { type: 'heading', text: 'Tweede regel' },
      { type: 'paragraph', text: 'Een alinea.' },
    ]);
  });

  it('treats a long line without punctuation as a paragraph', () => {
    const long = 'De ministers van Buitenlandse Zaken van de Europese Unie spraken urenlang over sancties tegen Rusland en Noord-Korea';
    expect(headings(article(page('Kop', 'DEN HAAG (ANP) - Lead.', long, 'Een alinea.')))).toEqual([]);
  });

  it('does not take photo credits, reading tips or a line ending in a comma for subheadings', () => {
    for (const line of ['Foto: ANP', 'Beeld © Reuters', 'Lees ook het verslag van gisteren', 'Advertentie', 'Volgens de minister,']) {
      expect(headings(article(page('Kop', 'DEN HAAG (ANP) - Lead.', line, 'Een alinea.')))).toEqual([]);
    }
  });

  it('imports a page without "Meer uit": everything after the headline is body, no briefs', () => {
    const result = parsed(page('Kop', 'DEN HAAG (ANP) - Lead.', 'Slot van het verhaal.'));
    expect(result.briefs).toEqual([]);
    expect(result.article?.section).toBeNull();
    expect(result.article?.body).toHaveLength(2);
    expect(result.warnings).toEqual([]);
  });

  it('keeps brief-like lines in the body of a page without "Meer uit", with a warning', () => {
    const result = parsed(page('Kop', 'DEN HAAG (ANP) - Lead.', 'Slot.', 'PARIJS (ANP) - Een bericht.', '1 uur geledenLONDEN (ANP) - Nog een.'));
    expect(result.briefs).toEqual([]);
    expect(result.article?.body.map((block) => block.text)).toEqual(['Lead.', 'Slot.', 'PARIJS (ANP) - Een bericht.', '1 uur geledenLONDEN (ANP) - Nog een.']);
    expect(result.warnings).toEqual([
      '1 line in the body looks like a brief from the site (an age label followed by a dateline, first on line 5), but the page has no "Meer uit …" line, so it was kept in the body.',
    ]);
  });

  it('imports a story without a dateline with a warning and an empty dateline', () => {
    const result = parsed(page('Kop zonder plaats', 'De minister heeft dinsdag haar plan gepresenteerd.', 'Meer uit Politiek'));
    expect(result.article).toEqual({
      headline: 'Kop zonder plaats',
      dateline: { place: '', agencies: [] },
      section: 'Politiek',
      body: [{ type: 'paragraph', text: 'De minister heeft dinsdag haar plan gepresenteerd.' }],
    });
    expect(result.warnings).toEqual(['The story has no dateline: its first paragraph does not start with "PLACE (AGENCY) - ". It was imported without place and agencies.']);
  });

  it('does not read a parenthesis in an ordinary sentence as a dateline', () => {
    const found = article(page('Kop', 'De minister (VVD) - die eerder aftrad - zei niets.'));
    expect(found.dateline).toEqual({ place: '', agencies: [] });
    expect(found.body[0]!.text).toBe('De minister (VVD) - die eerder aftrad - zei niets.');
  });

  it('reads a dateline standing on its own line, with the lead below it', () => {
    const found = article(page('Kop', 'PYONGYANG (ANP) -', 'De leider sprak.', 'Tweede alinea.'));
    expect(found.dateline.place).toBe('PYONGYANG');
    expect(found.body.map((block) => block.text)).toEqual(['De leider sprak.', 'Tweede alinea.']);
  });

  it('finds the dateline after a date line under the headline and keeps that line, with a warning', () => {
    const result = parsed(page('Kop', '19 juni 2024, 08:12', 'PYONGYANG (ANP) - De leider sprak.', 'Tweede alinea.'));
    expect(result.article?.dateline).toEqual({ place: 'PYONGYANG', agencies: ['ANP'] });
    expect(result.article?.body).toEqual([
      { type: 'paragraph', text: '19 juni 2024, 08:12' },
      { type: 'paragraph', text: 'De leider sprak.' },
      { type: 'paragraph', text: 'Tweede alinea.' },
    ]);
    expect(result.warnings).toEqual(['Kept "19 juni 2024, 08:12" between the headline and the dateline as a paragraph.']);
  });

  it('splits a headline glued to the dateline', () => {
    const result = parsed('Poetin dankt Kim voor steun in oorlog OekraïnePYONGYANG (ANP/RTR) - De president sprak.');
    expect(result.article?.headline).toBe('Poetin dankt Kim voor steun in oorlog Oekraïne');
    expect(result.article?.dateline).toEqual({ place: 'PYONGYANG', agencies: ['ANP', 'RTR'] });
    expect(result.article?.body).toEqual([{ type: 'paragraph', text: 'De president sprak.' }]);
    expect(result.warnings).toEqual(['The headline and the first paragraph were on one line (line 1); they were split at the dateline.']);
  });

  it('joins hard-wrapped lines that continue a sentence, with a warning', () => {
    const result = parsed(page('Kop', 'DEN HAAG (ANP) - De minister heeft dinsdag', 'haar plan gepresenteerd.', 'Nieuwe alinea.'));
    expect(result.article?.body.map((block) => block.text)).toEqual(['De minister heeft dinsdag haar plan gepresenteerd.', 'Nieuwe alinea.']);
    expect(result.warnings).toEqual(['Joined 1 line to the line before because it continues a sentence (the text looks hard-wrapped).']);
  });

  it('records a story with only a headline, with a warning', () => {
    const result = parsed('Alleen een kop');
    expect(result.article).toEqual({ headline: 'Alleen een kop', dateline: { place: '', agencies: [] }, section: null, body: [] });
    expect(result.warnings).toEqual(['The story has only a headline, no body text.']);
  });

  it('skips letterless lines before the headline, with a warning', () => {
    const result = parsed(page('*****', 'Kop', 'DEN HAAG (ANP) - Lead.'));
    expect(result.article?.headline).toBe('Kop');
    expect(result.warnings).toEqual(['Skipped line 1 before the headline because it has no letters: "*****".']);
  });

  it('copes with a file of hundreds of thousands of lines (no stack overflow, no quadratic joining)', () => {
    const lines = Array.from({ length: 300_000 }, (_, i) => (i % 2 ? 'Tussenkop' : 'Een alinea.'));
    expect(article(['Kop', 'DEN HAAG (ANP) - Lead.'].concat(lines).join('\n')).body).toHaveLength(300_001);
    const wrapped = article(`Kop\nDEN HAAG (ANP) - Lead\n${'x\n'.repeat(300_000)}`);
    expect(wrapped.body).toHaveLength(1);
    expect(wrapped.body[0]!.text).toHaveLength('Lead'.length + 2 * 300_000);
  });

  it('keeps display text exactly as given (no folding)', () => {
    const found = article(page('Oekraïne en België: ‘nooit meer’', 'GENÈVE (ANP) - Café “De Zwaan” in Genève.'));
    expect(found.headline).toBe('Oekraïne en België: ‘nooit meer’');
    expect(found.body[0]!.text).toBe('Café “De Zwaan” in Genève.');
  });
});

describe('parseWirePage: briefs after "Meer uit"', () => {
  const withBriefs = (...briefLines: string[]) => parsed(page('Kop', 'DEN HAAG (ANP) - Lead.', 'Meer uit Buitenland', ...briefLines));

  it('gives each age label to the brief before it, glued or on the last line', () => {
    const result = withBriefs(
      'GENÈVE (ANP) - De VN-raad vergadert vrijdag. Er is veel kritiek.',
      '8 minuten geledenKHAN YOUNIS (ANP/AFP) - Een journalist is gedood.',
      '1 minuut geledenLA PAZ (ANP) – Paz wint de verkiezingen.',
      '2 uur geleden',
    );
    expect(result.briefs).toEqual([
      { headline: 'De VN-raad vergadert vrijdag.', dateline: { place: 'GENÈVE', agencies: ['ANP'] }, text: 'De VN-raad vergadert vrijdag. Er is veel kritiek.', ageLabel: '8 minuten geleden' },
      { headline: 'Een journalist is gedood.', dateline: { place: 'KHAN YOUNIS', agencies: ['ANP', 'AFP'] }, text: 'Een journalist is gedood.', ageLabel: '1 minuut geleden' },
      { headline: 'Paz wint de verkiezingen.', dateline: { place: 'LA PAZ', agencies: ['ANP'] }, text: 'Paz wint de verkiezingen.', ageLabel: '2 uur geleden' },
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.article?.body).toEqual([{ type: 'paragraph', text: 'Lead.' }]);
  });

  it('reads day labels, "zojuist" and "gisteren"', () => {
    const result = withBriefs('PARIJS (ANP) - Een.', 'zojuistLONDEN (ANP) - Twee.', '1 dag geledenBERLIJN (ANP) - Drie.', '3 dagen geledenROME (ANP) - Vier.', 'gisteren');
    expect(result.briefs.map((brief) => brief.ageLabel)).toEqual(['zojuist', '1 dag geleden', '3 dagen geleden', 'gisteren']);
  });

  it('leaves the age label null when the page has none', () => {
    expect(withBriefs('PARIJS (ANP) - Een bericht.').briefs[0]?.ageLabel).toBeNull();
  });

  it('takes an age label glued to the end of a brief', () => {
    const result = withBriefs('PARIJS (ANP) - Het Louvre blijft dicht.1 uur geleden', 'LONDEN (ANP) - Drones.');
    expect(result.briefs.map((brief) => [brief.text, brief.ageLabel])).toEqual([
      ['Het Louvre blijft dicht.', '1 uur geleden'],
      ['Drones.', null],
    ]);
  });

  it('keeps a line without a dateline as a warning, never in the body or a brief', () => {
    const result = withBriefs('PARIJS (ANP) - Het Louvre blijft dicht.', 'Dit is geen bericht maar een losse regel.', '1 uur geledenLONDEN (ANP) - Drones.', '2 uur geleden');
    expect(result.briefs.map((brief) => [brief.dateline.place, brief.text, brief.ageLabel])).toEqual([
      ['PARIJS', 'Het Louvre blijft dicht.', '1 uur geleden'],
      ['LONDEN', 'Drones.', '2 uur geleden'],
    ]);
    expect(result.article?.body).toEqual([{ type: 'paragraph', text: 'Lead.' }]);
    expect(result.warnings).toEqual([
      'Line 5 after "Meer uit Buitenland" is not a brief (it does not start with a dateline such as "PLACE (ANP) - "), so it was not imported: "Dit is geen bericht maar een losse regel.".',
    ]);
  });

  it('warns about an age label with no brief before it', () => {
    const result = withBriefs('1 uur geleden', 'PARIJS (ANP) - Een.');
    expect(result.briefs).toHaveLength(1);
    expect(result.warnings).toEqual(['The age label "1 uur geleden" on line 4 has no brief before it, so it was ignored.']);
  });

  it('handles the section line glued to the first brief', () => {
    const result = parsed(page('Kop', 'DEN HAAG (ANP) - Lead.', 'Meer uit BuitenlandNEW YORK (ANP/AFP) - Melania Trump zit de raad voor.', '1 uur geleden'));
    expect(result.article?.section).toBe('Buitenland');
    expect(result.briefs).toEqual([
      { headline: 'Melania Trump zit de raad voor.', dateline: { place: 'NEW YORK', agencies: ['ANP', 'AFP'] }, text: 'Melania Trump zit de raad voor.', ageLabel: '1 uur geleden' },
    ]);
  });

  it('records the section from a "Meer uit" line with nothing after it', () => {
    const result = parsed(page('Kop', 'DEN HAAG (ANP) - Lead.', 'Meer uit Economie & Financiën'));
    expect(result.article?.section).toBe('Economie & Financiën');
    expect(result.briefs).toEqual([]);
  });

  it('does not take a sentence starting with "Meer uit" for the section line', () => {
    const found = article(page('Kop', 'DEN HAAG (ANP) - Lead.', 'Meer uit het onderzoek blijkt dat de minister het wist.', 'Slot.'));
    expect(found.section).toBeNull();
    expect(found.body).toHaveLength(3);
  });

  it('skips a further "Meer uit" line among the briefs', () => {
    const result = withBriefs('PARIJS (ANP) - Een.', '1 uur geleden', 'Meer uit Economie', 'FRANKFURT (ANP) - Rente omlaag.', '2 uur geleden');
    expect(result.briefs.map((brief) => brief.dateline.place)).toEqual(['PARIJS', 'FRANKFURT']);
    expect(result.warnings).toEqual([]);
  });

  it('gives a brief a capped first-sentence headline that respects abbreviations', () => {
    const result = withBriefs('DEN HAAG (ANP) - Advocaat mr. J. de Vries stapt o.a. naar de rechter. Hij eist 1.5 miljoen.');
    expect(result.briefs[0]?.headline).toBe('Advocaat mr. J. de Vries stapt o.a. naar de rechter.');
  });

  it('caps repeated warnings so a junk-filled page cannot produce thousands', () => {
    const junk = Array.from({ length: 1_000 }, (_, i) => `Losse regel ${i} zonder dateline.`);
    const result = withBriefs('PARIJS (ANP) - Een.', ...junk);
    expect(result.briefs).toHaveLength(1);
    expect(result.warnings).toHaveLength(6);
    expect(result.warnings[0]).toMatch(/^Line 5 after "Meer uit Buitenland" is not a brief/);
    expect(result.warnings[5]).toBe('995 more lines after "Meer uit Buitenland" are not a brief and were not imported.');
  });

  it('warns about a dateline with no text after it', () => {
    const result = withBriefs('PARIJS (ANP) -', 'LONDEN (ANP) - Drones.');
    expect(result.briefs.map((brief) => brief.dateline.place)).toEqual(['LONDEN']);
    expect(result.warnings).toEqual(['Line 4 has a dateline (PARIJS) but no text, so it was skipped.']);
  });
});

describe('parseWirePage: pages with only briefs', () => {
  it('parses briefs when no headline comes before the first dateline', () => {
    const result = parsed(page('', 'PARIJS (ANP) - Het Louvre blijft dicht.', '1 uur geledenLONDEN (ANP/RTR) - Het leger krijgt meer bevoegdheden.', '3 uur geleden'));
    expect(result.article).toBeNull();
    expect(result.briefs.map((brief) => [brief.dateline.place, brief.dateline.agencies, brief.ageLabel])).toEqual([
      ['PARIJS', ['ANP'], '1 uur geleden'],
      ['LONDEN', ['ANP', 'RTR'], '3 uur geleden'],
    ]);
    expect(result.warnings).toEqual(['The text has no headline line before its first dateline, so only its briefs were imported.']);
  });

  it('parses briefs after a "Meer uit" line at the top', () => {
    const result = parsed(page('Meer uit Buitenland', 'PARIJS (ANP) - Een.', '1 uur geleden'));
    expect(result.article).toBeNull();
    expect(result.briefs).toHaveLength(1);
  });
});

describe('parseWirePage: no headline', () => {
  it('rejects text without letters', () => {
    expect(parseWirePage('1234 5678\n---\n!!!')).toEqual({ ok: false, code: 'no-headline', reason: 'The text contains no letters, so there is no headline or story to import.' });
  });

  it('rejects an absurdly long first line', () => {
    const result = parseWirePage(`${'Dit is een hele lange regel zonder einde '.repeat(10)}\nTweede regel.`);
    expect(result).toMatchObject({ ok: false, code: 'no-headline' });
    if (!result.ok) expect(result.reason).toMatch(/^The first line is 409 characters long, too long for a headline \(at most 300\)/);
  });

  it('rejects a "Meer uit" line with no briefs after it', () => {
    expect(parseWirePage('Meer uit Buitenland\nGeen bericht.')).toMatchObject({ ok: false, code: 'no-headline' });
  });
});
