import type { TagsMessages } from './messages';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('nl')} ${n === 1 ? one : many}`;
const times = (n: string) => (n === '1' ? 'één keer' : `${n} keer`);

/** One comma-separated part of a tag suggestion's reason (`named 5 times and once as adjective`). */
function suggestionPart(part: string): string | null {
  if (part === 'in the headline') return 'in de kop';
  if (part === 'dateline place') return 'plaats in de dateline';
  const m = /^(?:named (once|\d+ times))?(?: ?(?:and )?(once|\d+ times) as adjective)?$/.exec(part);
  if (!m || (!m[1] && !m[2])) return null;
  const count = (text: string) => times(text === 'once' ? '1' : text.split(' ')[0]!);
  const said = [m[1] ? `${count(m[1])} genoemd` : null, m[2] ? `${count(m[2])} bijvoeglijk` : null];
  return said.filter(Boolean).join(' en ');
}

function relatedReason(reason: string): string {
  let m = /^shares: (.*)$/.exec(reason);
  if (m) return `gemeenschappelijk: ${m[1]}`;
  m = /^similar wording: (.*)$/.exec(reason);
  if (m) return `vergelijkbare woorden: ${m[1]}`;
  if (reason === 'same day') return 'zelfde dag';
  m = /^(\d+) (day|days|months|years) apart$/.exec(reason);
  if (m) {
    const unit = { day: 'dag', days: 'dagen', months: 'maanden', years: 'jaar' }[m[2] as 'day' | 'days' | 'months' | 'years'];
    return `${m[1]} ${m[1] === '1' && m[2] === 'months' ? 'maand' : unit} uit elkaar`;
  }
  return reason;
}

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
  suggestionReason: (reason) => {
    const parts = reason.split(', ').map(suggestionPart);
    return parts.every((part) => part !== null) ? parts.join(', ') : reason;
  },

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
  relatedReason,

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

  editFailed: 'De wijziging kon niet worden bewaard',
  loadingExtras: 'Laden…',
  kindBriefShort: 'kort bericht',
};
