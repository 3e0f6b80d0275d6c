import { createHash } from 'node:crypto';
import type { BodyBlock } from '../../../../shared/types';
import type { PreparedWireFile } from '../intake';
import type { WireItem } from '../wire/item';

// WireItems as the format parsers make them, built by hand for the version-aware
// importer's tests (the parsers are tested on their own). ANP-style Dutch text, our own.

const paragraphs = (...texts: string[]): BodyBlock[] => texts.map((text) => ({ type: 'paragraph', text }));

export function wireItem(overrides: Partial<WireItem> = {}): WireItem {
  return {
    format: 'ninjs-3',
    guid: 'urn:anp:nieuws:2026-12-03:dijk-lelystad',
    version: 1,
    firstCreated: '2026-12-03T09:02:00Z',
    versionCreated: '2026-12-03T09:02:00Z',
    pubStatus: 'usable',
    signals: [],
    embargoedUntil: null,
    edNote: null,
    headline: 'Dijk bij Lelystad verzakt na dagen regen',
    subheadline: null,
    slugline: 'dijk-lelystad',
    byline: null,
    datelinePlace: 'LELYSTAD',
    agencies: ['ANP'],
    language: 'nl',
    body: paragraphs(
      'Een dijk bij Lelystad is woensdagochtend over een lengte van veertig meter verzakt.',
      'Het waterschap zegt dat er geen direct gevaar is voor bewoners.',
    ),
    subjects: [{ name: 'overstroming', code: 'medtop:20000151' }],
    persons: [],
    organisations: [{ name: 'Waterschap Zuiderzeeland', code: null }],
    places: [{ name: 'Lelystad', code: null }],
    infoSources: [{ name: 'ANP', role: 'originfo', uri: null }],
    rights: { copyrightHolder: 'ANP', copyrightNotice: '© 2026 ANP', usageTerms: 'Alleen voor abonnees.' },
    packageMembers: [],
    ...overrides,
  };
}

/** Version `n` of the standard story: each version says a little more, and says it differently. */
export function dijkVersion(version: number, overrides: Partial<WireItem> = {}): WireItem {
  const minute = String(2 + version * 7).padStart(2, '0');
  const texts = [
    `Een dijk bij Lelystad is woensdagochtend over een lengte van ${30 + version * 10} meter verzakt.`,
    'Het waterschap zegt dat er geen direct gevaar is voor bewoners.',
  ];
  for (let k = 2; k <= version; k++) texts.push(`Aanvulling ${k}: de schade wordt verder onderzocht door het waterschap, versie${k}woord.`);
  return wireItem({
    version,
    versionCreated: `2026-12-03T${String(9 + Math.floor(version / 8)).padStart(2, '0')}:${minute}:00Z`,
    headline: version === 1 ? 'Dijk bij Lelystad verzakt na dagen regen' : `Dijk bij Lelystad verzakt over ${30 + version * 10} meter`,
    signals: version > 1 ? ['update'] : [],
    body: paragraphs(...texts),
    ...overrides,
  });
}

/** An agency file holding `items`, prepared as intake prepares one. */
export function wireFile(fileName: string, ...items: WireItem[]): PreparedWireFile {
  const sha256 = createHash('sha256').update(JSON.stringify([fileName, items])).digest('hex');
  return { ok: true, fileName, sha256, wire: { items, package: null, skipped: [] }, warnings: [] };
}
