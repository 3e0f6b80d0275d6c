import type { Story, StoryWireInfo, Tag } from '../../../shared/types';
import { escapeHtml } from './escape';
import { exportedChronology } from './chronology';
import { exportedQuotes, quoteAttribution, quoteWords } from './quotes';
import { formatDateline, formatDay, formatPeriod, labelsFor } from './labels';
import type { DossierDocument } from './model';
import { storyReferences } from './relations';

// One dossier as IPTC ninjs 3.1 (https://iptc.org/std/ninjs/).
//
// Why 3.1 rather than 2.x: it is the current version; its `associations` is an
// ordered array of full ninjs objects (2.x used a keyed object, which has no
// order), so the whole dossier is ONE ninjs document — a `composite` item whose
// associations are the stories in dossier order — that validates against the
// official schema as it is; and it has `infoSources`, `bodies` with content
// types, and a `standard` object naming the schema.
//
// Dates: `contentCreated` etc. must be full date-times, and a story's date is
// a calendar day set by the editor, so it is not put there (no invented time);
// it travels in the `dateline` description, as a printed dateline would carry it.
// `firstCreated` is when the story entered the library.

export const NINJS_VERSION = '3.1';
export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json';
const MEDIATOPIC_URI = 'http://cv.iptc.org/newscodes/mediatopic/';

interface Named {
  name?: string;
  uri?: string;
  literal?: string;
  rel?: string;
  role?: string;
}

export interface NinjsItem {
  uri: string;
  standard?: { name: string; version: string; schema: string };
  type: 'text' | 'composite';
  representationType: 'full';
  profile: string;
  title?: string;
  language?: string;
  version?: string;
  firstCreated?: string;
  versionCreated?: string;
  embargoedUntil?: string;
  pubStatus?: 'usable' | 'withheld' | 'canceled';
  copyrightHolder?: string;
  copyrightNotice?: string;
  usageTerms?: string;
  rightsInfo?: { linkedRights: string };
  headlines: { role: string; value: string }[];
  descriptions?: { role: string; contentType?: string; value: string }[];
  bodies?: { role: string; contentType: string; value: string; charCount?: number; wordCount?: number }[];
  by?: string;
  located?: string;
  edNote?: string;
  infoSources?: Named[];
  places?: Named[];
  subjects?: Named[];
  altIds?: { role: string; value: string }[];
  associations?: (Partial<NinjsItem> & { name: string; uri: string; rel: string })[];
}

/** `urn:kroniek:story:<id>`; ids are escaped so any id makes a valid URI. */
export const storyUri = (id: string): string => `urn:kroniek:story:${encodeURIComponent(id)}`;
export const dossierUri = (id: string): string => `urn:kroniek:dossier:${encodeURIComponent(id)}`;

/** `medtop:20000638` → the Media Topic's URI; anything else is not a Media Topic code. */
function mediaTopicUri(code: string | null): string | null {
  const match = code ? /^medtop:(\d{8})$/.exec(code.trim()) : null;
  return match ? `${MEDIATOPIC_URI}${match[1]}` : null;
}

