import type { Messages } from './messages';
import { dossierFeatureNl } from '../features/dossiers/messages/nl';
import { searchNl } from '../features/search/messages/nl';
import { tagsNl } from '../features/tags/messages/nl';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('nl')} ${n === 1 ? one : many}`;

/** Dutch wording for the importer's rejection codes (the service words its reasons in English). */
const REJECT_REASONS: Record<string, string> = {
  empty: 'Het bestand is leeg of bevat alleen witruimte.',
  binary: 'Het bestand lijkt binair (geen tekst).',
  'too-large': 'Het bestand is te groot voor één verhaal.',
  'no-headline': 'Er is geen kop te herkennen: dit lijkt geen persbericht in het verwachte formaat.',
  'not-a-file': 'Dit is geen gewoon bestand (map, snelkoppeling of apparaat).',
  unreadable: 'Het bestand kon niet worden gelezen.',
};

export const nl: Messages = {
  ...tagsNl,
  ...searchNl,
  ...dossierFeatureNl,
  languageName: 'Nederlands',
  appName: 'Kroniek',
  skipToList: 'Naar de lijst met verhalen',
  skipToReader: 'Naar de lezer',

  sidebarLabel: 'Bibliotheek',
  libraryHeading: 'Bibliotheek',
  viewArticles: 'Berichten',
  viewBriefs: 'Korte berichten',
  countOf: (n) => plural(n, 'item', 'items'),
  languageLabel: 'Taal',

  importButton: 'Importeren…',
  importFolderButton: 'Map importeren…',
  listLabel: (view) => `Berichtenlijst: ${view}`,
  sortLabel: 'Sorteren op',
  sortDate: 'Datum',
  sortHeadline: 'Kop',
  sortPlace: 'Plaats',
  sortImported: 'Importmoment',
  sortAscending: 'Oplopend (klik voor aflopend)',
  sortDescending: 'Aflopend (klik voor oplopend)',
  storyCount: (shown, total) => (shown < total ? `${shown.toLocaleString('nl')} van ${plural(total, 'bericht', 'berichten')}` : plural(total, 'bericht', 'berichten')),
  loadingStories: 'Verhalen laden…',
  loadMore: 'Meer verhalen laden',
  loadingMore: 'Meer laden…',
  noDate: 'geen datum',
  briefAge: (age) => `vastgelegd ${age}`,
  emptyLibraryTitle: 'Je bibliotheek is leeg',
  emptyLibraryHelp: (dialog) =>
    dialog
      ? 'Kies Importeren… om persberichten toe te voegen (.txt-bestanden of een hele map), of sleep bestanden naar dit venster.'
      : 'Kies Importeren… om persberichten toe te voegen (.txt-bestanden), of sleep bestanden of mappen naar dit venster.',
  emptyViewTitle: (view) => `Nog geen ${view.toLowerCase()}`,
  emptyBriefsHelp: 'Korte berichten komen mee met geïmporteerde pagina’s: de korte items onder “Meer uit …” op de pagina.',
  listErrorTitle: 'De lijst met verhalen kon niet worden geladen',
  retry: 'Opnieuw proberen',

  readerLabel: 'Lezer',
  noSelectionTitle: 'Geen verhaal geopend',
  noSelectionHelp: 'Kies een verhaal in de lijst: klik erop, of ga er met de pijltjestoetsen (of j/k) naartoe en druk op Enter.',
  loadingStory: 'Verhaal laden…',
  storyErrorTitle: 'Dit verhaal kon niet worden geopend',
  kindBrief: 'Kort bericht',
  section: 'Rubriek',
  date: 'Datum',
  dateUnknown: 'onbekend',
  warningsHeading: 'Waarschuwingen bij het importeren',
  sourceHeading: 'Bron',
  sourceFile: 'Bestand',
  sourceSha: 'SHA-256',
  sourceImportedAt: 'Geïmporteerd',
  briefFromPage: 'Vastgelegd met de pagina van',
  openPage: 'Dat verhaal openen',
  emptyBody: 'Dit verhaal heeft geen tekst.',

  importing: (done, total) => `Importeren… ${done} van ${plural(total, 'bestand', 'bestanden')}`,
  importReading: 'Bestanden lezen…',
  importResultsTitle: 'Resultaat van de import',
  importTotals: (t) =>
    `${plural(t.files, 'bestand', 'bestanden')}: ${t.imported} geïmporteerd, ${t.duplicate} ${t.duplicate === 1 ? 'dubbel' : 'dubbele'}, ${t.rejected} geweigerd`,
  importBriefTotals: (imported, duplicate) => `Korte berichten: ${imported} geïmporteerd, ${duplicate} al in de bibliotheek`,
  statusImported: 'Geïmporteerd',
  statusDuplicate: 'Dubbel',
  statusRejected: 'Geweigerd',
  fileBriefs: (imported, duplicate) => `${plural(imported, 'kort bericht', 'korte berichten')} geïmporteerd${duplicate ? `, ${duplicate} al aanwezig` : ''}`,
  openStory: 'Openen',
  close: 'Sluiten',
  importFailed: 'Het importeren is mislukt',
  importNothingChosen: 'Er zaten geen .txt-bestanden in wat je hebt neergezet.',
  fileTooLarge: (mb) => `Het bestand is groter dan ${mb} MB, het maximum voor één verhaalbestand.`,
  fileUnreadable: 'Het bestand kon niet van schijf worden gelezen.',
  dropHere: 'Laat de bestanden los om ze te importeren',
  dropHint: '.txt-persberichten, of mappen waarin ze staan',

  rejectReason: (code, reason) => (code && code in REJECT_REASONS ? REJECT_REASONS[code] : reason),

  dismiss: 'Sluiten',

  startingUp: 'Bibliotheek openen…',
  startErrorTitle: 'De bibliotheek kon niet worden geopend',
  readOnly: 'Deze bibliotheek is alleen-lezen geopend: je kunt lezen en zoeken, maar niet importeren of bewerken.',
  errorPrefix: 'Fout',
};
