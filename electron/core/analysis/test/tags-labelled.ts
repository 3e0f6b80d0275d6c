// Labelled Dutch wire-style stories for the tag-suggestion figures of docs/QUALITY.md
// (issue 16). Written for Kroniek (no outlet's text); people with invented names are
// invented. Per story: `people` are the people the story names (recall is measured on
// them), `tags` the other suggestions an editor would accept. Any other suggestion is
// wrong. TUNING was used while developing the rules; HELD_OUT was written apart and
// measured once before any further change (its first figures are kept in QUALITY.md).

export interface TagStory {
  id: string;
  headline: string;
  place: string;
  body: string[];
  people: string[];
  tags: string[];
}

export const TUNING: TagStory[] = [
  {
    id: 'pol-formatie',
    headline: 'Jetten en Bontenbal praten verder over nieuw kabinet',
    place: 'DEN HAAG',
    body: [
      'D66-leider Rob Jetten en CDA-leider Henri Bontenbal hebben dinsdag opnieuw gesproken over een nieuw kabinet.',
      'Ook VVD-leider Dilan Yeşilgöz schoof aan. Volgens informateur Hans Wijers is er "voorzichtige vooruitgang".',
      'De Jonge verhoudingen in de Tweede Kamer maken de formatie lastig, zegt politicoloog Sarah de Lange van de Universiteit van Amsterdam.',
      'Jetten wil voor de zomer een akkoord. Bontenbal zei dat hij "geen haast" heeft.',
    ],
    people: ['Rob Jetten', 'Henri Bontenbal', 'Dilan Yeşilgöz-Zegerius', 'Hans Wijers', 'Sarah de Lange'],
    tags: ['D66', 'CDA', 'VVD', 'Tweede Kamer', 'Universiteit van Amsterdam', 'Den Haag'],
  },
  {
    id: 'pol-asiel',
    headline: 'Kamer stemt in met strengere asielregels',
    place: 'DEN HAAG',
    body: [
      'Een meerderheid van de Tweede Kamer heeft ingestemd met de asielwetten van minister Marjolein Faber.',
      'Het ministerie van Asiel en Migratie verwacht dat de wetten volgend jaar ingaan. Faber sprak van "een historische dag".',
      'GroenLinks-PvdA en D66 stemden tegen. De Eerste Kamer moet nog stemmen.',
      'Vluchtelingenwerk Nederland noemt de wetten onuitvoerbaar, zegt directeur Frank Candel.',
    ],
    people: ['Marjolein Faber', 'Frank Candel'],
    tags: ['Tweede Kamer', 'Eerste Kamer', 'GroenLinks-PvdA', 'D66', 'Vluchtelingenwerk Nederland', 'Den Haag', 'Nederland'],
  },
  {
    id: 'pol-belgie',
    headline: 'Regering-De Wever bereikt akkoord over pensioenen',
    place: 'BRUSSEL',
    body: [
      'De Belgische federale regering van premier Bart De Wever heeft een akkoord bereikt over de hervorming van de pensioenen.',
      'Minister van Pensioenen Jan Jambon spreekt van een evenwichtig plan. De vakbonden kondigen acties aan.',
      'MR-voorzitter Georges-Louis Bouchez is tevreden. Vooruit-voorzitter Conner Rousseau wil nog aanpassingen in de Kamer.',
      'De Wever zei dat België "niet langer kan wachten".',
    ],
    people: ['Bart De Wever', 'Jan Jambon', 'Georges-Louis Bouchez', 'Conner Rousseau'],
    tags: ['België', 'Brussel', 'MR', 'Vooruit'],
  },
  {
    id: 'eu-top',
    headline: 'EU-leiders eens over nieuwe sancties tegen Rusland',
    place: 'BRUSSEL',
    body: [
      'De regeringsleiders van de Europese Unie zijn het eens geworden over een nieuw sanctiepakket tegen Rusland.',
      'Commissievoorzitter Ursula von der Leyen sprak van een krachtig signaal. Buitenlandchef Kaja Kallas wil verder gaan.',
      'De Hongaarse premier Viktor Orbán stemde na lang aandringen in. Het Verdrag van Lissabon laat geen veto toe op dit punt, zeggen juristen.',
      'Raadsvoorzitter António Costa noemde het "een goede dag voor Europa".',
    ],
    people: ['Ursula von der Leyen', 'Kaja Kallas', 'Viktor Orbán', 'António Costa'],
    tags: ['Europese Unie', 'Rusland', 'Hongarije', 'Europa', 'Brussel', 'Verdrag van Lissabon'],
  },
  {
    id: 'bui-oekraine',
    headline: 'Zelensky en Trump praten over staakt-het-vuren',
    place: 'WASHINGTON',
    body: [
      'De Oekraïense president Volodymyr Zelensky heeft in het Witte Huis gesproken met de Amerikaanse president Donald Trump.',
      'Volgens Zelenski is een staakt-het-vuren mogelijk als Rusland zich terugtrekt uit Zaporizja. Trump zei dat Poetin "ook vrede wil".',
      'Het Kremlin reageerde koeltjes. Woordvoerder Dmitri Peskov noemde het gesprek "niet relevant".',
      'Ondertussen vielen er bij Russische aanvallen op Kiev en Charkiv zeker twaalf doden.',
    ],
    people: ['Volodymyr Zelensky', 'Donald Trump', 'Vladimir Poetin', 'Dmitri Peskov'],
    tags: ['Oekraïne', 'Verenigde Staten', 'Rusland', 'Witte Huis', 'Kremlin', 'Kyiv', 'Charkiv', 'Zaporizja', 'Washington'],
  },
  {
    id: 'bui-gaza',
    headline: 'Onderhandelingen over Gaza hervat in Caïro',
    place: 'CAÏRO',
    body: [
      'Onderhandelaars van Israël en Hamas zijn in Caïro opnieuw in gesprek over een bestand in de Gazastrook.',
      'Premier Benjamin Netanyahu stuurde een delegatie. De Egyptische president Abdel Fattah al-Sisi treedt op als bemiddelaar, samen met Qatar.',
      'De VN-organisatie UNRWA waarschuwt voor hongersnood in Rafah en Khan Younis.',
      'Netanyahu zei dat Israël doorgaat tot alle gijzelaars vrij zijn.',
    ],
    people: ['Benjamin Netanyahu', 'Abdel Fattah al-Sisi'],
    tags: ['Israël', 'Hamas', 'Gazastrook', 'Egypte', 'Qatar', 'UNRWA', 'Rafah', 'Khan Younis', 'Caïro', 'Verenigde Naties'],
  },
  {
    id: 'bui-india',
    headline: 'Modi en Xi hervatten directe vluchten',
    place: 'PEKING',
    body: [
      'De Indiase premier Modi en de Chinese president Xi Jinping hebben afgesproken de directe vluchten tussen beide landen te hervatten.',
      'Het is het eerste bezoek van Modi aan China in zeven jaar. De relatie verslechterde na grensconflicten in de Himalaya.',
      'Minister van Buitenlandse Zaken Wang Yi sprak van "een nieuw hoofdstuk". De Pakistaanse premier Sharif reageerde bezorgd.',
    ],
    people: ['Narendra Modi', 'Xi Jinping', 'Wang Yi', 'Shehbaz Sharif'],
    tags: ['India', 'China', 'Pakistan', 'Himalaya', 'Peking'],
  },
  {
    id: 'bui-vs',
    headline: 'Rechter blokkeert importheffingen van Trump',
    place: 'NEW YORK',
    body: [
      'Een federale rechter in New York heeft de importheffingen van president Trump voorlopig geblokkeerd.',
      'Minister van Financiën Scott Bessent noemt de uitspraak "een vergissing" en gaat in beroep bij het Hooggerechtshof.',
      'Het Witte Huis zegt dat Trumps handelsbeleid banen oplevert. Democratisch senator Chuck Schumer spreekt van een overwinning voor consumenten.',
    ],
    people: ['Donald Trump', 'Scott Bessent', 'Chuck Schumer'],
    tags: ['New York', 'Witte Huis', 'Hooggerechtshof', 'Verenigde Staten'],
  },
  {
    id: 'bui-japan',
    headline: 'Japan kiest eerste vrouwelijke premier',
    place: 'TOKIO',
    body: [
      'Het Japanse parlement heeft Sanae Takaichi gekozen tot premier. Zij is de eerste vrouw in die functie.',
      'Takaichi volgt Shigeru Ishiba op, die na verkiezingsverlies opstapte. Persbureau Kyodo News meldt dat zij snel naar Washington wil.',
      'Dat meldt Azië-correspondent Sjoerd Kleinhuis. De Zuid-Koreaanse president Lee Jae-myung feliciteerde haar.',
    ],
    people: ['Sanae Takaichi', 'Shigeru Ishiba', 'Lee Jae-myung'],
    tags: ['Japan', 'Tokio', 'Kyodo News', 'Washington', 'Zuid-Korea'],
  },
  {
    id: 'sport-voetbal',
    headline: 'Feyenoord wint Klassieker van Ajax',
    place: 'ROTTERDAM',
    body: [
      'Feyenoord heeft in De Kuip met 2-1 gewonnen van Ajax. Spits Santiago Giménez maakte beide Rotterdamse doelpunten.',
      'Trainer Robin van Persie was na afloop trots. "Dit geeft vertrouwen," zei Van Persie.',
      'Bij Ajax viel doelman Remko Pasveer uit met een blessure. Ajax-trainer John Heitinga sprak van een teleurstellende avond.',
    ],
    people: ['Santiago Giménez', 'Robin van Persie', 'Remko Pasveer', 'John Heitinga'],
    tags: ['Feyenoord', 'Ajax', 'De Kuip', 'Rotterdam'],
  },
  {
    id: 'sport-wielrennen',
    headline: 'Pogačar wint opnieuw de Tour de France',
    place: 'PARIJS',
    body: [
      'Tadej Pogačar heeft voor de vierde keer de Tour de France gewonnen. De Sloveen bleef Jonas Vingegaard ruim voor.',
      'De Belg Remco Evenepoel stapte halverwege uit. Mathieu van der Poel droeg een week de gele trui.',
      'Van der Poel zei tevreden te zijn. Pogačar wil volgend jaar ook de Vuelta rijden.',
    ],
    people: ['Tadej Pogačar', 'Jonas Vingegaard', 'Remco Evenepoel', 'Mathieu van der Poel'],
    tags: ['Tour de France', 'Vuelta', 'Slovenië', 'België', 'Parijs'],
  },
  {
    id: 'sport-f1',
    headline: 'Verstappen pakt pole in Zandvoort',
    place: 'ZANDVOORT',
    body: [
      'Max Verstappen start zondag vanaf pole position in de Grand Prix van Nederland.',
      'De Red Bull-coureur was sneller dan Lando Norris en Oscar Piastri van McLaren. Lewis Hamilton werd vijfde voor Ferrari.',
      'Verstappen zei dat het circuit "als thuis voelt". Duizenden fans in het oranje kwamen naar de duinen.',
    ],
    people: ['Max Verstappen', 'Lando Norris', 'Oscar Piastri', 'Lewis Hamilton'],
    tags: ['Zandvoort', 'Grand Prix van Nederland', 'Red Bull', 'McLaren', 'Ferrari', 'Nederland'],
  },
  {
    id: 'sport-schaatsen',
    headline: 'Leerdam rijdt wereldrecord op 1000 meter',
    place: 'SALT LAKE CITY',
    body: [
      'Jutta Leerdam heeft in Salt Lake City een wereldrecord gereden op de 1000 meter.',
      'Zij was sneller dan de Amerikaanse Erin Jackson. Bondscoach Rintje Ritsma sprak van een droomrit.',
      'Leerdam richt zich nu op de Olympische Spelen in Milaan. Ook Joy Beune reed een persoonlijk record.',
    ],
    people: ['Jutta Leerdam', 'Erin Jackson', 'Rintje Ritsma', 'Joy Beune'],
    tags: ['Salt Lake City', 'Olympische Spelen', 'Milaan', 'Verenigde Staten'],
  },
  {
    id: 'eco-ecb',
    headline: 'ECB houdt rente gelijk',
    place: 'FRANKFURT',
    body: [
      'De Europese Centrale Bank laat de rente ongewijzigd. ECB-president Christine Lagarde zei dat de inflatie onder controle is.',
      'De Amerikaanse centrale bank Federal Reserve verlaagde vorige week nog de rente. Fed-voorzitter Jerome Powell kreeg daarvoor lof van Trump.',
      'DNB-president Olaf Sleijpen waarschuwt voor de gevolgen van handelsoorlogen voor Nederland.',
    ],
    people: ['Christine Lagarde', 'Jerome Powell', 'Donald Trump', 'Olaf Sleijpen'],
    tags: ['Europese Centrale Bank', 'Federal Reserve', 'De Nederlandsche Bank', 'Nederland', 'Frankfurt', 'Verenigde Staten'],
  },
  {
    id: 'eco-asml',
    headline: 'ASML verwacht minder groei door exportregels',
    place: 'VELDHOVEN',
    body: [
      'Chipmachinemaker ASML verwacht volgend jaar minder groei door strengere Amerikaanse exportregels voor China.',
      'Topman Christophe Fouquet zei dat de vraag uit Azië sterk blijft. Het ministerie van Economische Zaken volgt de gevolgen voor de Brainport-regio.',
      'Analist Jos Versteeg van Innovest verwacht dat Fouquet de prognose later bijstelt.',
    ],
    people: ['Christophe Fouquet', 'Jos Versteeg'],
    tags: ['ASML', 'Verenigde Staten', 'China', 'Azië', 'Veldhoven', 'Innovest'],
  },
  {
    id: 'eco-woningen',
    headline: 'Huizenprijzen stijgen harder dan verwacht',
    place: 'DEN HAAG',
    body: [
      'De huizenprijzen zijn in het derde kwartaal met ruim acht procent gestegen, meldt het Centraal Bureau voor de Statistiek.',
      'Volgens econoom Marieke Blom van ING komt dat door het tekort aan woningen. Minister Mona Keijzer wil sneller bouwen.',
      'In Amsterdam en Utrecht is een gemiddeld huis inmiddels meer dan een half miljoen euro waard.',
    ],
    people: ['Marieke Blom', 'Mona Keijzer'],
    tags: ['Centraal Bureau voor de Statistiek', 'ING', 'Amsterdam', 'Utrecht', 'Den Haag'],
  },
  {
    id: 'cul-festival',
    headline: 'Holland Festival opent met nieuwe opera',
    place: 'AMSTERDAM',
    body: [
      'Het Holland Festival is geopend met een nieuwe opera van componist Michel van der Aa in het Muziektheater.',
      'Directeur Emily Ansenk sprak van een recordaantal bezoekers. Ook Sail Amsterdam en Pride Amsterdam trekken deze zomer veel publiek.',
      'Dat meldt verslaggever Tom Kuipers. Burgemeester Femke Halsema was bij de opening.',
    ],
    people: ['Michel van der Aa', 'Emily Ansenk', 'Femke Halsema'],
    tags: ['Holland Festival', 'Muziektheater', 'Amsterdam', 'Sail Amsterdam', 'Pride Amsterdam'],
  },
  {
    id: 'cul-museum',
    headline: 'Rijksmuseum koopt zelfportret van Rembrandt',
    place: 'AMSTERDAM',
    body: [
      'Het Rijksmuseum heeft met steun van de Vereniging Rembrandt een vroeg zelfportret van Rembrandt van Rijn gekocht.',
      'Directeur Taco Dibbits noemt het "een wonder dat dit schilderij nog bestond". Het werk hing lang in een Schots kasteel.',
      'Minister Eppo Bruins van Onderwijs, Cultuur en Wetenschap droeg vijf miljoen euro bij.',
    ],
    people: ['Rembrandt van Rijn', 'Taco Dibbits', 'Eppo Bruins'],
    tags: ['Rijksmuseum', 'Vereniging Rembrandt', 'Amsterdam', 'Schotland'],
  },
  {
    id: 'bin-boer',
    headline: 'Boeren protesteren tegen stikstofplannen',
    place: 'ZWOLLE',
    body: [
      'De boer die zijn land verloor, stapt naar de rechter. Honderden boeren protesteerden maandag in Zwolle tegen de stikstofplannen van de provincie Overijssel.',
      'De jonge melkveehouder Gerrit Kamphuis zei dat hij zijn bedrijf moet sluiten. Gedeputeerde Eelco Eerenberg wil in gesprek blijven.',
      'Minister Femke Wiersma van Landbouw belooft extra geld. LTO Nederland noemt dat onvoldoende.',
    ],
    people: ['Gerrit Kamphuis', 'Eelco Eerenberg', 'Femke Wiersma'],
    tags: ['Zwolle', 'Overijssel', 'LTO Nederland', 'Nederland'],
  },
  {
    id: 'bin-politie',
    headline: 'Politie pakt drugsbende op in Rotterdamse haven',
    place: 'ROTTERDAM',
    body: [
      'De politie heeft in de haven van Rotterdam zeven verdachten opgepakt van een internationale drugsbende.',
      'Er werd ruim tweeduizend kilo cocaïne gevonden in een container uit Ecuador. Het Openbaar Ministerie spreekt van een grote slag.',
      'Burgemeester Carola Schouten wil meer controles. Havenbedrijf Rotterdam werkt mee aan het onderzoek, zegt woordvoerder Sander de Wit.',
    ],
    people: ['Carola Schouten', 'Sander de Wit'],
    tags: ['Rotterdam', 'Ecuador', 'Openbaar Ministerie', 'Havenbedrijf Rotterdam', 'Politie'],
  },
];