function subjectsOf(story: Story, tagsById: Map<string, Tag>): Named[] {
  return story.tagIds
    .map((id) => tagsById.get(id))
    .filter((tag): tag is Tag => tag !== undefined)
    .map((tag) => {
      const uri = mediaTopicUri(tag.mediaTopic);
      return uri ? { name: tag.name, uri, literal: tag.mediaTopic!.trim() } : { name: tag.name, literal: `kroniek-tag:${tag.id}` };
    });
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function storyItem(doc: DossierDocument, index: number, tagsById: Map<string, Tag>, references: ReturnType<typeof storyReferences>): NinjsItem {
  const story = doc.stories[index]!;
  const labels = labelsFor('nl');
  const blocks = story.body.map((block) => ({ ...block, text: block.text.trim() })).filter((block) => block.text);
  const plain = blocks.map((block) => block.text).join('\n\n');
  const html = blocks.map((block) => (block.type === 'heading' ? `<h3>${escapeHtml(block.text)}</h3>` : `<p>${escapeHtml(block.text)}</p>`)).join('\n');
  const agencies = story.dateline.agencies.map((agency) => agency.trim()).filter(Boolean);
  const place = story.dateline.place.trim();
  const dateline = [formatDateline(story.dateline), formatDay(story.publishedAt, labels)].filter(Boolean).join(', ');
  const note = doc.dossier.entries.find((entry) => entry.storyId === story.id)?.note.trim() ?? '';
  const refs = references[index]!;

  const item: NinjsItem = {
    uri: storyUri(story.id),
    type: 'text',
    representationType: 'full',
    profile: 'kroniek-story',
    language: 'nl',
    headlines: [{ role: 'main', value: story.headline }],
    bodies: [
      { role: 'main', contentType: 'text/plain', value: plain, charCount: plain.length, wordCount: words(plain) },
      { role: 'main', contentType: 'text/html', value: html, charCount: plain.length, wordCount: words(plain) },
    ],
    altIds: [
      { role: 'source-file', value: story.source.fileName },
      { role: 'sha256', value: story.source.sha256 },
    ],
  };
  if (!Number.isNaN(Date.parse(story.source.importedAt))) item.firstCreated = new Date(story.source.importedAt).toISOString();
  if (dateline) item.descriptions = [{ role: 'dateline', contentType: 'text/plain', value: dateline }];
  // The series the editor named, as a description of its own role (ninjs has no series property).
  const series = doc.seriesNames?.[story.id];
  if (series) item.descriptions = [...(item.descriptions ?? []), { role: 'series', contentType: 'text/plain', value: series }];
  if (agencies.length) {
    item.by = agencies.join('/');
    item.infoSources = agencies.map((name) => ({ name, role: 'source' }));
  }
  if (place) {
    item.located = place;
    item.places = [{ name: place, rel: 'dateline' }];
  }
  if (story.wire) addWireFacts(item, story.wire);
  const subjects = subjectsOf(story, tagsById);
  if (subjects.length) item.subjects = subjects;
  if (note) item.edNote = note;
  const related = [
    ...refs.inside.map((ref) => ({ id: doc.stories[ref.index]!.id, headline: doc.stories[ref.index]!.headline, relation: ref.relation })),
    ...refs.outside.map((ref) => ({ id: ref.story.id, headline: ref.story.headline, relation: ref.relation })),
  ];
  if (related.length) {
    // Linked stories are named, not repeated: these associations are references.
    item.associations = related.map((ref) => ({ name: ref.headline, uri: storyUri(ref.id), rel: ref.relation }));
  }
  return item;
}

const instant = (iso: string | null): string | undefined => (iso && !Number.isNaN(Date.parse(iso)) ? new Date(iso).toISOString() : undefined);

/**
 * A story from a feed carries the agency's own facts: its version, when it was first
 * and last sent, embargo, status, rights (ninjs 3.1 spells them `copyrightHolder`,
 * `copyrightNotice`, `usageTerms`; its `rightsInfo` holds a rights expression or a link
 * to one, which is what a feed's `linkedRights` is) and the agency's info sources.
 */
function addWireFacts(item: NinjsItem, wire: StoryWireInfo): void {
  item.version = String(wire.version);
  const first = instant(wire.firstCreated);
  if (first) item.firstCreated = first;
  const sent = instant(wire.versionCreated);
  if (sent) item.versionCreated = sent;
  const embargo = instant(wire.embargoedUntil);
  if (embargo) item.embargoedUntil = embargo;
  item.pubStatus = wire.status;
  item.altIds = [...(item.altIds ?? []), { role: 'agency-guid', value: wire.guid }];
  if (wire.rights.copyrightHolder) item.copyrightHolder = wire.rights.copyrightHolder;
  if (wire.rights.copyrightNotice) item.copyrightNotice = wire.rights.copyrightNotice;
  if (wire.rights.usageTerms) item.usageTerms = wire.rights.usageTerms;
  if (wire.rights.linkedRights && URL.canParse(wire.rights.linkedRights)) item.rightsInfo = { linkedRights: wire.rights.linkedRights };
  if (wire.infoSources.length) {
    item.infoSources = wire.infoSources.map((source) => {
      const named: Named = { name: source.name };
      if (source.role) named.role = source.role;
      if (source.uri && URL.canParse(source.uri)) named.uri = source.uri;
      return named;
    });
  }
}

/**
 * The approved chronology as a text item of the package (after the stories): one line per
 * event, its date as precise as known, each line's sources as story URIs in the HTML body.
 */
function chronologyItem(doc: DossierDocument): (NinjsItem & { name: string; rel: string }) | null {
  const lines = exportedChronology(doc);
  if (!lines.length) return null;
  const labels = labelsFor(doc.locale);
  const plain = lines.map(({ line, stories }) => `${formatPeriod(line.date, labels)}: ${line.summary}${stories.length ? ` (→ ${stories.map((k) => k + 1).join(', ')})` : ''}`).join('\n');
  const html = `<ol>${lines
    .map(({ line, stories }) => {
      const sources = stories.map((k) => `<a href="${escapeHtml(storyUri(doc.stories[k]!.id))}">${k + 1}</a>`).join(', ');
      return `<li><time datetime="${escapeHtml(line.date.date)}">${escapeHtml(formatPeriod(line.date, labels))}</time> ${escapeHtml(line.summary)}${sources ? ` (→ ${sources})` : ''}</li>`;
    })
    .join('')}</ol>`;
  return {
    uri: `${dossierUri(doc.dossier.id)}:chronology`,
    type: 'text',
    representationType: 'full',
    profile: 'kroniek-chronology',
    language: doc.locale,
    headlines: [{ role: 'main', value: labels.chronology }],
    bodies: [
      { role: 'main', contentType: 'text/plain', value: plain, charCount: plain.length, wordCount: words(plain) },
      { role: 'main', contentType: 'text/html', value: html, charCount: plain.length, wordCount: words(plain) },
    ],
    name: labels.chronology,
    rel: 'chronology',
  };
}

/** The quotes the editor added, as a text item of the package (after the chronology): each quote attributed, its story as a URI. */
function quotesItem(doc: DossierDocument): (NinjsItem & { name: string; rel: string }) | null {
  const quotes = exportedQuotes(doc);
  if (!quotes.length) return null;
  const labels = labelsFor(doc.locale);
  const plain = quotes.map(({ quote, story }) => `${quoteWords(quote, labels)} — ${quoteAttribution(quote, labels)}${story !== null ? ` (→ ${story + 1})` : ''}`).join('\n');
  const html = `<ol>${quotes
    .map(({ quote }) => `<li><blockquote>${escapeHtml(quoteWords(quote, labels))}</blockquote> — <a href="${escapeHtml(storyUri(quote.storyId))}">${escapeHtml(quoteAttribution(quote, labels))}</a></li>`)
    .join('')}</ol>`;
  return {
    uri: `${dossierUri(doc.dossier.id)}:quotes`,
    type: 'text',
    representationType: 'full',
    profile: 'kroniek-quotes',
    language: doc.locale,
    headlines: [{ role: 'main', value: labels.quotes }],
    bodies: [
      { role: 'main', contentType: 'text/plain', value: plain, charCount: plain.length, wordCount: words(plain) },
      { role: 'main', contentType: 'text/html', value: html, charCount: plain.length, wordCount: words(plain) },
    ],
    name: labels.quotes,
    rel: 'quotes',
  };
}

/** The dossier as one ninjs 3.1 document: a composite item associating its stories in order. */
export function renderDossierNinjs(doc: DossierDocument): NinjsItem {
  const tagsById = new Map(doc.tags.map((tag) => [tag.id, tag]));
  const references = storyReferences(doc);
  const { dossier } = doc;
  const headlines = [{ role: 'main', value: dossier.title }];
  if (dossier.subtitle.trim()) headlines.push({ role: 'sub', value: dossier.subtitle });
  const item: NinjsItem = {
    uri: dossierUri(dossier.id),
    standard: { name: 'ninjs', version: NINJS_VERSION, schema: NINJS_SCHEMA_URI },
    type: 'composite',
    representationType: 'full',
    profile: 'kroniek-dossier',
    title: dossier.title,
    language: doc.locale,
    headlines,
    associations: doc.stories.map((story, index) => ({
      ...storyItem(doc, index, tagsById, references),
      name: story.headline,
      rel: 'dossier-item',
    })),
  };
  const chronology = chronologyItem(doc);
  if (chronology) item.associations!.push(chronology);
  const quotes = quotesItem(doc);
  if (quotes) item.associations!.push(quotes);
  if (!Number.isNaN(Date.parse(dossier.createdAt))) item.firstCreated = new Date(dossier.createdAt).toISOString();
  if (!Number.isNaN(Date.parse(doc.exportedAt))) item.versionCreated = new Date(doc.exportedAt).toISOString();
  if (dossier.intro.trim()) item.descriptions = [{ role: 'intro', contentType: 'text/plain', value: dossier.intro.trim() }];
  return item;
}
