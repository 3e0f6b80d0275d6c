import type { Translation } from '../../i18n/resources';
import type { noticesEn } from './en';

/** The `notices` namespace in Dutch. */
export const noticesNl: Translation<typeof noticesEn> = {
  label: 'Meldingen',
  dismiss: 'Sluiten',
  seeded: 'Deze bibliotheek was leeg, dus Kroniek heeft de voorbeeldbibliotheek geïmporteerd: {{stories, number}} artikelen en {{briefs, number}} korte berichten.',
  seededUncounted: 'Deze bibliotheek was leeg, dus Kroniek heeft de voorbeeldbibliotheek geïmporteerd.',
  recovered:
    'Het bibliotheekbestand was beschadigd. Kroniek heeft de reservekopie van {{when, datetime(dateStyle: long; timeStyle: short)}} teruggezet; wijzigingen van na die kopie zijn verloren. Het beschadigde bestand is bewaard als {{keptAs}}.',
  'read-only':
    'Het bibliotheekbestand is beschadigd en er is geen bruikbare reservekopie gevonden. Het beschadigde bestand is bewaard als {{keptAs}}. Kroniek is alleen-lezen geopend, zodat er niets wordt overschreven.',
  'content-damaged': 'Sommige berichtbestanden konden niet worden gelezen; die berichten worden niet getoond ({{segments}}). De bestanden zijn onaangeroerd op schijf gelaten.',
  migrated: 'De bibliotheek is bijgewerkt naar de nieuwe opslagversie (van versie {{fromVersion}}); het oude bestand is bewaard als {{keptAs}}.',
  'heading.recovered': 'Bibliotheek hersteld uit een reservekopie',
  'heading.read-only': 'Bibliotheek alleen-lezen geopend',
  'heading.content-damaged': 'Sommige berichten konden niet worden gelezen',
  'heading.migrated': 'Bibliotheek bijgewerkt',
  'meta-missing':
    'Het bibliotheekbestand library.json was niet bruikbaar, terwijl deze map wel berichten of reservekopieën bevat. Kroniek heeft de reservekopie van {{when, datetime(dateStyle: long; timeStyle: short)}} teruggezet; wijzigingen van na die kopie zijn verloren.',
  'meta-missing.readOnly':
    'Het bibliotheekbestand library.json was niet bruikbaar, terwijl deze map wel berichten of reservekopieën bevat, en er is geen bruikbare reservekopie gevonden. Kroniek heeft de bibliotheek alleen-lezen geopend met de gevonden berichten, zodat er niets wordt overschreven.',
  'heading.meta-missing': 'Bibliotheekbestand ontbreekt',
  damagedHeading: 'Sommige berichten kunnen niet worden gelezen',
  damaged_one: 'De tekst van {{count, number}} bericht kan niet uit de inhoudsbestanden van de bibliotheek worden gelezen: het is beschadigd, niet leeg. Een export die het zou weglaten vraagt het eerst. De bestanden zijn onaangeroerd op schijf gelaten.',
  damaged_other: 'De tekst van {{count, number}} berichten kan niet uit de inhoudsbestanden van de bibliotheek worden gelezen: ze zijn beschadigd, niet leeg. Een export die ze zou weglaten vraagt het eerst. De bestanden zijn onaangeroerd op schijf gelaten.',
  damagedFile: '{{file}}: {{problem}}',
  'problem.missing': 'het bestand ontbreekt',
  'problem.empty': 'het bestand is leeg',
  'problem.not-a-file': 'geen gewoon bestand',
  'problem.too-large': 'groter dan enig bestand dat Kroniek schrijft',
  'problem.unreadable': 'het bestand kan niet worden gelezen',
  'problem.not-json': 'beschadigd (geen JSON)',
  'problem.wrong-shape': 'beschadigd (onverwachte inhoud)',
  'problem.entry-missing': 'berichten ontbreken in het bestand',
  'problem.entry-damaged': 'berichten beschadigd in het bestand',
  oversized: 'library.json bevat waarden die langer zijn dan Kroniek aanneemt ({{what}}). Ze blijven bewaard zoals ze zijn, en worden alleen tot de grens getoond en doorzocht; maak ze korter om ze te bewerken.',
  'heading.oversized': 'Waarden langer dan Kroniek aanneemt',
  'edits-damaged_one':
    'Het logboek van recente wijzigingen in de bibliotheek was beschadigd: {{count, number}} wijziging kon niet worden hersteld. Alles van daarvoor staat in de bibliotheek. Het logboek is bewaard als {{keptAs}}.',
  'edits-damaged_other':
    'Het logboek van recente wijzigingen in de bibliotheek was beschadigd: {{count, number}} wijzigingen konden niet worden hersteld. Alles van daarvoor staat in de bibliotheek. Het logboek is bewaard als {{keptAs}}.',
  'heading.edits-damaged': 'Recente wijzigingen verloren',
  'oversized.note_one': '{{count, number}} notitie bij een bericht',
  'oversized.note_other': '{{count, number}} notities bij berichten',
  'oversized.tag_one': '{{count, number}} tagnaam',
  'oversized.tag_other': '{{count, number}} tagnamen',
  'oversized.link.note_one': '{{count, number}} notitie bij een koppeling',
  'oversized.link.note_other': '{{count, number}} notities bij koppelingen',
  'oversized.dossier.text_one': '{{count, number}} dossier',
  'oversized.dossier.text_other': '{{count, number}} dossiers',
  'oversized.search_one': '{{count, number}} naam van een bewaarde zoekopdracht',
  'oversized.search_other': '{{count, number}} namen van bewaarde zoekopdrachten',
  'oversized.seriesName_one': '{{count, number}} reeksnaam',
  'oversized.seriesName_other': '{{count, number}} reeksnamen',
};