export const HELD_OUT: TagStory[] = [
  {
    id: 'h-pol-defensie',
    headline: 'Brekelmans wil meer geld voor luchtverdediging',
    place: 'DEN HAAG',
    body: [
      'Minister Ruben Brekelmans van Defensie wil volgend jaar een miljard euro extra uitgeven aan luchtverdediging.',
      'Dat zei hij na overleg met NAVO-chef Mark Rutte. Volgens Rutte moeten alle bondgenoten meer doen.',
      'De SP noemt het plan onverantwoord. Kamerlid Jasper van Dijk wil dat het geld naar de zorg gaat.',
      'Brekelmans verwacht dat de Tweede Kamer in december stemt.',
    ],
    people: ['Ruben Brekelmans', 'Mark Rutte', 'Jasper van Dijk'],
    tags: ['NAVO', 'SP', 'Tweede Kamer', 'Den Haag', 'Nederland'],
  },
  {
    id: 'h-bui-iran',
    headline: 'Iran en Europese landen praten weer over atoomprogramma',
    place: 'GENÈVE',
    body: [
      'Diplomaten van Iran, Frankrijk, Duitsland en het Verenigd Koninkrijk zijn in Genève opnieuw in gesprek over het Iraanse atoomprogramma.',
      'De Iraanse minister van Buitenlandse Zaken Abbas Araghchi leidt de delegatie. IAEA-directeur Rafael Grossi wil weer inspecteurs toelaten.',
      'De Franse president Macron zegt dat de tijd dringt. Het Israëlische leger houdt de gesprekken nauwlettend in de gaten.',
    ],
    people: ['Abbas Araghchi', 'Rafael Grossi', 'Emmanuel Macron'],
    // `Internationaal Atoomenergieagentschap` is the IAEA's canonical name: first labelled only as `IAEA` (a label error).
    tags: ['Iran', 'Frankrijk', 'Duitsland', 'Verenigd Koninkrijk', 'Genève', 'IAEA', 'Internationaal Atoomenergieagentschap', 'Israël'],
  },
  {
    id: 'h-bui-duitsland',
    headline: 'Merz overleeft vertrouwensstemming',
    place: 'BERLIJN',
    body: [
      'Bondskanselier Friedrich Merz heeft een vertrouwensstemming in de Bondsdag overleefd.',
      'Vicekanselier Lars Klingbeil van de SPD steunde hem, ondanks onenigheid over de begroting. AfD-leider Alice Weidel sprak van een schijnvertoning.',
      'Kanselier Merz wil nu snel verder met de hervorming van de Bundeswehr, zei zijn woordvoerder Stefan Kornelius.',
    ],
    people: ['Friedrich Merz', 'Lars Klingbeil', 'Alice Weidel', 'Stefan Kornelius'],
    tags: ['Bondsdag', 'SPD', 'AfD', 'Bundeswehr', 'Berlijn', 'Duitsland'],
  },
  {
    id: 'h-sport-tennis',
    headline: 'Griekspoor stunt tegen Alcaraz in Rotterdam',
    place: 'ROTTERDAM',
    body: [
      'Tallon Griekspoor heeft in Ahoy de als eerste geplaatste Carlos Alcaraz verslagen. De Nederlander won in drie sets.',
      'Toernooidirecteur Richard Krajicek sprak van "een historische avond". Griekspoor treft in de halve finale de Italiaan Jannik Sinner.',
      'Alcaraz zei dat hij last had van zijn enkel.',
    ],
    people: ['Tallon Griekspoor', 'Carlos Alcaraz', 'Richard Krajicek', 'Jannik Sinner'],
    tags: ['Ahoy', 'Rotterdam', 'Italië', 'Nederland'],
  },
  {
    id: 'h-sport-voetbal',
    headline: 'Oranje plaatst zich voor WK',
    place: 'AMSTERDAM',
    body: [
      'Het Nederlands elftal heeft zich geplaatst voor het WK in de Verenigde Staten, Canada en Mexico.',
      'Cody Gakpo en Memphis Depay scoorden in de Johan Cruijff ArenA tegen Litouwen. Aanvoerder Virgil van Dijk was tevreden.',
      'Bondscoach Ronald Koeman zei dat de ploeg "nog beter kan". De KNVB begint meteen met de voorbereiding.',
    ],
    people: ['Cody Gakpo', 'Memphis Depay', 'Virgil van Dijk', 'Ronald Koeman'],
    tags: ['Verenigde Staten', 'Canada', 'Mexico', 'Johan Cruijff ArenA', 'Litouwen', 'KNVB', 'Amsterdam', 'Nederland', 'Oranje', 'WK'],
  },
  {
    id: 'h-eco-shell',
    headline: 'Shell schrapt honderden banen',
    place: 'LONDEN',
    body: [
      'Olie- en gasbedrijf Shell schrapt wereldwijd ruim vijfhonderd banen, waarvan een deel in Den Haag en Amsterdam.',
      'Topman Wael Sawan wil de kosten verder verlagen. Vakbond FNV noemt het besluit onbegrijpelijk, zegt bestuurder Joost van der Velden.',
      'Het ministerie van Economische Zaken zegt de gevolgen te volgen. Shell maakte vorig jaar miljarden winst.',
    ],
    people: ['Wael Sawan', 'Joost van der Velden'],
    tags: ['Shell', 'FNV', 'Den Haag', 'Amsterdam', 'Londen'],
  },
  {
    id: 'h-cul-muziek',
    headline: 'André Rieu geeft extra concerten op het Vrijthof',
    place: 'MAASTRICHT',
    body: [
      'Violist André Rieu geeft deze zomer vier extra concerten op het Vrijthof in Maastricht.',
      'De eerste reeks was binnen een uur uitverkocht, meldt zijn organisatie. Rieu zei "overweldigd" te zijn.',
      'Wethouder Hilde Vluggen is blij met de bezoekers. In het Verdrag van Maastricht werd de stad ooit wereldberoemd, maar nu is het de muziek.',
    ],
    people: ['André Rieu', 'Hilde Vluggen'],
    tags: ['Vrijthof', 'Maastricht', 'Verdrag van Maastricht'],
  },
  {
    id: 'h-bin-weer',
    headline: 'Storm zorgt voor chaos op Schiphol',
    place: 'SCHIPHOL',
    body: [
      'Door zware windstoten zijn op Schiphol meer dan tweehonderd vluchten geschrapt. Ook KLM schrapte tientallen vluchten naar Londen en Parijs.',
      'Het KNMI gaf code oranje af voor de kustprovincies. Meteoroloog Wouter van Bernebeek verwacht dat de storm zaterdag afneemt.',
      'Rijkswaterstaat sloot de Afsluitdijk voor vrachtverkeer. De NS reed minder treinen tussen Amsterdam en Den Haag.',
    ],
    people: ['Wouter van Bernebeek'],
    tags: ['Schiphol', 'KLM', 'Londen', 'Parijs', 'KNMI', 'Rijkswaterstaat', 'Afsluitdijk', 'NS', 'Amsterdam', 'Den Haag'],
  },
];
