// A labelled test set for the chronology and quote extraction: Dutch wire-style stories
// written for Kroniek's tests (own text, no outlet's copy), with what a documentalist marks
// in them: every date expression and what it means, the sentences that are dated events,
// and every quote with its speaker. Names of real public figures are used only as names.
//
// Labels: `dates` maps a date expression as written to `granularity:YYYY-MM-DD` (the first
// day of the period) or to `none` for an expression that names no single moment of the
// story's events; `events` lists sentence openings of the dated events with their date;
// `quotes` lists each quote's opening words, its kind and its speaker (null: the text does
// not say who, so nothing may be attributed).

export interface LabelledStory {
  id: string;
  date: string;
  people: { key: string; name: string }[];
  paragraphs: string[];
  dates: { sentence: string; expression: string; value: string }[];
  events: { sentence: string; value: string }[];
  quotes: { text: string; kind: 'direct' | 'indirect'; speaker: string | null; speakerKind?: 'organisation' | 'country' }[];
  /** The organisations entity extraction would find (speakers too). */
  organisations?: { key: string; name: string }[];
}

const p = (name: string) => ({ key: name.toLowerCase(), name });

export const LABELLED: LabelledStory[] = [
  {
    id: 'kabinet',
    date: '2024-03-14', // Thursday
    people: [p('Dick Schoof'), p('Caroline van der Plas'), p('Frans Timmermans')],
    paragraphs: [
      'DEN HAAG (ANP) - Het kabinet heeft donderdag een akkoord bereikt over de bezuinigingen op ontwikkelingshulp.',
      'Premier Dick Schoof presenteerde de plannen woensdagavond al aan de fractievoorzitters. "Dit is een moeilijk maar noodzakelijk besluit", zei Schoof na afloop.',
      'Oppositieleider Frans Timmermans reageerde fel. "Het kabinet laat de armste landen in de steek", aldus Timmermans.',
      'De vorige bezuinigingsronde werd op 12 september 2022 aangekondigd en leidde toen tot grote protesten.',
      'Volgens Van der Plas is het pakket evenwichtig.',
      'De Tweede Kamer debatteert volgende week over de plannen.',
    ],
    dates: [
      { sentence: 'Het kabinet heeft donderdag', expression: 'donderdag', value: 'day:2024-03-14' },
      { sentence: 'Premier Dick Schoof', expression: 'woensdagavond', value: 'day:2024-03-13' },
      { sentence: 'De vorige bezuinigingsronde', expression: 'op 12 september 2022', value: 'day:2022-09-12' },
      { sentence: 'De Tweede Kamer debatteert', expression: 'volgende week', value: 'week:2024-03-18' },
    ],
    events: [
      { sentence: 'Het kabinet heeft donderdag', value: 'day:2024-03-14' },
      { sentence: 'Premier Dick Schoof', value: 'day:2024-03-13' },
      { sentence: 'De vorige bezuinigingsronde', value: 'day:2022-09-12' },
      { sentence: 'De Tweede Kamer debatteert', value: 'week:2024-03-18' },
    ],
    quotes: [
      { text: 'Dit is een moeilijk', kind: 'direct', speaker: 'Dick Schoof' },
      { text: 'Het kabinet laat de armste', kind: 'direct', speaker: 'Frans Timmermans' },
      { text: 'is het pakket evenwichtig', kind: 'indirect', speaker: 'Caroline van der Plas' },
    ],
  },
  {
    id: 'navo',
    date: '2024-07-10', // Wednesday
    people: [p('Mark Rutte'), p('Jens Stoltenberg'), p('Volodymyr Zelensky')],
    paragraphs: [
      'WASHINGTON (ANP/RTR) - De NAVO-landen hebben dinsdag in Washington de vijfenzeventigste verjaardag van het bondgenootschap gevierd.',
      'Het bondgenootschap werd op 4 april 1949 in dezelfde stad opgericht.',
      'Vertrekkend secretaris-generaal Jens Stoltenberg sprak van een historisch moment. "Wij zijn sterker dan ooit", zei hij.',
      'Oekraïens president Volodymyr Zelensky arriveerde woensdagochtend. Hij zei dat zijn land meer luchtafweer nodig heeft.',
      'Mark Rutte neemt op 1 oktober het stokje over van Stoltenberg.',
      'Rutte werd in juni door de lidstaten gekozen. "Ik kijk ernaar uit", zei Rutte destijds.',
      'Sinds 2014 geven de lidstaten meer uit aan defensie.',
    ],
    dates: [
      { sentence: 'De NAVO-landen hebben dinsdag', expression: 'dinsdag', value: 'day:2024-07-09' },
      { sentence: 'Het bondgenootschap werd', expression: 'op 4 april 1949', value: 'day:1949-04-04' },
      { sentence: 'Oekraïens president', expression: 'woensdagochtend', value: 'day:2024-07-10' },
      { sentence: 'Mark Rutte neemt', expression: 'op 1 oktober', value: 'day:2024-10-01' },
      { sentence: 'Rutte werd in juni', expression: 'in juni', value: 'month:2024-06-01' },
      { sentence: 'Sinds 2014', expression: 'Sinds 2014', value: 'year:2014-01-01' },
    ],
    events: [
      { sentence: 'De NAVO-landen hebben dinsdag', value: 'day:2024-07-09' },
      { sentence: 'Het bondgenootschap werd', value: 'day:1949-04-04' },
      { sentence: 'Oekraïens president', value: 'day:2024-07-10' },
      { sentence: 'Mark Rutte neemt', value: 'day:2024-10-01' },
      { sentence: 'Rutte werd in juni', value: 'month:2024-06-01' },
    ],
    quotes: [
      { text: 'Wij zijn sterker dan ooit', kind: 'direct', speaker: 'Jens Stoltenberg' },
      { text: 'zijn land meer luchtafweer', kind: 'indirect', speaker: 'Volodymyr Zelensky' },
      { text: 'Ik kijk ernaar uit', kind: 'direct', speaker: 'Mark Rutte' },
    ],
  },
  {
    id: 'overstroming',
    date: '2024-09-16', // Monday
    people: [p('Karl Nehammer'), p('Donald Tusk')],
    paragraphs: [
      'WENEN (ANP/DPA) - Door hevige regenval zijn in Midden-Europa zeker zestien mensen om het leven gekomen.',
      'In Oostenrijk trad zondag de Donau op verschillende plaatsen buiten haar oevers.',
      'Bondskanselier Karl Nehammer bezocht maandag het getroffen gebied. "De schade is enorm", zei de bondskanselier tegen de Oostenrijkse omroep.',
      'In Polen riep premier Donald Tusk zaterdag de noodtoestand uit voor drie regio\'s.',
      'De vorige grote overstroming in het gebied was in 1997.',
      'Meteorologen verwachten dat de regen woensdag afneemt.',
    ],
    dates: [
      { sentence: 'In Oostenrijk trad zondag', expression: 'zondag', value: 'day:2024-09-15' },
      { sentence: 'Bondskanselier Karl Nehammer', expression: 'maandag', value: 'day:2024-09-16' },
      { sentence: 'In Polen riep', expression: 'zaterdag', value: 'day:2024-09-14' },
      { sentence: 'De vorige grote overstroming', expression: 'in 1997', value: 'year:1997-01-01' },
      { sentence: 'Meteorologen verwachten', expression: 'woensdag', value: 'day:2024-09-18' },
    ],
    events: [
      { sentence: 'Door hevige regenval', value: 'day:2024-09-16' },
      { sentence: 'In Oostenrijk trad zondag', value: 'day:2024-09-15' },
      { sentence: 'Bondskanselier Karl Nehammer', value: 'day:2024-09-16' },
      { sentence: 'In Polen riep', value: 'day:2024-09-14' },
      { sentence: 'De vorige grote overstroming', value: 'year:1997-01-01' },
    ],
    quotes: [{ text: 'De schade is enorm', kind: 'direct', speaker: 'Karl Nehammer' }],
  },
  {
    id: 'rechtszaak',
    date: '2023-11-22', // Wednesday
    people: [p('Peter de Vries'), p('Ridouan Taghi')],
    paragraphs: [
      'AMSTERDAM (ANP) - De rechtbank in Amsterdam heeft woensdag uitspraak gedaan in het proces over de moord op misdaadverslaggever Peter R. de Vries.',
      'De Vries werd op 6 juli 2021 in de Lange Leidsedwarsstraat neergeschoten en overleed negen dagen later.',
      'Het proces begon vorig jaar en telde tientallen zittingsdagen.',
      'De officier van justitie eiste in oktober levenslang tegen de schutter.',
      '"Dit was een aanslag op de vrije pers", zei de rechter bij het voorlezen van het vonnis.',
      'De verdediging kondigde aan in hoger beroep te gaan.',
    ],
    dates: [
      { sentence: 'De rechtbank in Amsterdam', expression: 'woensdag', value: 'day:2023-11-22' },
      { sentence: 'De Vries werd op 6 juli 2021', expression: 'op 6 juli 2021', value: 'day:2021-07-06' },
      { sentence: 'Het proces begon', expression: 'vorig jaar', value: 'year:2022-01-01' },
      { sentence: 'De officier van justitie', expression: 'in oktober', value: 'month:2023-10-01' },
    ],
    events: [
      { sentence: 'De rechtbank in Amsterdam', value: 'day:2023-11-22' },
      { sentence: 'De Vries werd op 6 juli 2021', value: 'day:2021-07-06' },
      { sentence: 'Het proces begon', value: 'year:2022-01-01' },
      { sentence: 'De officier van justitie', value: 'month:2023-10-01' },
    ],
    // The judge is not named: the quote stays unattributed.
    quotes: [{ text: 'Dit was een aanslag', kind: 'direct', speaker: null }],
  },
  {
    id: 'verkiezingen',
    date: '2024-06-10', // Monday
    people: [p('Ursula von der Leyen'), p('Emmanuel Macron'), p('Olaf Scholz')],
    paragraphs: [
      'BRUSSEL (ANP/AFP) - De Europese Volkspartij is bij de Europese verkiezingen opnieuw de grootste geworden.',
      'De uitslag werd zondagavond bekendgemaakt.',
      'Commissievoorzitter Ursula von der Leyen sprak van een goed resultaat. "Het centrum houdt stand", zei Von der Leyen in Brussel.',
      'In Frankrijk maakte president Emmanuel Macron zondag bekend dat hij het parlement ontbindt.',
      'Franse kiezers gaan op 30 juni opnieuw naar de stembus.',
      'De Duitse bondskanselier Olaf Scholz noemde de uitslag "teleurstellend voor mijn partij".',
      'Vijf jaar geleden werd Von der Leyen voor het eerst gekozen.',
    ],
    dates: [
      { sentence: 'De uitslag werd', expression: 'zondagavond', value: 'day:2024-06-09' },
      { sentence: 'In Frankrijk maakte', expression: 'zondag', value: 'day:2024-06-09' },
      { sentence: 'Franse kiezers', expression: 'op 30 juni', value: 'day:2024-06-30' },
      { sentence: 'Vijf jaar geleden', expression: 'Vijf jaar geleden', value: 'year:2019-01-01' },
    ],
    events: [
      // The result was known on Sunday evening, the day before the story.
      { sentence: 'De Europese Volkspartij', value: 'day:2024-06-09' },
      { sentence: 'De uitslag werd', value: 'day:2024-06-09' },
      { sentence: 'In Frankrijk maakte', value: 'day:2024-06-09' },
      { sentence: 'Franse kiezers', value: 'day:2024-06-30' },
      { sentence: 'Vijf jaar geleden', value: 'year:2019-01-01' },
    ],
    quotes: [
      { text: 'Het centrum houdt stand', kind: 'direct', speaker: 'Ursula von der Leyen' },
      { text: 'hij het parlement ontbindt', kind: 'indirect', speaker: 'Emmanuel Macron' },
      { text: 'teleurstellend voor mijn partij', kind: 'direct', speaker: 'Olaf Scholz' },
    ],
  },
  {
    id: 'staking',
    date: '2024-02-02', // Friday
    people: [p('Anja de Boer'), p('Hugo de Jonge')],
    paragraphs: [
      'UTRECHT (ANP) - Het regionaal openbaar vervoer ligt vrijdag in grote delen van het land stil door een staking.',
      'Vakbond FNV riep de staking maandag uit nadat het overleg over een nieuwe cao was vastgelopen.',
      'Bestuurder Anja de Boer van FNV zegt dat de werkgevers niet willen bewegen.',
      '"We hebben geen andere keus", zei De Boer. "Het personeel is op."',
      'De werkgevers noemen de acties onverantwoord.',
      'Eind januari liepen de onderhandelingen voor de derde keer vast.',
      'Volgende maand volgt mogelijk een nieuwe actiedag.',
    ],
    dates: [
      { sentence: 'Het regionaal openbaar vervoer', expression: 'vrijdag', value: 'day:2024-02-02' },
      { sentence: 'Vakbond FNV riep', expression: 'maandag', value: 'day:2024-01-29' },
      { sentence: 'Eind januari', expression: 'Eind januari', value: 'month:2024-01-01' },
      { sentence: 'Volgende maand', expression: 'Volgende maand', value: 'month:2024-03-01' },
    ],
    events: [
      { sentence: 'Het regionaal openbaar vervoer', value: 'day:2024-02-02' },
      { sentence: 'Vakbond FNV riep', value: 'day:2024-01-29' },
      { sentence: 'Eind januari', value: 'month:2024-01-01' },
      { sentence: 'Volgende maand', value: 'month:2024-03-01' },
    ],
    quotes: [
      { text: 'de werkgevers niet willen bewegen', kind: 'indirect', speaker: 'Anja de Boer' },
      { text: 'We hebben geen andere keus', kind: 'direct', speaker: 'Anja de Boer' },
      { text: 'Het personeel is op', kind: 'direct', speaker: 'Anja de Boer' },
    ],
  },
  {
    id: 'aardbeving',
    date: '2023-02-08', // Wednesday
    people: [p('Recep Tayyip Erdogan')],
    paragraphs: [
      'ANKARA (ANP/RTR) - Het dodental van de aardbevingen in Turkije en Syrië is opgelopen tot boven de elfduizend.',
      'De eerste beving, met een kracht van 7,8, trof het gebied maandag rond vier uur in de ochtend.',
      'President Recep Tayyip Erdogan bezocht woensdag de zwaar getroffen stad Kahramanmaras.',
      '"Het is onmogelijk om op zo\'n ramp voorbereid te zijn", zei Erdogan tegen inwoners.',
      'Hij kondigde dinsdag drie maanden noodtoestand af in tien provincies.',
      'In 1999 kwamen bij een beving bij Izmit ruim zeventienduizend mensen om.',
    ],
    dates: [
      { sentence: 'De eerste beving', expression: 'maandag', value: 'day:2023-02-06' },
      { sentence: 'President Recep', expression: 'woensdag', value: 'day:2023-02-08' },
      { sentence: 'Hij kondigde dinsdag', expression: 'dinsdag', value: 'day:2023-02-07' },
      { sentence: 'In 1999 kwamen', expression: 'In 1999', value: 'year:1999-01-01' },
    ],
    events: [
      { sentence: 'Het dodental', value: 'day:2023-02-08' },
      { sentence: 'De eerste beving', value: 'day:2023-02-06' },
      { sentence: 'President Recep', value: 'day:2023-02-08' },
      { sentence: 'Hij kondigde dinsdag', value: 'day:2023-02-07' },
      { sentence: 'In 1999 kwamen', value: 'year:1999-01-01' },
    ],
    quotes: [{ text: 'Het is onmogelijk', kind: 'direct', speaker: 'Recep Tayyip Erdogan' }],
  },
  {
    id: 'gasprijs',
    date: '2022-08-26', // Friday
    people: [p('Rob Jetten'), p('Klaas Knot')],
    paragraphs: [
      'AMSTERDAM (ANP) - De gasprijs op de Europese markt is vrijdag opnieuw fors gestegen.',
      'Een jaar geleden kostte een megawattuur nog minder dan dertig euro.',
      'Minister Rob Jetten zei donderdag: "We moeten deze winter zuinig zijn met energie."',
      'De Nederlandsche Bank waarschuwde in juli al voor hogere inflatie.',
      'Volgens DNB-president Klaas Knot blijft de inflatie tot 2024 hoog.',
      'Het kabinet maakt op Prinsjesdag, 20 september, bekend hoe het huishoudens wil helpen.',
    ],
    dates: [
      { sentence: 'De gasprijs', expression: 'vrijdag', value: 'day:2022-08-26' },
      { sentence: 'Een jaar geleden', expression: 'Een jaar geleden', value: 'year:2021-01-01' },
      { sentence: 'Minister Rob Jetten', expression: 'donderdag', value: 'day:2022-08-25' },
      { sentence: 'De Nederlandsche Bank', expression: 'in juli', value: 'month:2022-07-01' },
      { sentence: 'Het kabinet maakt', expression: '20 september', value: 'day:2022-09-20' },
    ],
    events: [
      { sentence: 'De gasprijs', value: 'day:2022-08-26' },
      { sentence: 'Minister Rob Jetten', value: 'day:2022-08-25' },
      { sentence: 'De Nederlandsche Bank', value: 'month:2022-07-01' },
      { sentence: 'Het kabinet maakt', value: 'day:2022-09-20' },
    ],
    quotes: [
      { text: 'We moeten deze winter', kind: 'direct', speaker: 'Rob Jetten' },
      { text: 'blijft de inflatie tot 2024 hoog', kind: 'indirect', speaker: 'Klaas Knot' },
    ],
  },
];

