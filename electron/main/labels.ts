// The words the main process shows itself (menu, dialogs, startup errors), in
// Dutch or English after the system language, like the renderer.

export type Language = 'nl' | 'en';

/** Dutch for any Dutch locale (nl, nl-NL, nl-BE), English otherwise. */
export function languageFor(locale: string): Language {
  return /^nl(?:[-_]|$)/i.test(locale) ? 'nl' : 'en';
}

export interface MainLabels {
  file: string;
  importFiles: string;
  importFolder: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  view: string;
  window: string;
  help: string;
  about: string;
  importDialogTitle: string;
  textFiles: string;
  allFiles: string;
  saveDialogTitle: string;
  archiveDialogTitle: string;
  archiveFiles: string;
  startFailedTitle: string;
  startFailed: string;
  lockedMessage: string;
  /** The library was written by a newer Kroniek: its schema version `found`, this one reads up to `supported`. */
  newerLibrary: (found: number, supported: number) => string;
  openLinkTitle: string;
  openLinkQuestion: string;
  openMailQuestion: string;
  openLinkButton: string;
  cancel: string;
  crashTitle: string;
  crashMessage: string;
}

const en: MainLabels = {
  file: 'File',
  importFiles: 'Import Stories…',
  importFolder: 'Import Folder…',
  quit: 'Quit Kroniek',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  view: 'View',
  window: 'Window',
  help: 'Help',
  about: 'About Kroniek',
  importDialogTitle: 'Import wire stories',
  textFiles: 'Text files',
  allFiles: 'All files',
  saveDialogTitle: 'Save as',
  archiveDialogTitle: 'Import library archive',
  archiveFiles: 'Kroniek library archives (JSON)',
  startFailedTitle: 'Kroniek cannot open the library',
  startFailed: 'Kroniek could not open the library in',
  lockedMessage: 'Another Kroniek (the app, the web host or the command line) is using this library. Close it and start Kroniek again.',
  newerLibrary: (found, supported) => `This library was written by a newer Kroniek (schema version ${found}; this version reads up to ${supported}). Update Kroniek to open it.`,
  openLinkTitle: 'Open link',
  openLinkQuestion: 'Open this address in your browser? Check it first: the link text may say something else.',
  openMailQuestion: 'Write an e-mail to this address with your mail program?',
  openLinkButton: 'Open',
  cancel: 'Cancel',
  crashTitle: 'Kroniek stopped showing this window',
  crashMessage: 'The window crashed several times in a row, so Kroniek stopped reloading it. Your library is safe: every saved edit is on disk. Quit Kroniek and start it again.',
};

const nl: MainLabels = {
  file: 'Archief',
  importFiles: 'Verhalen importeren…',
  importFolder: 'Map importeren…',
  quit: 'Kroniek afsluiten',
  edit: 'Wijzig',
  undo: 'Ongedaan maken',
  redo: 'Opnieuw',
  view: 'Weergave',
  window: 'Venster',
  help: 'Help',
  about: 'Over Kroniek',
  importDialogTitle: 'Persberichten importeren',
  textFiles: 'Tekstbestanden',
  allFiles: 'Alle bestanden',
  saveDialogTitle: 'Bewaar als',
  archiveDialogTitle: 'Bibliotheekarchief importeren',
  archiveFiles: 'Kroniek-bibliotheekarchieven (JSON)',
  startFailedTitle: 'Kroniek kan de bibliotheek niet openen',
  startFailed: 'Kroniek kon de bibliotheek niet openen in',
  lockedMessage: 'Een andere Kroniek (de app, de webhost of de opdrachtregel) gebruikt deze bibliotheek. Sluit die en start Kroniek opnieuw.',
  newerLibrary: (found, supported) => `Deze bibliotheek is geschreven door een nieuwere Kroniek (schemaversie ${found}; deze versie leest tot en met ${supported}). Werk Kroniek bij om haar te openen.`,
  openLinkTitle: 'Link openen',
  openLinkQuestion: 'Dit adres openen in je browser? Controleer het eerst: de tekst van de link kan iets anders zeggen.',
  openMailQuestion: 'Een e-mail schrijven aan dit adres met je e-mailprogramma?',
  openLinkButton: 'Openen',
  cancel: 'Annuleren',
  crashTitle: 'Kroniek toont dit venster niet meer',
  crashMessage: 'Het venster liep een paar keer achter elkaar vast, dus Kroniek laadt het niet meer opnieuw. Je bibliotheek is veilig: elke bewaarde wijziging staat op schijf. Sluit Kroniek af en start het opnieuw.',
};

export function labelsFor(language: Language): MainLabels {
  return language === 'nl' ? nl : en;
}
