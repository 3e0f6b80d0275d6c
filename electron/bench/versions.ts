import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openKroniek } from '../core/app';
import { importPrepared } from '../core/import/importer';
import type { PreparedWireFile } from '../core/import/intake';
import type { WireItem } from '../core/import/wire/item';
import { syntheticDoc } from '../core/search/test/synthetic-corpus';
import { round, timed } from './stats';

// `npm run bench -- --versions N`: N agency stories are imported, then a second version of
// each, as one import (a drop folder of updates). Measured: the import of the new versions
// (files/s, through the real importer and store: version lookup, content segments, one
// durable metadata write), then how long the indexing worker takes to hold every new
// text. Parsing is not in it: the items are built in memory (the format parsers have their
// own figures).

function item(index: number, version: number): WireItem {
  const doc = syntheticDoc(index);
  const paragraphs = doc.body.split('\n');
  if (version > 1) paragraphs.push(`Update ${version}: het verhaal is aangevuld met nieuwe informatie, versie${version}bericht${index}.`);
  return {
    format: 'ninjs-3',
    guid: `urn:bench:wire:${index}`,
    version,
    firstCreated: '2026-12-03T08:00:00Z',
    versionCreated: `2026-12-03T${String(8 + version).padStart(2, '0')}:00:00Z`,
    pubStatus: 'usable',
    signals: version > 1 ? ['update'] : [],
    embargoedUntil: null,
    edNote: null,
    headline: version > 1 ? `${doc.headline} (bijgewerkt)` : doc.headline,
    subheadline: null,
    slugline: null,
    byline: null,
    datelinePlace: doc.place,
    agencies: ['ANP'],
    language: 'nl',
    body: paragraphs.map((text) => ({ type: 'paragraph', text })),
    subjects: index % 5 === 0 ? [{ name: 'politiek', code: 'medtop:11000000' }] : [],
    persons: [],
    organisations: [],
    places: [],
    infoSources: [{ name: 'ANP', role: 'originfo', uri: null }],
    rights: { copyrightHolder: 'ANP', copyrightNotice: '© ANP', usageTerms: null },
    packageMembers: [],
  };
}

function file(index: number, version: number): PreparedWireFile {
  const wire = item(index, version);
  const sha256 = createHash('sha256').update(`${wire.guid}#${version}`).digest('hex');
  return { ok: true, fileName: `wire-${index}-v${version}.json`, sha256, wire: { items: [wire], package: null, skipped: [] }, warnings: [] };
}

export interface VersionFigures {
  stories: number;
  firstImportMs: number;
  versionsImportMs: number;
  versionsPerSec: number;
  indexedAfterMs: number;
  metaBytes: number;
}

export async function benchVersions(count: number, log: (text: string) => void): Promise<VersionFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kroniek-bench-versions-'));
  try {
    const core = await openKroniek({ platform: 'cli', dataDir: dir, indexSnapshot: { enabled: false } });
    try {
      const first = await timed(() => importPrepared(core.context.store, Array.from({ length: count }, (_, k) => file(k, 1))));
      log(`  ${count} stories (version 1) in ${round(first.ms)} ms`);
      await core.library.indexing.whenReady();
      const updates = Array.from({ length: count }, (_, k) => file(k, 2));
      const second = await timed(() => importPrepared(core.context.store, updates));
      const report = second.value;
      if (report.totals.wireVersions !== count) throw new Error(`expected ${count} new versions, got ${report.totals.wireVersions}`);
      const perSec = count / (second.ms / 1000);
      log(`  ${count} new versions in ${round(second.ms)} ms: ${Math.round(perSec)} versions/s`);
      const indexed = await timed(() => core.library.indexing.whenReady());
      const probe = await core.library.indexing.match(`versie2bericht${count - 1}`);
      if (!probe || probe.matches.nums.length !== 1) throw new Error('the last new version is not searchable');
      log(`  indexes hold every new version ${round(indexed.ms)} ms after the import`);
      const metaBytes = Buffer.byteLength(JSON.stringify(core.context.store.meta));
      log(`  library.json: ${Math.round(metaBytes / 1024)} KB`);
      return { stories: count, firstImportMs: round(first.ms), versionsImportMs: round(second.ms), versionsPerSec: Math.round(perSec), indexedAfterMs: round(indexed.ms), metaBytes };
    } finally {
      await core.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