/**
 * Written after the extraction rules were tuned on LABELLED, and measured once without
 * changing a rule: the figures on this set are the honest ones for text the rules have not seen.
 */
export const HELD_OUT: LabelledStory[] = [
  {
    id: 'brug',
    date: '2024-04-17', // Wednesday
    people: [p('Wes Moore'), p('Pete Buttigieg')],
    paragraphs: [
      'BALTIMORE (ANP/AP) - In de haven van Baltimore is woensdag begonnen met het weghalen van het wrak van de ingestorte brug.',
      'De Francis Scott Key-brug stortte op 26 maart in nadat een containerschip tegen een pijler was gevaren.',
      'Daarbij kwamen zes bouwvakkers om het leven.',
      'Gouverneur Wes Moore bezocht dinsdag de bergingsploegen. "Wij laten Baltimore niet in de steek", zei Moore.',
      'Minister van Transport Pete Buttigieg zegt dat de vaargeul eind mei weer open moet zijn.',
      'De brug werd in 1977 geopend.',
    ],
    dates: [
      { sentence: 'In de haven van Baltimore', expression: 'woensdag', value: 'day:2024-04-17' },
      { sentence: 'De Francis Scott Key-brug', expression: 'op 26 maart', value: 'day:2024-03-26' },
      { sentence: 'Gouverneur Wes Moore', expression: 'dinsdag', value: 'day:2024-04-16' },
      { sentence: 'Minister van Transport', expression: 'eind mei', value: 'month:2024-05-01' },
      { sentence: 'De brug werd in 1977', expression: 'in 1977', value: 'year:1977-01-01' },
    ],
    events: [
      { sentence: 'In de haven van Baltimore', value: 'day:2024-04-17' },
      { sentence: 'De Francis Scott Key-brug', value: 'day:2024-03-26' },
      { sentence: 'Gouverneur Wes Moore', value: 'day:2024-04-16' },
      { sentence: 'De brug werd in 1977', value: 'year:1977-01-01' },
    ],
    quotes: [
      { text: 'Wij laten Baltimore niet', kind: 'direct', speaker: 'Wes Moore' },
      { text: 'de vaargeul eind mei weer open', kind: 'indirect', speaker: 'Pete Buttigieg' },
    ],
  },
  {
    id: 'zorg',
    date: '2023-10-05', // Thursday
    people: [p('Conny Helder'), p('Ernst Kuipers')],
    paragraphs: [
      'DEN HAAG (ANP) - Minister Conny Helder van Langdurige Zorg heeft donderdag een nieuw plan voor de ouderenzorg gepresenteerd.',
      'Haar voorganger Ernst Kuipers vertrok in januari naar de Wereldgezondheidsorganisatie.',
      '"Ouderen moeten langer thuis kunnen blijven wonen", zei Helder in Nieuwspoort. "Daar is dit plan voor."',
      'Zorgorganisaties reageerden teleurgesteld.',
      'Volgens brancheorganisatie ActiZ ontbreekt geld voor extra personeel.',
      'De Tweede Kamer bespreekt het plan op 12 oktober.',
    ],
    dates: [
      { sentence: 'Minister Conny Helder', expression: 'donderdag', value: 'day:2023-10-05' },
      { sentence: 'Haar voorganger', expression: 'in januari', value: 'month:2023-01-01' },
      { sentence: 'De Tweede Kamer bespreekt', expression: 'op 12 oktober', value: 'day:2023-10-12' },
    ],
    events: [
      { sentence: 'Minister Conny Helder', value: 'day:2023-10-05' },
      { sentence: 'Haar voorganger', value: 'month:2023-01-01' },
      { sentence: 'De Tweede Kamer bespreekt', value: 'day:2023-10-12' },
    ],
    quotes: [
      { text: 'Ouderen moeten langer thuis', kind: 'direct', speaker: 'Conny Helder' },
      { text: 'Daar is dit plan voor', kind: 'direct', speaker: 'Conny Helder' },
      { text: 'ontbreekt geld voor extra personeel', kind: 'indirect', speaker: 'ActiZ' },
    ],
  },
  {
    id: 'vulkaan',
    date: '2023-11-13', // Monday
    people: [p('Gudni Johannesson')],
    paragraphs: [
      'REYKJAVIK (ANP/RTR) - In het IJslandse vissersdorp Grindavik zijn vrijdagavond alle inwoners geëvacueerd uit vrees voor een vulkaanuitbarsting.',
      'Sinds eind oktober zijn in het gebied duizenden kleine aardbevingen gemeten.',
      'President Gudni Johannesson sprak zondag zijn steun uit aan de inwoners.',
      'Het meteorologisch instituut meldt dat onder het dorp een magmagang van vijftien kilometer ligt.',
      'De laatste uitbarsting op het schiereiland was in juli.',
      'In 2010 legde een uitbarsting van de Eyjafjallajökull het Europese luchtverkeer dagenlang plat.',
    ],
    dates: [
      { sentence: 'In het IJslandse vissersdorp', expression: 'vrijdagavond', value: 'day:2023-11-10' },
      { sentence: 'Sinds eind oktober', expression: 'Sinds eind oktober', value: 'month:2023-10-01' },
      { sentence: 'President Gudni Johannesson', expression: 'zondag', value: 'day:2023-11-12' },
      { sentence: 'De laatste uitbarsting', expression: 'in juli', value: 'month:2023-07-01' },
      { sentence: 'In 2010 legde', expression: 'In 2010', value: 'year:2010-01-01' },
    ],
    events: [
      { sentence: 'In het IJslandse vissersdorp', value: 'day:2023-11-10' },
      { sentence: 'President Gudni Johannesson', value: 'day:2023-11-12' },
      { sentence: 'De laatste uitbarsting', value: 'month:2023-07-01' },
      { sentence: 'In 2010 legde', value: 'year:2010-01-01' },
    ],
    quotes: [],
  },
  {
    id: 'voetbal',
    date: '2024-05-13', // Monday
    people: [p('Arne Slot'), p('Jürgen Klopp')],
    paragraphs: [
      'ROTTERDAM (ANP) - Feyenoord-trainer Arne Slot vertrekt aan het einde van het seizoen naar Liverpool.',
      'Dat maakte de club maandag bekend.',
      'Slot volgt de Duitser Jürgen Klopp op, die in januari zijn vertrek aankondigde.',
      '"Dit is een droom die uitkomt", zei Slot tegen de clubwebsite.',
      'Slot kwam in 2021 over van AZ en won vorig jaar de landstitel met Feyenoord.',
      'Zondag speelt Feyenoord zijn laatste competitieduel.',
    ],
    dates: [
      { sentence: 'Dat maakte de club', expression: 'maandag', value: 'day:2024-05-13' },
      { sentence: 'Slot volgt de Duitser', expression: 'in januari', value: 'month:2024-01-01' },
      { sentence: 'Slot kwam in 2021', expression: 'in 2021', value: 'year:2021-01-01' },
      { sentence: 'Slot kwam in 2021', expression: 'vorig jaar', value: 'year:2023-01-01' },
      { sentence: 'Zondag speelt', expression: 'Zondag', value: 'day:2024-05-19' },
    ],
    events: [
      { sentence: 'Slot volgt de Duitser', value: 'month:2024-01-01' },
      // The news of the day: Slot succeeds Klopp (the clause rule dates the main clause by the story).
      { sentence: 'Slot volgt de Duitser', value: 'day:2024-05-13' },
      { sentence: 'Slot kwam in 2021', value: 'year:2021-01-01' },
      { sentence: 'Zondag speelt', value: 'day:2024-05-19' },
    ],
    quotes: [{ text: 'Dit is een droom', kind: 'direct', speaker: 'Arne Slot' }],
  },
];

