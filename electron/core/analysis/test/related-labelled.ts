import type { SeedStory } from './seeds';

// A labelled set for related-story suggestions (docs/QUALITY.md, "Related stories and
// search"): short Dutch wire-style stories written for Kroniek, in four worlds (sport,
// economy, domestic politics, foreign news), grouped by event, some events with three or
// four stories. The traps are on purpose: a footballer named De Jong beside Kim Jong-un,
// a central-bank story beside a North Korea story, `geweldig` beside `geweld`, presidents
// and ministers in every world. No third-party text.

export type World = 'sport' | 'economie' | 'binnenland' | 'buitenland';

export interface LabelledRelatedStory extends SeedStory {
  world: World;
  /** Stories of the same event are the right suggestions for each other. */
  event: string;
  /** `YYYY-MM-DD`, or null (unknown). */
  date: string | null;
}

function story(id: string, world: World, event: string, date: string | null, headline: string, place: string, paragraphs: string[], kind: 'article' | 'brief' = 'article'): LabelledRelatedStory {
  return { id, kind, world, event, date, headline, dateline: { place, agencies: ['ANP'] }, body: paragraphs.map((text) => ({ type: 'paragraph', text })) };
}

export const RELATED_LABELLED: LabelledRelatedStory[] = [
  // ---- sport ---------------------------------------------------------------
  story('klassieker-1', 'sport', 'klassieker', '2026-02-01', 'Feyenoord wint Klassieker van Ajax met 3-1', 'ROTTERDAM', [
    'Feyenoord heeft zondag de Klassieker tegen Ajax met 3-1 gewonnen. In een uitverkochte Kuip scoorde spits Ayase Ueda twee keer, de derde treffer kwam van Quinten Timber.',
    'Ajax kwam in de eerste helft nog op voorsprong via een kopbal van Wout Weghorst. Na rust was Feyenoord veel sterker. Trainer Robin van Persie sprak na afloop van een geweldige avond voor de club.',
  ]),
  story('klassieker-2', 'sport', 'klassieker', '2026-02-02', 'Ajax-trainer onder vuur na nederlaag in De Kuip', 'AMSTERDAM', [
    'De trainer van Ajax ligt onder vuur na de 3-1 nederlaag tegen Feyenoord. Supporters floten de spelers na de Klassieker uit en eisten zijn vertrek.',
    'Technisch directeur Alex Kroes sprak zijn steun uit. "We hebben vertrouwen in de staf", zei Kroes maandag. Ajax zakt door de nederlaag naar de vijfde plaats in de Eredivisie.',
  ]),
  story('klassieker-3', 'sport', 'klassieker', '2026-02-02', 'Feyenoord klimt naar tweede plaats', 'ROTTERDAM', [
    'Door de zege in de Klassieker is Feyenoord geklommen naar de tweede plaats in de Eredivisie. De Rotterdammers hebben vier punten minder dan koploper PSV.',
    'Doelpuntenmaker Ueda is na zijn twee treffers tegen Ajax topscorer van de competitie.',
  ], 'brief'),

  story('oranje-1', 'sport', 'oranje-wk', '2026-03-27', 'Oranje plaatst zich voor WK na zege op Polen', 'WARSCHAU', [
    'Het Nederlands elftal heeft zich geplaatst voor het WK van deze zomer. Oranje won in Warschau met 2-0 van Polen. Cody Gakpo en Memphis Depay scoorden.',
    'Bondscoach Ronald Koeman was tevreden over zijn ploeg. Middenvelder Frenkie de Jong speelde de hele wedstrijd en was volgens Koeman de beste man op het veld.',
  ]),
  story('oranje-2', 'sport', 'oranje-wk', '2026-03-29', 'Frenkie de Jong mist oefenduel met blessure', 'ZEIST', [
    'Frenkie de Jong mist de oefenwedstrijd van Oranje tegen Duitsland. De middenvelder van FC Barcelona liep in het WK-kwalificatieduel met Polen een lichte enkelblessure op.',
    'Bondscoach Koeman roept geen vervanger op. De Jong blijft bij de selectie in Zeist om te herstellen, meldt de KNVB.',
  ]),
  story('oranje-3', 'sport', 'oranje-wk', '2026-03-30', 'Koeman wil met Oranje om de wereldtitel spelen', 'ZEIST', [
    'Bondscoach Ronald Koeman zegt dat Oranje op het WK om de titel kan spelen. "Met deze selectie hoeven we voor niemand bang te zijn", zei Koeman op het trainingscomplex van de KNVB.',
    'Koeman maakt in mei zijn definitieve selectie voor het toernooi bekend. Hij rekent daarbij op Frenkie de Jong, Virgil van Dijk en Cody Gakpo.',
  ]),

  story('tour-1', 'sport', 'tour', '2026-07-14', 'Vingegaard wint koninginnenrit in de Alpen', 'COL DU GALIBIER', [
    'Jonas Vingegaard heeft de koninginnenrit van de Tour de France gewonnen. De Deen reed op de Galibier weg bij Tadej Pogačar en kwam met ruim een minuut voorsprong boven.',
    'Vingegaard neemt de gele trui over. "Dit is een geweldig gevoel, de ploeg heeft fantastisch werk gedaan", zei hij na de etappe.',
  ]),
  story('tour-2', 'sport', 'tour', '2026-07-15', 'Pogačar geeft Tour nog niet op na verlies van gele trui', 'BRIANÇON', [
    'Tadej Pogačar geeft zich nog niet gewonnen in de Tour de France. De Sloveen verloor dinsdag de gele trui aan Jonas Vingegaard, maar zegt dat de strijd in de laatste bergetappes wordt beslist.',
    'Zijn ploegleider noemde het verlies op de Galibier een tegenvaller. De renners hebben woensdag een rustdag.',
  ]),

  // ---- economie ------------------------------------------------------------
  story('ecb-1', 'economie', 'ecb-rente', '2026-04-16', 'ECB verlaagt rente opnieuw met kwart procentpunt', 'FRANKFURT', [
    'De Europese Centrale Bank verlaagt de rente opnieuw met een kwart procentpunt. De depositorente komt daarmee op 1,75 procent, maakte de centrale bank donderdag in Frankfurt bekend.',
    'ECB-president Christine Lagarde wees op de dalende inflatie in de eurozone en de zwakke economische groei. Volgens economen volgt in juni nog een renteverlaging.',
  ]),
  story('ecb-2', 'economie', 'ecb-rente', '2026-04-16', 'Knot: renteverlaging ECB was verstandig besluit', 'AMSTERDAM', [
    'DNB-president Klaas Knot noemt de renteverlaging van de ECB een verstandig besluit. De inflatie in de eurozone daalt sneller dan verwacht, zei de president van De Nederlandsche Bank.',
    'Knot waarschuwde wel dat de centrale bank voorzichtig moet blijven. De lonen stijgen nog altijd snel, wat de inflatie weer kan aanjagen.',
  ]),
  story('ecb-3', 'economie', 'ecb-rente', '2026-04-17', 'Spaarders merken weinig van lagere ECB-rente', 'UTRECHT', [
    'Banken verlagen na het rentebesluit van de Europese Centrale Bank de spaarrente. ING en Rabobank gaan volgende maand omlaag naar 1,25 procent, ABN AMRO volgt.',
    'Voor huizenkopers is het effect kleiner: de hypotheekrente hangt vooral af van de rente op de kapitaalmarkt, zeggen economen.',
  ]),
  story('ecb-4', 'economie', 'ecb-rente', '2026-04-16', 'Euro daalt na rentebesluit in Frankfurt', 'FRANKFURT', [
    'De euro is donderdag gedaald na het rentebesluit van de ECB. De munt zakte tegenover de dollar naar het laagste punt in drie maanden. Beleggers rekenen op meer renteverlagingen door de centrale bank.',
  ], 'brief'),

  story('shell-1', 'economie', 'shell', '2026-05-02', 'Shell boekt lagere winst door gedaalde olieprijs', 'LONDEN', [
    'Olie- en gasconcern Shell heeft in het eerste kwartaal minder winst geboekt. De aangepaste winst daalde tot 5,6 miljard dollar, vooral door de lagere olieprijs en zwakke raffinagemarges.',
    'Topman Wael Sawan houdt vast aan de inkoop van eigen aandelen voor 3,5 miljard dollar. Beleggers reageerden teleurgesteld: het aandeel zakte op de beurs in Amsterdam.',
  ]),
  story('shell-2', 'economie', 'shell', '2026-05-02', 'Aandeel Shell zakt op Damrak na kwartaalcijfers', 'AMSTERDAM', [
    'Het aandeel Shell is donderdag op het Damrak flink gezakt na tegenvallende kwartaalcijfers. Analisten hadden op een hogere winst gerekend.',
    'Ook andere oliebedrijven stonden onder druk door de gedaalde olieprijs. De AEX sloot licht lager.',
  ]),
  story('shell-3', 'economie', 'shell', '2026-05-03', 'Sawan: Shell blijft investeren in gas', 'LONDEN', [
    'Shell blijft fors investeren in vloeibaar aardgas, zegt topman Wael Sawan een dag na de kwartaalcijfers. Volgens Sawan blijft de vraag naar lng in Azië groeien.',
    'Milieuorganisaties verwijten het olieconcern dat het zijn klimaatdoelen loslaat. Shell wijst op investeringen in laadpalen en biobrandstoffen.',
  ]),

  story('huizen-1', 'economie', 'woningmarkt', '2026-06-20', 'Huizenprijzen stijgen naar nieuw record', 'DEN HAAG', [
    'Koopwoningen waren in mei gemiddeld 9 procent duurder dan een jaar eerder, meldt het CBS. De gemiddelde verkoopprijs kwam daarmee op een record van ruim 470.000 euro.',
    'Door de krappe woningmarkt en de gedaalde hypotheekrente kunnen kopers meer lenen, zeggen makelaars. Het aantal verkochte huizen nam toe.',
  ]),
  story('huizen-2', 'economie', 'woningmarkt', '2026-06-21', 'NVM: starter kansloos op krappe woningmarkt', 'NIEUWEGEIN', [
    'Starters komen op de woningmarkt nauwelijks aan de bak, zegt makelaarsvereniging NVM. In de grote steden wordt voor vrijwel elke koopwoning overboden.',
    'De NVM pleit voor snellere bouw van betaalbare woningen. Het aanbod van te koop staande huizen is het laagste in jaren.',
  ]),
  story('huizen-3', 'economie', 'woningmarkt', '2026-06-22', 'Hypotheekrente daalt verder', 'AMSTERDAM', [
    'Meerdere geldverstrekkers verlagen deze week hun hypotheekrente. Een hypotheek met tien jaar rentevaste periode is daardoor goedkoper dan in maanden, wat de huizenprijzen verder kan opdrijven.',
  ], 'brief'),

  // ---- binnenland ----------------------------------------------------------
  story('asiel-1', 'binnenland', 'asielwet', '2026-01-20', 'Kamer stemt in met strengere asielwet', 'DEN HAAG', [
    'De Tweede Kamer heeft dinsdag ingestemd met de strengere asielwet van minister Marjolein Faber. De wet schaft de permanente verblijfsvergunning voor asielzoekers af en beperkt gezinshereniging.',
    'De oppositie noemt de wet onuitvoerbaar. De Raad van State had eerder kritiek op de plannen. De Eerste Kamer moet zich nog over de wet uitspreken.',
  ]),
  story('asiel-2', 'binnenland', 'asielwet', '2026-01-21', 'Gemeenten vrezen drukte in opvang door asielwet', 'UTRECHT', [
    'Gemeenten vrezen dat de nieuwe asielwet de opvang verder onder druk zet. Volgens de Vereniging van Nederlandse Gemeenten blijven asielzoekers door de strengere regels langer in azc\'s wachten.',
    'Het COA meldt dat de opvang in Ter Apel opnieuw vol zit. Minister Faber zegt dat de wet de instroom juist zal beperken.',
  ]),
  story('asiel-3', 'binnenland', 'asielwet', '2026-01-23', 'Senaat wil snel debat over asielwet Faber', 'DEN HAAG', [
    'De Eerste Kamer wil nog voor de zomer debatteren over de asielwet van minister Faber. Meerdere senaatsfracties twijfelen of de wet past binnen Europese afspraken over gezinshereniging.',
  ], 'brief'),
  story('asiel-4', 'binnenland', 'asielwet', '2026-01-22', 'Vluchtelingenwerk stapt naar rechter om asielwet', 'AMSTERDAM', [
    'VluchtelingenWerk Nederland wil de strengere asielwet bij de rechter aanvechten als de Eerste Kamer de wet aanneemt. Het afschaffen van de permanente verblijfsvergunning strijdt volgens de organisatie met het Europees recht.',
    'Minister Faber zegt de rechtsgang met vertrouwen af te wachten.',
  ]),

  story('zorg-1', 'binnenland', 'zorgpremie', '2026-11-12', 'Zorgpremie stijgt volgend jaar met zes euro per maand', 'ZEIST', [
    'De zorgpremie gaat volgend jaar gemiddeld met zes euro per maand omhoog. Zorgverzekeraars CZ, VGZ, Menzis en Zilveren Kruis maakten hun premies dinsdag bekend.',
    'Volgens Zorgverzekeraars Nederland komt de stijging door hogere lonen in de zorg en duurdere geneesmiddelen. Het eigen risico blijft 385 euro.',
  ]),
  story('zorg-2', 'binnenland', 'zorgpremie', '2026-11-13', 'Consumentenbond: vergelijk zorgverzekering voor overstappen', 'DEN HAAG', [
    'De Consumentenbond roept verzekerden op hun zorgverzekering te vergelijken nu de premies stijgen. Wie overstapt kan tot tweehonderd euro per jaar besparen.',
    'Verzekerden kunnen tot 31 december van zorgverzekeraar wisselen.',
  ], 'brief'),
  story('zorg-3', 'binnenland', 'zorgpremie', '2026-11-14', 'Kamer wil compensatie voor hogere zorgpremie', 'DEN HAAG', [
    'Een meerderheid in de Tweede Kamer wil dat het kabinet huishoudens met een laag inkomen compenseert voor de hogere zorgpremie. De zorgtoeslag moet omhoog, vinden onder meer GroenLinks-PvdA en het CDA.',
    'De minister van Volksgezondheid zegt naar de koopkracht te kijken, maar wijst op de krappe begroting.',
  ]),

  story('stikstof-1', 'binnenland', 'stikstof', '2026-09-08', 'Boeren blokkeren snelwegen uit protest tegen stikstofplannen', 'ARNHEM', [
    'Honderden boeren hebben maandag met trekkers snelwegen in Gelderland en Overijssel geblokkeerd. Ze protesteren tegen de nieuwe stikstofplannen van de provincies, die veehouders rond natuurgebieden willen uitkopen.',
    'De politie greep in bij een blokkade van de A12. Farmers Defence Force kondigt meer acties aan.',
  ]),
  story('stikstof-2', 'binnenland', 'stikstof', '2026-09-09', 'Provincies houden vast aan uitkoop veehouders', 'ZWOLLE', [
    'De provincies Gelderland en Overijssel houden vast aan hun plan om veehouders bij kwetsbare natuurgebieden uit te kopen. De stikstofuitstoot moet omlaag om de natuur te herstellen, zegt gedeputeerde Peter Drenth.',
    'Boerenorganisatie LTO noemt de plannen een bedreiging voor het platteland.',
  ]),
  story('stikstof-3', 'binnenland', 'stikstof', '2026-09-09', 'Landbouwminister praat met boeren over stikstof', 'DEN HAAG', [
    'De landbouwminister gaat donderdag met boerenorganisaties praten over de stikstofplannen. Na de trekkerprotesten op de snelwegen wil het kabinet de spanning wegnemen.',
  ], 'brief'),

  // ---- buitenland ----------------------------------------------------------
  story('raket-1', 'buitenland', 'noord-korea-raket', '2026-03-05', 'Noord-Korea vuurt ballistische raket af boven Japan', 'SEOUL', [
    'Noord-Korea heeft woensdag een ballistische raket afgevuurd die over Japan vloog. De Japanse regering riep inwoners van Hokkaido op te schuilen. De raket kwam volgens Tokio in de Stille Oceaan neer.',
    'Leider Kim Jong-un keek volgens het staatspersbureau KCNA toe bij de lancering. Zuid-Korea en de Verenigde Staten noemen de test een ernstige provocatie.',
  ]),
  story('raket-2', 'buitenland', 'noord-korea-raket', '2026-03-05', 'Japan en Zuid-Korea vragen spoedberaad VN-Veiligheidsraad', 'TOKIO', [
    'Japan en Zuid-Korea willen dat de VN-Veiligheidsraad bijeenkomt over de Noord-Koreaanse rakettest. Premier van Japan noemde de lancering boven Hokkaido onaanvaardbaar.',
    'Ook Washington veroordeelt de test. Pyongyang voert dit jaar al de vijfde raketproef uit, in strijd met resoluties van de Verenigde Naties.',
  ]),
  story('raket-3', 'buitenland', 'noord-korea-raket', '2026-03-06', 'Kim Jong-un belooft meer raketten', 'PYONGYANG', [
    'De Noord-Koreaanse leider Kim Jong-un belooft meer raketten te laten bouwen. Na de test van woensdag zei Kim volgens het staatspersbureau KCNA dat het land zijn kernwapens verder zal versterken.',
    'Zuid-Korea plaatst zijn leger in verhoogde staat van paraatheid.',
  ], 'brief'),
  story('raket-4', 'buitenland', 'noord-korea-raket', '2026-03-07', 'Zuid-Korea en VS houden oefening na Noord-Koreaanse raket', 'SEOUL', [
    'Zuid-Korea en de Verenigde Staten houden een gezamenlijke militaire oefening als antwoord op de Noord-Koreaanse rakettest. Gevechtsvliegtuigen vlogen in formatie boven de Gele Zee.',
    'Pyongyang noemt de oefening een voorbereiding op een invasie en dreigt met nieuwe raketlanceringen.',
  ]),

  story('gaza-1', 'buitenland', 'gaza', '2026-10-10', 'Israël en Hamas stemmen in met bestand in Gaza', 'JERUZALEM', [
    'Israël en Hamas hebben ingestemd met een bestand in de Gazastrook. Het bestand gaat vrijdag in en moet leiden tot de vrijlating van gijzelaars en Palestijnse gevangenen.',
    'Bemiddelaars Egypte en Qatar spreken van een doorbraak na maanden van geweld. Hulporganisaties willen zo snel mogelijk voedsel en medicijnen de Gazastrook in brengen.',
  ]),
  story('gaza-2', 'buitenland', 'gaza', '2026-10-11', 'Eerste hulpkonvooien rijden Gaza binnen', 'KAIRO', [
    'De eerste vrachtwagens met hulpgoederen zijn via de grensovergang Rafah de Gazastrook binnengereden. Volgens de VN is de nood onder de bevolking na het geweld van de afgelopen maanden enorm.',
    'Egypte zegt dat dagelijks honderden vrachtwagens kunnen volgen zolang het bestand standhoudt.',
  ]),
  story('gaza-3', 'buitenland', 'gaza', '2026-10-12', 'Hamas laat eerste gijzelaars vrij', 'TEL AVIV', [
    'Hamas heeft de eerste gijzelaars vrijgelaten onder het bestand met Israël. Het Rode Kruis bracht hen over de grens, waarna Israël Palestijnse gevangenen vrijliet.',
    'In Tel Aviv werden de vrijgelaten gijzelaars met gejuich ontvangen.',
  ], 'brief'),

  story('kyiv-1', 'buitenland', 'oekraine-drones', '2026-08-03', 'Rusland bestookt Kyiv met honderden drones', 'KYIV', [
    'Rusland heeft Kyiv in de nacht van zaterdag op zondag aangevallen met honderden drones en raketten. Volgens de Oekraïense luchtmacht werden de meeste onderschept. In de hoofdstad vielen zeker vier doden.',
    'President Volodymyr Zelensky riep de westerse bondgenoten op meer luchtafweer te leveren.',
  ]),
  story('kyiv-2', 'buitenland', 'oekraine-drones', '2026-08-04', 'Zelensky vraagt om meer luchtafweer na aanval op Kyiv', 'KYIV', [
    'De Oekraïense president Zelensky heeft na de zware Russische aanval op Kyiv om meer Patriot-systemen gevraagd. "Elke dag dat we wachten kost levens", zei Zelensky in zijn avondtoespraak.',
    'Duitsland zegt een extra luchtafweersysteem te leveren.',
  ]),
  story('kyiv-3', 'buitenland', 'oekraine-drones', '2026-08-04', 'Stroomuitval in Kyiv na droneaanval', 'KYIV', [
    'Grote delen van Kyiv zitten zonder stroom na de Russische droneaanval op de energie-infrastructuur. Reparatieploegen werken aan het herstel, meldt het Oekraïense energiebedrijf.',
  ], 'brief'),
];
