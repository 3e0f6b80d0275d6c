import type { TagsMessages } from './messages';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('nl')} ${n === 1 ? one : many}`;

/**
 * The core words undo labels in English (they are also what the CLI prints).
 * Known ones read in Dutch here; an unknown label is shown as it came.
 */
const HISTORY_LABELS: Record<string, string> = {
  'Create tag': 'Tag aanmaken',
  'Edit tag': 'Tag bewerken',
  'Rename tag': 'Tag hernoemen',
  'Set tag colour': 'Tagkleur instellen',
  'Move tag': 'Tag verplaatsen',
  'Set media topic': 'Media Topic instellen',
  'Merge tags': 'Tags samenvoegen',
  'Delete tag': 'Tag verwijderen',
  'Dismiss tag suggestion': 'Tagsuggestie negeren',
  'Link stories': 'Verhalen koppelen',
  'Edit link': 'Koppeling bewerken',
  'Change link type': 'Soort koppeling wijzigen',
  'Edit link note': 'Notitie bij koppeling bewerken',
  'Reverse link': 'Koppeling omdraaien',
  'Remove link': 'Koppeling verwijderen',
  'Unlink stories': 'Koppeling tussen verhalen verwijderen',
  'Dismiss related story': 'Verwant verhaal negeren',
  'Set date': 'Datum instellen',
  'Edit note': 'Notitie bewerken',
  'Delete story': 'Verhaal verwijderen',
  'Create dossier': 'Dossier aanmaken',
  'Rename dossier': 'Dossier hernoemen',
  'Edit dossier': 'Dossier bewerken',
  'Add story to dossier': 'Verhaal aan dossier toevoegen',
  'Add stories to dossier': 'Verhalen aan dossier toevoegen',
  'Remove from dossier': 'Uit dossier verwijderen',
  'Reorder dossier': 'Volgorde in dossier wijzigen',
  'Edit dossier note': 'Notitie in dossier bewerken',
  'Delete dossier': 'Dossier verwijderen',
  'Save search': 'Zoekopdracht bewaren',
  'Rename saved search': 'Bewaarde zoekopdracht hernoemen',
  'Delete saved search': 'Bewaarde zoekopdracht verwijderen',
};

// One story is `Tag story` (no number), more are `Tag 3 stories`.
const stories = (n: string | undefined) => (n === undefined || n === '1' ? '1 verhaal' : `${n} verhalen`);
const HISTORY_PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Tag (?:(\d+) )?stor(?:y|ies)$/, (m) => `${stories(m[1])} taggen`],
  [/^Untag (?:(\d+) )?stor(?:y|ies)$/, (m) => `Tag van ${stories(m[1])} verwijderen`],
  [/^Edit tags of (?:(\d+) )?stor(?:y|ies)$/, (m) => `Tags van ${stories(m[1])} bewerken`],
  [/^Link (\d+) stories$/, (m) => `${stories(m[1]!)} koppelen`],
  [/^Delete (\d+) stories$/, (m) => `${stories(m[1]!)} verwijderen`],
];

export const tagsNl: TagsMessages = {
  selectedCount: (n) => `${n.toLocaleString('nl')} geselecteerd`,
  clearSelection: 'Selectie opheffen',
  selectionBarLabel: 'Selectie',
  tagSelection: 'Selectie taggen',
  linkSelection: 'Selectie koppelen…',

  tagsHeading: 'Tags',
  noTagsYet: 'Nog geen tags. Voeg er een toe aan een verhaal in de lezer.',
  manageTags: 'Tags beheren…',
  tagsLoadFailed: 'De tags konden niet worden geladen',
  expandTag: (name) => `Subtags van ${name} tonen`,
  collapseTag: (name) => `Subtags van ${name} verbergen`,
  tagCountHint: (count, hotkey) => `, ${plural(count, 'verhaal', 'verhalen')}${hotkey ? `, toets ${hotkey}` : ''}`,
  tagViewLabel: (name) => `Tag: ${name}`,
  hotkeyHint: (n) => `Druk op ${n} om deze tag aan of uit te zetten op de geselecteerde verhalen`,

  storyTagsLabel: 'Tags',
  noTags: 'Geen tags',
  removeTag: (name) => `Tag ${name} verwijderen`,
  addTagLabel: 'Tag toevoegen',
  addTagPlaceholder: 'Tag toevoegen…',
  addTagToSelectionLabel: (n) => `Tag toevoegen aan ${plural(n, 'geselecteerd verhaal', 'geselecteerde verhalen')}`,
  tagOptionsLabel: 'Passende tags',
  createTagOption: (name) => `Tag „${name}” aanmaken`,
  tagSuggestHelp: 'Typ om een tag te zoeken; Enter voegt hem toe, of maakt een nieuwe tag met die naam.',

  suggestedTagsHeading: 'Voorgestelde tags',
  noSuggestedTags: 'Geen voorstellen voor dit verhaal.',
  moreSuggestions: (n) => `nog ${n}…`,
  acceptSuggestion: (name) => `Tag ${name} toevoegen`,
  dismissSuggestion: (name) => `Voorstel ${name} negeren`,
  suggestionKind: { person: 'persoon', place: 'plaats', organisation: 'organisatie', topic: 'onderwerp' },

  tagManagerTitle: 'Tags',
  newTagHeading: 'Nieuwe tag',
  tagName: 'Naam',
  tagColor: 'Kleur',
  noColor: 'Geen kleur',
  colorNames: {
    '#c0392b': 'Rood',
    '#d35400': 'Oranje',
    '#b7950b': 'Geel',
    '#1e8449': 'Groen',
    '#148f77': 'Blauwgroen',
    '#1d5aa3': 'Blauw',
    '#6c3483': 'Paars',
    '#a93264': 'Roze',
    '#5d6d7e': 'Grijs',
  },
  tagParent: 'Bovenliggende tag',
  noParent: 'Geen (hoogste niveau)',
  mediaTopic: 'IPTC Media Topic',
  mediaTopicHelp: 'Optioneel, bijv. medtop:20000638, voor exports.',
  createTag: 'Tag aanmaken',
  saveTag: 'Wijzigingen bewaren',
  editTagHeading: (name) => `„${name}” bewerken`,
  pickTagToEdit: 'Kies links een tag om hem te hernoemen, een kleur te geven, samen te voegen of te verwijderen.',
  mergeInto: 'Samenvoegen met',
  mergeButton: 'Samenvoegen',
  chooseTag: 'Kies een tag…',
  deleteTag: 'Tag verwijderen…',
  confirmDeleteTag: (name, count) =>
    count > 0
      ? `„${name}” verwijderen? De tag verdwijnt van ${plural(count, 'verhaal', 'verhalen')}. Je kunt dit ongedaan maken.`
      : `„${name}” verwijderen? Geen enkel verhaal heeft deze tag. Je kunt dit ongedaan maken.`,
  confirmDelete: 'Verwijderen',
  cancel: 'Annuleren',
  storiesCount: (n) => plural(n, 'verhaal', 'verhalen'),
  tagListLabel: 'Alle tags',

  linksHeading: 'Koppelingen',
  noLinks: 'Nog niet gekoppeld aan andere verhalen.',
  linkLabel: {
    series: 'Zelfde reeks als',
    'follow-up-of': 'Vervolg op',
    'followed-by': 'Gevolgd door',
    'background-to': 'Achtergrond bij',
    'has-background': 'Heeft als achtergrond',
    'same-event': 'Zelfde gebeurtenis als',
    related: 'Verwant aan',
  },
  relationLabel: 'Dit verhaal is',
  linkNote: 'Notitie',
  editLinkNote: (headline) => `Notitie bij de koppeling met ${headline}`,
  saveNote: 'Notitie bewaren',
  removeLink: (headline) => `Koppeling met ${headline} verwijderen`,
  changeRelation: (headline) => `Verband met ${headline}`,
  openLinked: (headline) => `${headline} openen`,
  linkTo: 'Koppelen aan…',
  linkPickerTitle: (n) => (n > 1 ? `${n} verhalen koppelen aan…` : 'Dit verhaal koppelen aan…'),
  linkSearch: 'Verhaal zoeken',
  linkSearchPlaceholder: 'Woorden uit de kop of de tekst',
  linkResultsLabel: 'Verhalen om aan te koppelen',
  noLinkResults: 'Geen verhaal gevonden.',
  linkButton: 'Koppelen',
  linkChosen: (headline) => `Gekozen: ${headline}`,
  chooseStoryFirst: 'Kies eerst hierboven een verhaal.',
  linkSkipped: (n) => `${plural(n, 'verhaal was', 'verhalen waren')} al gekoppeld (of hetzelfde verhaal) en bleven zoals ze waren.`,
  deletedStory: '(verhaal niet meer in de bibliotheek)',

  relatedHeading: 'Verwante verhalen',
  noRelated: 'Geen verwante verhalen gevonden.',
  relatedUnavailable: 'Verwante verhalen zijn nog niet beschikbaar (de index wordt nog opgebouwd).',
  relatedScore: (percent) => `${percent}% overeenkomst`,
  acceptRelated: (headline) => `${headline} koppelen`,
  dismissRelated: (headline) => `Niet verwant: ${headline}`,
  notRelated: 'Niet verwant',
  confirmLink: 'Koppeling maken',

  storyDate: 'Datum van gebeurtenis',
  saveDate: 'Datum instellen',
  clearDate: 'Datum wissen',
  invalidDate: 'Vul een volledige datum in (dag, maand en jaar).',

  storyNoteHeading: 'Notitie',
  noStoryNote: 'Geen notitie. Notities zijn van jou, doorzoekbaar, en nooit deel van de tekst van het verhaal.',
  addStoryNote: 'Notitie toevoegen',
  editStoryNote: 'Notitie bewerken',
  storyNoteLabel: 'Notitie bij dit verhaal',
  saveStoryNote: 'Notitie opslaan',
  cancelStoryNote: 'Annuleren',
  storyNoteHint: 'Ctrl+Enter slaat op, Escape annuleert.',
  showSeries: 'Tijdlijn van de reeks tonen',
  seriesTitle: (headline) => `Reeks: ${headline}`,
  seriesLoading: 'Reeks laden…',
  seriesEmpty: 'Dit verhaal hoort nog niet bij een reeks: koppel het aan andere als „zelfde reeks als” of „vervolg op”.',
  seriesTimelineLabel: 'Tijdlijn',
  placementLinks: 'geen datum — geplaatst volgens de koppelingen',
  placementUnplaced: 'geen datum — na de gedateerde verhalen gezet',
  seriesCycle: 'De vervolgkoppelingen vormen een kring; dat deel staat in importvolgorde.',
  seriesDateConflicts: (n) => `${plural(n, 'vervolg heeft', 'vervolgen hebben')} een datum vóór het verhaal dat het vervolgt; de datums gaan voor.`,
  thisStory: 'dit verhaal',

  undoButton: (label) => (label ? `Ongedaan maken: ${HISTORY_LABELS[label] ?? historyPattern(label)}` : 'Ongedaan maken'),
  redoButton: (label) => (label ? `Opnieuw doen: ${HISTORY_LABELS[label] ?? historyPattern(label)}` : 'Opnieuw doen'),
  undoShort: 'Ongedaan maken',
  redoShort: 'Opnieuw',
  historyLabel: (label) => HISTORY_LABELS[label] ?? historyPattern(label),
  editFailed: 'De wijziging kon niet worden bewaard',
  loadingExtras: 'Laden…',
  kindBriefShort: 'kort bericht',
};

function historyPattern(label: string): string {
  for (const [pattern, say] of HISTORY_PATTERNS) {
    const m = pattern.exec(label);
    if (m) return say(m);
  }
  return label;
}
