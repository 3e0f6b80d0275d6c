import type { Translation } from '../../i18n/resources';
import type { errorsEn } from './en';

/** The `errors` namespace in Dutch. */
export const errorsNl: Translation<typeof errorsEn> = {
  'invalid-input': 'De invoer is niet geldig.',
  'unknown-method': 'Deze versie van Kroniek kent die handeling niet.',
  'not-found': 'Dat staat niet (meer) in de bibliotheek.',
  conflict: 'Dat botst met de huidige toestand van de bibliotheek.',
  'read-only': 'De bibliotheek is alleen-lezen geopend; er kan niets worden gewijzigd.',
  unsupported: 'Dat kan hier niet.',
  'too-large': 'Dat is te groot.',
  forbidden: 'Dat mag niet.',
  locked: 'Een andere Kroniek gebruikt deze bibliotheek.',
  internal: 'Er ging iets mis in Kroniek.',
  'reason.library.readOnly': 'De bibliotheek is alleen-lezen geopend; er kan niets worden gewijzigd.',
  'reason.history.changedSince_undo': '„{{label}}” kan niet ongedaan worden gemaakt: dat deel van de bibliotheek is sindsdien gewijzigd.',
  'reason.history.changedSince_redo': '„{{label}}” kan niet opnieuw worden gedaan: dat deel van de bibliotheek is sindsdien gewijzigd.',
  'reason.stories.missing_one': 'Het gekozen verhaal staat niet meer in de bibliotheek.',
  'reason.stories.missing_other': '{{count, number}} van de gekozen verhalen staan niet meer in de bibliotheek.',
  'reason.export.withdrawn_one': 'Dit dossier bevat een verhaal dat het persbureau heeft ingetrokken: laat het weg, of neem het op met een vermelding dat het is ingetrokken.',
  'reason.export.withdrawn_other': 'Dit dossier bevat {{count, number}} verhalen die het persbureau heeft ingetrokken: laat ze weg, of neem ze op met een vermelding dat ze zijn ingetrokken.',
  'reason.export.embargoed_one': 'Een verhaal in dit dossier staat onder embargo tot {{until}}. Exporteer daarna, of doorbreek het embargo uitdrukkelijk.',
  'reason.export.embargoed_other': '{{count, number}} verhalen in dit dossier staan onder embargo, het laatste tot {{until}}. Exporteer daarna, of doorbreek het embargo uitdrukkelijk.',
  'reason.import.touched_one': 'De import kan niet ongedaan worden gemaakt: {{count, number}} van de {{stories, number}} verhalen is intussen getagd, gedateerd, van een notitie voorzien, gekoppeld of in een dossier gezet. Verwijder in plaats daarvan de verhalen die je niet wilt.',
  'reason.import.touched_other': 'De import kan niet ongedaan worden gemaakt: {{count, number}} van de {{stories, number}} verhalen zijn intussen getagd, gedateerd, van een notitie voorzien, gekoppeld of in een dossier gezet. Verwijder in plaats daarvan de verhalen die je niet wilt.',
  'reason.watch.notAbsolute': 'Geef de map als volledig pad (vanaf de hoofdmap van de schijf), niet „{{path}}”.',
  'reason.watch.notAFolder_missing': 'Er is geen map op {{path}}.',
  'reason.watch.notAFolder_file': '{{path}} is een bestand, geen map: geef de aanlevermap waar het in staat.',
  'reason.export.incomplete_one': 'De tekst van een verhaal kan niet worden gelezen (een beschadigd inhoudsbestand): de export zou onvolledig zijn. Exporteer zonder dat verhaal alleen als u daarvoor kiest.',
  'reason.export.incomplete_other': 'De tekst van {{count, number}} verhalen kan niet worden gelezen (beschadigde inhoudsbestanden): de export zou onvolledig zijn. Exporteer zonder die verhalen alleen als u daarvoor kiest.',
};
