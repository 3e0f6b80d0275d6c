import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Link, Story, Tag } from '../../../../shared/types';
import { parseWirePage } from '../../import/parse';
import type { DossierDocument } from '../model';

// Dossier documents for the export tests and the benchmark: the five sample
// stories parsed by the real importer parser, with tags, links and notes made
// here, and synthetic stories of realistic length for timing.

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../../seeds');

export function storyFromText(id: string, fileName: string, text: string, importedAt: string): Story {
  const parsed = parseWirePage(text);
  if (!parsed.ok || !parsed.page.article) throw new Error(`${fileName}: not a story (${parsed.ok ? 'no article' : parsed.reason})`);
  const { article } = parsed.page;
  return {
    id,
    kind: 'article',
    headline: article.headline,
    dateline: article.dateline,
    section: article.section,
    publishedAt: null,
    importedAt,
    ageLabel: null,
    pageId: null,
    tagIds: [],
    linkCount: 0,
    body: article.body,
    source: { fileName, sha256: createHash('sha256').update(text).digest('hex'), importedAt },
    warnings: parsed.page.warnings,
    note: '',
  };
}

/** The five seeds by file name, parsed. */
export function seedStories(): Story[] {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name, index) => storyFromText(`seed${index}`, name, readFileSync(path.join(SEEDS_DIR, name), 'utf8'), `2026-03-0${index + 1}T09:30:00.000Z`));
}

export const TAGS: Tag[] = [
  { id: 't-world', name: 'Buitenland', color: '#335c81', parentId: null, mediaTopic: 'medtop:11000000' },
  { id: 't-nk', name: 'Noord-Korea', color: '#8c1c13', parentId: 't-world', mediaTopic: null },
  { id: 't-diplo', name: 'Diplomatie', color: null, parentId: null, mediaTopic: 'medtop:20000638' },
];

/** Finds a seed story by a word in its headline (the seeds' file names say nothing). */
function byHeadline(stories: Story[], word: string): Story {
  const found = stories.find((story) => story.headline.includes(word));
  if (!found) throw new Error(`no seed headline contains ${word}`);
  return found;
}

/**
 * The five seeds as a dossier in an editorial order (not file order), with
 * dates, tags, notes, links inside the dossier in both directions, and one
 * link to a story outside it.
 */
export function seedDossierDocument(overrides: Partial<DossierDocument> = {}): DossierDocument {
  const stories = seedStories();
  const dates: [string, string][] = [
    ['Rusland', '2023-06-12'],
    ['vertrekt', '2023-09-17'],
    ['zeldzaam', '2024-06-17'],
    ['dankt', '2024-06-19'],
    ['tekenen', '2024-06-19'],
  ];
  for (const [word, date] of dates) {
    const story = stories.find((candidate) => candidate.headline.includes(word) && candidate.publishedAt === null);
    if (story) story.publishedAt = date;
  }
  for (const story of stories) story.tagIds = ['t-nk', 't-diplo'];
  const order = [stories[3]!, stories[0]!, stories[4]!, stories[1]!, stories[2]!];
  const thanks = byHeadline(order, 'dankt');
  const others = order.filter((story) => story !== thanks);
  const links: Link[] = [
    // `to` follows up on `from`: the thanks story is a follow-up of the first one in the list.
    { id: 'l1', from: others[0]!.id, to: thanks.id, type: 'follow-up', note: '', createdAt: '2026-03-02T10:00:00.000Z' },
    { id: 'l2', from: others[2]!.id, to: thanks.id, type: 'background', note: 'zelfde reis', createdAt: '2026-03-02T10:00:00.000Z' },
    { id: 'l3', from: thanks.id, to: 'outside-1', type: 'related', note: '', createdAt: '2026-03-02T10:00:00.000Z' },
  ];
  return {
    dossier: {
      id: 'd1',
      title: 'Kim en Poetin: een jaar diplomatie',
      subtitle: 'Van steunbetuiging tot verdrag',
      intro: 'Hoe Noord-Korea en Rusland naar elkaar toe groeiden.\n\nVijf berichten, in de volgorde van de redactie.',
      entries: order.map((story, index) => ({ storyId: story.id, note: index === 1 ? 'Controleer de citaten met het origineel van Reuters.\nDaarna vrijgeven.' : '' })),
      createdAt: '2026-03-05T08:00:00.000Z',
      updatedAt: '2026-03-05T09:00:00.000Z',
    },
    stories: order,
    tags: TAGS,
    links,
    outsideStories: [{ id: 'outside-1', headline: 'Zuid-Korea reageert op verdrag', dateline: { place: 'SEOUL', agencies: ['ANP'] }, publishedAt: '2024-06-20' }],
    exportedAt: '2026-03-06T11:00:00.000Z',
    locale: 'nl',
    ...overrides,
  };
}

