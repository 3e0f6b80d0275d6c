import type { BackupMessages } from './messages';

export const backupsNl: BackupMessages = {
  open: 'Reservekopieën…',
  title: 'Reservekopieën',
  intro:
    'Kroniek maakt reservekopieën van alles wat je bewerkt (labels, koppelingen, dossiers, notities, datums en verwijderingen), tijdens het werk en bij het afsluiten. De teksten van verhalen staan apart en veranderen na het importeren nooit.',
  listLabel: 'Reservekopieën, nieuwste eerst',
  made: 'Gemaakt',
  size: 'Grootte',
  bytes: (bytes) =>
    bytes < 1024
      ? `${bytes} B`
      : bytes < 1024 * 1024
        ? `${(bytes / 1024).toLocaleString('nl', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} KB`
        : `${(bytes / 1024 / 1024).toLocaleString('nl', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`,
  none: 'Nog geen reservekopieën. Kroniek maakt er een bij het openen van de bibliotheek en regelmatig tijdens het bewerken.',
  loading: 'Reservekopieën laden…',
  loadFailed: 'De reservekopieën konden niet worden opgehaald',
  newest: 'nieuwste',
  restore: 'Terugzetten…',
  restoreFor: (when) => `De reservekopie van ${when} terugzetten`,
  confirmTitle: 'Deze reservekopie terugzetten?',
  confirmBody: (when) =>
    `Je bibliotheek gaat terug naar hoe die was op ${when}: labels, koppelingen, dossiers, notities en verwijderingen van daarna worden teruggedraaid. Kroniek maakt eerst een reservekopie van de huidige toestand, zodat je daar via deze lijst naar terug kunt.`,
  confirmRestore: 'Reservekopie terugzetten',
  restoring: 'Terugzetten…',
  restored: (when) => `De reservekopie van ${when} is teruggezet. Van de toestand daarvoor is eerst een reservekopie gemaakt.`,
  restoreFailed: 'De reservekopie kon niet worden teruggezet',
  readOnlyNoRestore: 'De bibliotheek is alleen-lezen geopend, dus er kan nu niets worden teruggezet.',
  saveLibrary: 'Hele bibliotheek opslaan…',
  saveLibraryHint: 'Eén JSON-bestand met alle verhalen en alles wat je hebt bewerkt, om je bibliotheek te verhuizen of te bewaren.',
  savingLibrary: 'Bibliotheek opslaan…',
  librarySaved: (path, stories) => `${stories.toLocaleString('nl')} ${stories === 1 ? 'verhaal' : 'verhalen'} opgeslagen in ${path}.`,
  saveLibraryFailed: 'De bibliotheek kon niet worden opgeslagen',
  downloadLibrary: 'Hele bibliotheek downloaden',
  downloadingLibrary: 'Download voorbereiden…',
  libraryDownloaded: (fileName, stories) => `“${fileName}” gedownload met ${stories.toLocaleString('nl')} ${stories === 1 ? 'verhaal' : 'verhalen'}.`,
  importArchive: 'Bibliotheekarchief importeren…',
  importArchiveHint: 'Voeg de verhalen, labels, koppelingen en dossiers van een met “Hele bibliotheek opslaan” bewaarde bibliotheek aan deze toe.',
  importConfirmTitle: 'Bibliotheekarchief importeren?',
  importConfirmBody: [
    'Verhalen en labels worden toegevoegd; er wordt niets uit deze bibliotheek verwijderd of gewijzigd.',
    'Een label met dezelfde naam als een label hier (hoofdletters en accenten daargelaten) wordt dat label. Koppelingen, notities, datums en dossiers die deze bibliotheek nog niet heeft, worden toegevoegd; hebben beide een andere notitie of datum bij hetzelfde verhaal, dan blijft die van deze bibliotheek.',
    'Kroniek maakt eerst een reservekopie van de huidige toestand, zodat je daar via de lijst met reservekopieën naar terug kunt.',
  ],
  importChooseFile: 'Archiefbestand kiezen…',
  importChooseAndImport: 'Archief kiezen en importeren…',
  importFileLabel: 'Bibliotheekarchief (JSON-bestand)',
  importing: (fileName) => (fileName ? `“${fileName}” importeren… Bij een grote bibliotheek kan dat even duren.` : 'Kies het archief in het venster dat is geopend; Kroniek importeert het meteen daarna.'),
  importFailed: 'Het archief kon niet worden geïmporteerd',
  importTooLarge: (limitMb) =>
    `Dit archief is groter dan ${limitMb} MB, meer dan de browser in één keer kan versturen. Importeer het met de desktopapp of via de opdrachtregel (kroniek import-library BESTAND).`,
  importDoneTitle: 'Bibliotheekarchief geïmporteerd',
  importRestored: 'Deze bibliotheek was leeg en is nu een exacte kopie van het archief.',
  summaryStories: (added, present) => ['Verhalen', `${added.toLocaleString('nl')} toegevoegd, ${present.toLocaleString('nl')} stonden er al in`],
  summaryTags: (added, matched) => ['Labels', `${added} toegevoegd, ${matched} samengevoegd met een label met dezelfde naam`],
  summaryLinks: (added) => ['Koppelingen', `${added} toegevoegd`],
  summaryDossiers: (added) => ['Dossiers', `${added} toegevoegd`],
  summarySearches: (added) => ['Bewaarde zoekopdrachten', `${added} toegevoegd`],
  summaryConflicts: (kept) => [
    'Verschillen',
    kept === 0 ? 'geen' : `${kept} ${kept === 1 ? 'notitie, datum of koppeling wijkt' : 'notities, datums of koppelingen wijken'} af van die in deze bibliotheek; de versie van deze bibliotheek is gehouden`,
  ],
  backToBackups: 'Terug naar reservekopieën',
  importBackedUp: 'Er is niets uit deze bibliotheek verwijderd of gewijzigd. De toestand van vóór de import is de nieuwste reservekopie in de lijst.',
  close: 'Sluiten',
  back: 'Terug',
};
