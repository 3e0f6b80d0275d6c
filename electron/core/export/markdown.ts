import type { Story, Tag } from '../../../shared/types';
import { escapeMarkdown } from './escape';
import { exportedChronology } from './chronology';
import { exportedQuotes, quoteAttribution, quoteWords } from './quotes';
import { formatDateline, formatDay, formatInstantDay, formatPeriod, labelsFor, wireLines, type Labels } from './labels';
import type { DossierDocument } from './model';
import { storyReferences, type StoryReferences } from './relations';

// One dossier as a readable Markdown document (CommonMark/GFM). Imported text
// goes through `escapeMarkdown`, so a story can neither add structure (headings,
// links, images) nor raw HTML: it reads exactly as imported.

/** Text with blank-line-separated paragraphs as Markdown paragraphs; single line breaks become hard breaks. */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) =>
      part
        .split(/\r?\n/)
        .map((line) => escapeMarkdown(line))
        .filter(Boolean)
        .join('\\\n'),
    );
}

/** Every line of a Markdown fragment inside a block quote. */
function quoted(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** Heading anchors differ between Markdown renderers; the contents list numbers the stories instead, and the headings repeat them. */
function contents(doc: DossierDocument, labels: Labels): string[] {
  if (!doc.stories.length) return [`*${escapeMarkdown(labels.noStories)}*`];
  return doc.stories.map((story, index) => {
    const when = formatDay(story.publishedAt, labels);
    return `${index + 1}. ${escapeMarkdown(story.headline)}${when ? ` (${escapeMarkdown(when)})` : ''}`;
  });
}

function tagLine(story: Story, tagsById: Map<string, Tag>): string | null {
  const names = story.tagIds.map((id) => tagsById.get(id)?.name).filter((name): name is string => Boolean(name));
  return names.length ? names.map(escapeMarkdown).join(' · ') : null;
}

function references(refs: StoryReferences, doc: DossierDocument, labels: Labels): string[] {
  const note = (text: string) => (text.trim() ? ` (${escapeMarkdown(text.trim())})` : '');
  const lines: string[] = [];
  if (refs.inside.length) {
    lines.push(`**${escapeMarkdown(labels.seeAlso)}**`, '');
    for (const ref of refs.inside) {
      lines.push(`- ${escapeMarkdown(labels.relation[ref.relation])}: ${escapeMarkdown(doc.stories[ref.index]!.headline)} (${ref.index + 1})${note(ref.note)}`);
    }
    lines.push('');
  }
  if (refs.outside.length) {
    lines.push(`**${escapeMarkdown(labels.outside)}**`, '');
    for (const ref of refs.outside) {
      const where = [ref.story.dateline.place.trim(), formatDay(ref.story.publishedAt, labels)].filter((part): part is string => Boolean(part));
      const meta = where.length ? ` — ${escapeMarkdown(where.join(', '))}` : '';
      lines.push(`- ${escapeMarkdown(labels.relation[ref.relation])}: ${escapeMarkdown(ref.story.headline)}${meta}${note(ref.note)}`);
    }
    lines.push('');
  }
  return lines;
}

function story(doc: DossierDocument, index: number, refs: StoryReferences, labels: Labels, tagsById: Map<string, Tag>): string[] {
  const item = doc.stories[index]!;
  const lines: string[] = [`## ${index + 1}. ${escapeMarkdown(item.headline)}`, ''];
  const series = doc.seriesNames?.[item.id];
  const meta = [formatDateline(item.dateline), formatDay(item.publishedAt, labels) ?? '', item.section ?? '', series ? `${labels.seriesName}: ${series}` : ''].filter(Boolean).map(escapeMarkdown);
  if (meta.length) lines.push(`*${meta.join(' · ')}*`, '');
  const tags = tagLine(item, tagsById);
  if (tags) lines.push(`${escapeMarkdown(labels.tags)}: ${tags}`, '');
  const entry = doc.dossier.entries.find((candidate) => candidate.storyId === item.id);
  if (entry?.note.trim()) {
    lines.push(quoted([`**${escapeMarkdown(labels.editorNote)}**`, ...paragraphs(entry.note)].join('\n\n')), '');
  }
  const wire = wireLines(item, labels);
  if (wire.withdrawn) lines.push(`**${escapeMarkdown(wire.withdrawn)}**`, '');
  for (const block of item.body) {
    const text = block.text.trim();
    if (!text) continue;
    lines.push(block.type === 'heading' ? `### ${escapeMarkdown(text)}` : escapeMarkdown(text), '');
  }
  if (wire.lines.length) lines.push(wire.lines.map((line) => `*${escapeMarkdown(line)}*`).join('  \n'), '');
  lines.push(...references(refs, doc, labels));
  return lines;
}

/** The whole dossier as Markdown. */
export function renderDossierMarkdown(doc: DossierDocument): string {
  const labels = labelsFor(doc.locale);
  const tagsById = new Map(doc.tags.map((tag) => [tag.id, tag]));
  const { dossier } = doc;
  const lines: string[] = [`# ${escapeMarkdown(dossier.title)}`, ''];
  if (dossier.subtitle.trim()) lines.push(`*${escapeMarkdown(dossier.subtitle)}*`, '');
  lines.push(`${escapeMarkdown(labels.exported)} ${escapeMarkdown(formatInstantDay(doc.exportedAt, labels))} · ${escapeMarkdown(labels.storyCount(doc.stories.length))}`, '');
  if (dossier.intro.trim()) lines.push(paragraphs(dossier.intro).join('\n\n'), '');
  lines.push(`## ${escapeMarkdown(labels.contents)}`, '', ...contents(doc, labels), '');
  const chronology = exportedChronology(doc);
  if (chronology.length) {
    // The approved lines, each citing the numbers of the stories it came from.
    lines.push('---', '', `## ${escapeMarkdown(labels.chronology)}`, '');
    for (const { line, stories } of chronology) {
      const refs = stories.length ? ` (→ ${stories.map((k) => k + 1).join(', ')})` : '';
      lines.push(`- **${escapeMarkdown(formatPeriod(line.date, labels))}**: ${escapeMarkdown(line.summary)}${refs}`);
    }
    lines.push('');
  }
  const quotes = exportedQuotes(doc);
  if (quotes.length) {
    // Each quote as a block quote, attributed under it, citing its story's number in the dossier.
    lines.push('---', '', `## ${escapeMarkdown(labels.quotes)}`, '');
    for (const { quote, story } of quotes) {
      lines.push(`> ${escapeMarkdown(quoteWords(quote, labels))}`, '', `— ${escapeMarkdown(quoteAttribution(quote, labels))}${story !== null ? ` (→ ${story + 1})` : ''}`, '');
    }
  }
  const refs = storyReferences(doc);
  doc.stories.forEach((_, index) => {
    lines.push('---', '', ...story(doc, index, refs[index]!, labels, tagsById));
  });
  if (doc.stories.length) {
    lines.push('---', '', `## ${escapeMarkdown(labels.sources)}`, '');
    doc.stories.forEach((item, index) => {
      const agencies = item.dateline.agencies.filter((agency) => agency.trim() !== '').join(', ') || '–';
      lines.push(
        `${index + 1}. ${escapeMarkdown(item.source.fileName)} · ${labels.sha256} ${escapeMarkdown(item.source.sha256.slice(0, 12))} · ${escapeMarkdown(labels.imported)} ${escapeMarkdown(formatInstantDay(item.source.importedAt, labels))} · ${escapeMarkdown(agencies)}${wireLines(item, labels).lines.map((line) => ` · ${escapeMarkdown(line)}`).join('')}`,
      );
    });
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