// Written for the clause rule (a date inside a subordinate or relative clause dates that
// clause only): main and subordinate clauses in either order, past, present and perfect
// tenses, spans ("sinds 2019", "tot eind 2025") and relative dates ("vorig jaar",
// "eerder deze maand") in one clause or the other. Measured separately and with the rest.
export const CLAUSES: LabelledStory[] = [
  {
    id: 'bezoek',
    date: '2024-06-19', // Wednesday
    people: [p('Vladimir Poetin'), p('Kim Jong-un')],
    paragraphs: [
      'PYONGYANG (ANP/RTR) - Poetin is in Pyongyang, waar hij 24 jaar geleden voor het laatst was.',
      'De Russische president werd woensdag ontvangen door Kim Jong-un, die hem vorig jaar in Rusland bezocht.',
      'Toen Kim in september 2023 naar Vladivostok reisde, beloofde Poetin een tegenbezoek.',
      'Het verdrag dat de twee leiders woensdag tekenden, vervangt een akkoord uit de Koude Oorlog.',
      'Sinds 2019 is het handelsvolume tussen beide landen verdrievoudigd.',
      'Eerder deze maand kondigde het Kremlin de reis aan, nadat Zuid-Korea had gewaarschuwd voor militaire samenwerking.',
    ],
    dates: [
      { sentence: 'Poetin is in Pyongyang', expression: '24 jaar geleden', value: 'year:2000-01-01' },
      { sentence: 'De Russische president', expression: 'woensdag', value: 'day:2024-06-19' },
      { sentence: 'De Russische president', expression: 'vorig jaar', value: 'year:2023-01-01' },
      { sentence: 'Toen Kim', expression: 'in september 2023', value: 'month:2023-09-01' },
      { sentence: 'Het verdrag dat', expression: 'woensdag', value: 'day:2024-06-19' },
      { sentence: 'Sinds 2019', expression: 'Sinds 2019', value: 'year:2019-01-01' },
      { sentence: 'Eerder deze maand', expression: 'Eerder deze maand', value: 'month:2024-06-01' },
    ],
    events: [
      { sentence: 'Poetin is in Pyongyang', value: 'day:2024-06-19' },
      { sentence: 'Poetin is in Pyongyang', value: 'year:2000-01-01' },
      { sentence: 'De Russische president', value: 'day:2024-06-19' },
      { sentence: 'De Russische president', value: 'year:2023-01-01' },
      { sentence: 'Toen Kim', value: 'month:2023-09-01' },
      { sentence: 'Het verdrag dat', value: 'day:2024-06-19' },
      { sentence: 'Eerder deze maand', value: 'month:2024-06-01' },
    ],
    quotes: [],
  },
  {
    id: 'wetsvoorstel',
    date: '2025-03-12', // Wednesday
    people: [p('Judith Keijzer')],
    paragraphs: [
      'DEN HAAG (ANP) - Het kabinet heeft dinsdag het wetsvoorstel ingediend, dat vorig jaar door de Raad van State werd afgekraakt.',
      'Minister Keijzer zegt dat de wet tot eind 2025 moet gelden.',
      'De Tweede Kamer, die het voorstel eerder deze maand nog blokkeerde, stemt volgende week opnieuw.',
      'Nadat de coalitie vorig jaar uit elkaar viel, werden in oktober nieuwe verkiezingen gehouden.',
      'De oppositie noemt het plan onuitvoerbaar, omdat de uitvoeringsorganisaties sinds 2021 kampen met personeelstekorten.',
    ],
    dates: [
      { sentence: 'Het kabinet heeft dinsdag', expression: 'dinsdag', value: 'day:2025-03-11' },
      { sentence: 'Het kabinet heeft dinsdag', expression: 'vorig jaar', value: 'year:2024-01-01' },
      { sentence: 'Minister Keijzer', expression: 'tot eind 2025', value: 'year:2025-01-01' },
      { sentence: 'De Tweede Kamer, die', expression: 'eerder deze maand', value: 'month:2025-03-01' },
      { sentence: 'De Tweede Kamer, die', expression: 'volgende week', value: 'week:2025-03-17' },
      { sentence: 'Nadat de coalitie', expression: 'vorig jaar', value: 'year:2024-01-01' },
      { sentence: 'Nadat de coalitie', expression: 'in oktober', value: 'month:2024-10-01' },
      { sentence: 'De oppositie noemt', expression: 'sinds 2021', value: 'year:2021-01-01' },
    ],
    events: [
      { sentence: 'Het kabinet heeft dinsdag', value: 'day:2025-03-11' },
      { sentence: 'Het kabinet heeft dinsdag', value: 'year:2024-01-01' },
      { sentence: 'De Tweede Kamer, die', value: 'month:2025-03-01' },
      { sentence: 'De Tweede Kamer, die', value: 'week:2025-03-17' },
      { sentence: 'Nadat de coalitie', value: 'year:2024-01-01' },
      { sentence: 'Nadat de coalitie', value: 'month:2024-10-01' },
    ],
    quotes: [{ text: 'de wet tot eind 2025 moet gelden', kind: 'indirect', speaker: 'Judith Keijzer' }],
  },
  {
    id: 'steekpartij',
    date: '2024-11-08', // Friday
    people: [],
    paragraphs: [
      'AMSTERDAM (ANP) - De rechtbank in Amsterdam heeft vrijdag een 34-jarige man veroordeeld, die in maart een agent had neergestoken.',
      'De verdachte, die sinds april 2024 in voorarrest zit, hoorde de uitspraak zwijgend aan.',
      'Het Openbaar Ministerie eiste op 25 oktober twaalf jaar cel, waarna de verdediging om vrijspraak vroeg.',
      'Toen de zaak in juli voor het eerst diende, was de verdachte niet aanwezig.',
    ],
    dates: [
      { sentence: 'De rechtbank in Amsterdam', expression: 'vrijdag', value: 'day:2024-11-08' },
      { sentence: 'De rechtbank in Amsterdam', expression: 'in maart', value: 'month:2024-03-01' },
      { sentence: 'De verdachte, die', expression: 'sinds april 2024', value: 'month:2024-04-01' },
      { sentence: 'Het Openbaar Ministerie', expression: 'op 25 oktober', value: 'day:2024-10-25' },
      { sentence: 'Toen de zaak', expression: 'in juli', value: 'month:2024-07-01' },
    ],
    events: [
      { sentence: 'De rechtbank in Amsterdam', value: 'day:2024-11-08' },
      { sentence: 'De rechtbank in Amsterdam', value: 'month:2024-03-01' },
      { sentence: 'Het Openbaar Ministerie', value: 'day:2024-10-25' },
      { sentence: 'Toen de zaak', value: 'month:2024-07-01' },
    ],
    quotes: [],
  },
  {
    id: 'inflatie',
    date: '2025-01-30', // Thursday
    people: [],
    paragraphs: [
      'DEN HAAG (ANP) - De inflatie is in december gedaald naar 3,9 procent, terwijl die in november nog boven de 4 procent lag.',
      'Het CBS meldde donderdag dat de prijzen vorig jaar gemiddeld met 3,3 procent stegen.',
      'Economen verwachten dat de inflatie dit jaar verder daalt.',
      'De Nederlandsche Bank verhoogde de rente in juli 2023 voor het laatst, waarna een reeks verlagingen volgde.',
      'Sinds de zomer van 2022 zijn de energieprijzen met een derde gedaald.',
    ],
    dates: [
      { sentence: 'De inflatie is in december', expression: 'in december', value: 'month:2024-12-01' },
      { sentence: 'De inflatie is in december', expression: 'in november', value: 'month:2024-11-01' },
      { sentence: 'Het CBS meldde', expression: 'donderdag', value: 'day:2025-01-30' },
      { sentence: 'Het CBS meldde', expression: 'vorig jaar', value: 'year:2024-01-01' },
      { sentence: 'Economen verwachten', expression: 'dit jaar', value: 'year:2025-01-01' },
      { sentence: 'De Nederlandsche Bank', expression: 'in juli 2023', value: 'month:2023-07-01' },
      { sentence: 'Sinds de zomer', expression: 'Sinds de zomer van 2022', value: 'year:2022-01-01' },
    ],
    events: [
      { sentence: 'De inflatie is in december', value: 'month:2024-12-01' },
      { sentence: 'Het CBS meldde', value: 'day:2025-01-30' },
      { sentence: 'Het CBS meldde', value: 'year:2024-01-01' },
      { sentence: 'De Nederlandsche Bank', value: 'month:2023-07-01' },
    ],
    quotes: [],
  },
  {
    id: 'hoogwater',
    date: '2024-09-16', // Monday
    people: [p('Donald Tusk')],
    paragraphs: [
      'WARSCHAU (ANP/RTR) - In Polen zijn zondag zeker vier mensen omgekomen bij overstromingen, nadat de Oder buiten haar oevers trad.',
      'De stad Nysa, waar in 1997 ook al een groot deel onder water stond, werd maandag geëvacueerd.',
      'Premier Tusk, die eerder deze maand nog waarschuwde voor paniek, riep de noodtoestand uit.',
      'Het water bereikt dinsdag naar verwachting Wroclaw, dat in 1997 zwaar werd getroffen.',
      'Vorig jaar trof een vergelijkbare storm Slovenië, waar toen zes doden vielen.',
      'De Europese Commissie heeft maandag hulp toegezegd, die tot eind oktober beschikbaar blijft.',
      'Vorige week woensdag sloot de regering de scholen in het zuiden, die sindsdien dicht zijn.',
    ],
    dates: [
      { sentence: 'In Polen zijn zondag', expression: 'zondag', value: 'day:2024-09-15' },
      { sentence: 'De stad Nysa', expression: 'in 1997', value: 'year:1997-01-01' },
      { sentence: 'De stad Nysa', expression: 'maandag', value: 'day:2024-09-16' },
      { sentence: 'Premier Tusk', expression: 'eerder deze maand', value: 'month:2024-09-01' },
      { sentence: 'Het water bereikt', expression: 'dinsdag', value: 'day:2024-09-17' },
      { sentence: 'Het water bereikt', expression: 'in 1997', value: 'year:1997-01-01' },
      { sentence: 'Vorig jaar trof', expression: 'Vorig jaar', value: 'year:2023-01-01' },
      { sentence: 'De Europese Commissie', expression: 'maandag', value: 'day:2024-09-16' },
      { sentence: 'De Europese Commissie', expression: 'tot eind oktober', value: 'month:2024-10-01' },
      { sentence: 'Vorige week woensdag', expression: 'Vorige week woensdag', value: 'day:2024-09-11' },
    ],
    events: [
      { sentence: 'In Polen zijn zondag', value: 'day:2024-09-15' },
      { sentence: 'De stad Nysa', value: 'day:2024-09-16' },
      { sentence: 'De stad Nysa', value: 'year:1997-01-01' },
      { sentence: 'Premier Tusk', value: 'month:2024-09-01' },
      { sentence: 'Het water bereikt', value: 'year:1997-01-01' },
      { sentence: 'Vorig jaar trof', value: 'year:2023-01-01' },
      { sentence: 'De Europese Commissie', value: 'day:2024-09-16' },
      { sentence: 'Vorige week woensdag', value: 'day:2024-09-11' },
    ],
    quotes: [],
  },
  {
    id: 'bedrijf',
    date: '2023-05-05', // Friday
    people: [p('Sanne Bakker')],
    paragraphs: [
      'UTRECHT (ANP) - Het bedrijf, dat in 2019 naar de beurs ging, maakte vrijdag een verlies bekend.',
      '"We zijn hier in 2015 begonnen, toen niemand in ons geloofde", zei oprichter Sanne Bakker.',
      'Bakker trad vorig jaar aan als topvrouw, nadat haar voorganger was opgestapt.',
      'Het bedrijf schrapt 200 banen, meldde het Financieele Dagblad eerder deze week.',
    ],
    dates: [
      { sentence: 'Het bedrijf, dat', expression: 'in 2019', value: 'year:2019-01-01' },
      { sentence: 'Het bedrijf, dat', expression: 'vrijdag', value: 'day:2023-05-05' },
      { sentence: '"We zijn hier', expression: 'in 2015', value: 'year:2015-01-01' },
      { sentence: 'Bakker trad', expression: 'vorig jaar', value: 'year:2022-01-01' },
      { sentence: 'Het bedrijf schrapt', expression: 'eerder deze week', value: 'week:2023-05-01' },
    ],
    events: [
      { sentence: 'Het bedrijf, dat', value: 'year:2019-01-01' },
      { sentence: 'Het bedrijf, dat', value: 'day:2023-05-05' },
      { sentence: '"We zijn hier', value: 'year:2015-01-01' },
      { sentence: 'Bakker trad', value: 'year:2022-01-01' },
      { sentence: 'Het bedrijf schrapt', value: 'week:2023-05-01' },
    ],
    quotes: [{ text: 'We zijn hier in 2015 begonnen', kind: 'direct', speaker: 'Sanne Bakker' }],
  },
];