export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<link rel=stylesheet href=http://127.0.0.1:9/x.css>',
  '<style>@import url(http://127.0.0.1:9/y.css); body{background:url(http://127.0.0.1:9/z.png)}</style>',
  '"><iframe src="http://127.0.0.1:9/"></iframe>',
] as const;

/** A story whose every field is hostile text. */
export function hostileStory(id: string): Story {
  const text = HOSTILE.join(' ');
  return {
    id,
    kind: 'article',
    headline: `Vijandig ${HOSTILE[0]} ${HOSTILE[1]}`,
    dateline: { place: `${HOSTILE[2]}`, agencies: ['ANP', HOSTILE[0]] },
    section: HOSTILE[1],
    publishedAt: '2024-01-01',
    importedAt: '2026-03-01T10:00:00.000Z',
    ageLabel: null,
    pageId: null,
    tagIds: ['t-evil'],
    linkCount: 0,
    body: [
      { type: 'paragraph', text },
      { type: 'heading', text: HOSTILE[1] },
      { type: 'paragraph', text: `# kop\n> quote\n- lijst\n1. item [link](http://127.0.0.1:9/) ![img](http://127.0.0.1:9/i.png) &amp; &#60; \`code\` *nadruk* _ook_ | tabel |` },
    ],
    source: { fileName: `${HOSTILE[0]}.txt`, sha256: 'ab'.repeat(32), importedAt: '2026-03-01T10:00:00.000Z' },
    warnings: [],
    note: '',
  };
}

export const HOSTILE_TAG: Tag = { id: 't-evil', name: HOSTILE[1], color: 'red;background:url(http://127.0.0.1:9/c.png)', parentId: null, mediaTopic: null };

const WORDS =
  'de het een en van in op met voor aan door over na bij uit naar om tot zonder onder tegen tussen regering minister president kabinet gesprek verdrag wapens munitie oorlog vrede bezoek hoofdstad leider overleg steun Rusland Oekraïne Noord-Korea Pyongyang Moskou Kumsusanpaleis ceremoniële diplomatie economie samenwerking veiligheid verklaring'.split(' ');

/** Deterministic wire-length stories (lead, six paragraphs, two subheadings), for benchmarks. */
export function syntheticDocument(count: number): DossierDocument {
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const sentence = (words: number) => {
    const picked = Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]!);
    const text = picked.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 3) }, () => sentence(10 + Math.floor(random() * 12))).join(' ');
  const stories: Story[] = Array.from({ length: count }, (_, index) => {
    const id = `syn${index}`;
    const body = [
      { type: 'paragraph' as const, text: paragraph() },
      { type: 'paragraph' as const, text: paragraph() },
      { type: 'heading' as const, text: 'Reactie uit Moskou' },
      { type: 'paragraph' as const, text: paragraph() },
      { type: 'paragraph' as const, text: paragraph() },
      { type: 'heading' as const, text: 'Sancties' },
      { type: 'paragraph' as const, text: paragraph() },
      { type: 'paragraph' as const, text: paragraph() },
    ];
    return {
      id,
      kind: 'article',
      headline: `${sentence(6 + (index % 5)).replace(/\.$/, '')} (${index + 1})`,
      dateline: { place: index % 2 ? 'PYONGYANG' : 'GENÈVE', agencies: index % 3 ? ['ANP', 'RTR'] : ['ANP'] },
      section: 'Buitenland',
      publishedAt: `2024-06-${String((index % 28) + 1).padStart(2, '0')}`,
      importedAt: '2026-03-01T10:00:00.000Z',
      ageLabel: null,
      pageId: null,
      tagIds: ['t-nk'],
      linkCount: 0,
      body,
      source: { fileName: `bericht-${index + 1}.txt`, sha256: createHash('sha256').update(id).digest('hex'), importedAt: '2026-03-01T10:00:00.000Z' },
      warnings: [],
      note: '',
    };
  });
  const links: Link[] = stories.slice(1).map((story, index) => ({
    id: `l${index}`,
    from: stories[index]!.id,
    to: story.id,
    type: 'follow-up',
    note: '',
    createdAt: '2026-03-01T10:00:00.000Z',
  }));
  return {
    dossier: {
      id: 'bench',
      title: `Benchmarkdossier met ${count} berichten`,
      subtitle: 'Synthetische berichten',
      intro: 'Alleen voor metingen.',
      entries: stories.map((story) => ({ storyId: story.id, note: '' })),
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
    },
    stories,
    tags: TAGS,
    links,
    outsideStories: [],
    exportedAt: '2026-03-06T11:00:00.000Z',
    locale: 'nl',
  };
}