// Written for who may speak: people, and organisations or governments the text names
// ("volgens het Pakistaanse ministerie van Buitenlandse Zaken", "volgens Pakistan"); never
// an adjective ("aldus Amerikaanse functionarissen") or a bare place ("volgens Moskou").
export const SPEAKERS: LabelledStory[] = [
  {
    id: 'kasjmir',
    date: '2025-05-08', // Thursday
    people: [p('Shehbaz Sharif'), p('António Guterres')],
    organisations: [p('NAVO')],
    paragraphs: [
      'ISLAMABAD (ANP/RTR) - Volgens het Pakistaanse ministerie van Buitenlandse Zaken zijn bij de aanvallen zeker 26 burgers omgekomen.',
      '"Dit is een daad van oorlog", zei premier Shehbaz Sharif in een toespraak.',
      'Volgens Pakistan zijn er geen militaire doelen geraakt.',
      '"Wij hebben terughoudend gereageerd", aldus het Indiase leger.',
      '"De situatie is zeer ernstig", aldus Amerikaanse functionarissen.',
      'Volgens Moskou is de escalatie het gevolg van westerse inmenging.',
      '"Beide landen moeten nu de dialoog zoeken", zei de VN-chef António Guterres.',
      'Volgens de Indiase regering was de operatie gericht en afgemeten.',
      'Volgens de NAVO is er geen reden tot zorg voor het bondgenootschap.',
      '"We volgen de ontwikkelingen op de voet", zei een woordvoerder van het Kremlin.',
    ],
    dates: [],
    events: [],
    quotes: [
      { text: 'zijn bij de aanvallen zeker 26 burgers', kind: 'indirect', speaker: 'Pakistaanse ministerie van Buitenlandse Zaken', speakerKind: 'organisation' },
      { text: 'Dit is een daad van oorlog', kind: 'direct', speaker: 'Shehbaz Sharif' },
      { text: 'zijn er geen militaire doelen geraakt', kind: 'indirect', speaker: 'Pakistan', speakerKind: 'country' },
      { text: 'Wij hebben terughoudend gereageerd', kind: 'direct', speaker: 'Indiase leger', speakerKind: 'organisation' },
      { text: 'De situatie is zeer ernstig', kind: 'direct', speaker: null },
      { text: 'Beide landen moeten nu de dialoog zoeken', kind: 'direct', speaker: 'António Guterres' },
      { text: 'was de operatie gericht en afgemeten', kind: 'indirect', speaker: 'Indiase regering', speakerKind: 'organisation' },
      { text: 'is er geen reden tot zorg', kind: 'indirect', speaker: 'NAVO', speakerKind: 'organisation' },
      { text: 'We volgen de ontwikkelingen op de voet', kind: 'direct', speaker: null },
    ],
  },
  {
    id: 'oprichter',
    date: '2025-02-14', // Friday
    people: [p('Sanne Bakker'), p('Judith Keijzer')],
    paragraphs: [
      'AMSTERDAM (ANP) - Het techbedrijf Bloei gaat naar de beurs.',
      '"We zijn hier begonnen toen niemand in ons geloofde", zei oprichter Sanne Bakker.',
      '"De cijfers zijn slechter dan verwacht", zei tegen Keijzer een aandeelhouder.',
      'Minister Keijzer zegt dat de regels voor start-ups eenvoudiger moeten.',
      '"Wij nemen de zorgen serieus", aldus de Russische ambassade in Den Haag.',
      'Volgens Russische media is de directeur inmiddels vertrokken.',
    ],
    dates: [],
    events: [],
    quotes: [
      { text: 'We zijn hier begonnen', kind: 'direct', speaker: 'Sanne Bakker' },
      { text: 'De cijfers zijn slechter', kind: 'direct', speaker: null },
      { text: 'de regels voor start-ups eenvoudiger moeten', kind: 'indirect', speaker: 'Judith Keijzer' },
      { text: 'Wij nemen de zorgen serieus', kind: 'direct', speaker: 'Russische ambassade', speakerKind: 'organisation' },
    ],
  },
];
