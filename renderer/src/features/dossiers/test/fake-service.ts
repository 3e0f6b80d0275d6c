// Renderer tests only: dossier, backup and export methods for the FakeService,
// in memory, with one undo snapshot per edit. The real operations are tested in
// the core; this only has to answer like the contract says.
import type { DossierDetail } from '../../../../../shared/contract/dossiers';
import { ServiceError } from '../../../../../shared/contract/envelope';
import type { BackupInfo } from '../../../../../shared/contract/backups';
import type { Dossier } from '../../../../../shared/types';
import type { FakeService } from '../../../test/fake-service';
import { moveItem } from '../reorder';
import type { HistoryLabel } from '../../../../../shared/messages';

export interface FakeDossiers {
  dossiers: Dossier[];
  backups: BackupInfo[];
  /** Story ids each series lookup answers with (by story id). */
  series: Map<string, string[]>;
  restored: string[];
  /** Names of the library archives imported (upload) and `dialog` for each import through the open dialog. */
  archiveImports: string[];
}

const utf8Base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

export function installFakeDossiers(service: FakeService, initial: Partial<Pick<FakeDossiers, 'dossiers' | 'backups'>> = {}): FakeDossiers {
  const state: FakeDossiers = { dossiers: initial.dossiers ?? [], backups: initial.backups ?? [], series: new Map(), restored: [], archiveImports: [] };
  const undo: { label: HistoryLabel; dossiers: Dossier[] }[] = [];
  const redo: { label: HistoryLabel; dossiers: Dossier[] }[] = [];
  let clock = Date.parse('2024-06-20T10:00:00.000Z');
  const now = () => new Date((clock += 60_000)).toISOString();

  const clone = (list: Dossier[]) => list.map((d) => ({ ...d, entries: d.entries.map((e) => ({ ...e })) }));
  const history = () => ({ canUndo: undo.length > 0, canRedo: redo.length > 0, undoLabel: undo.at(-1)?.label ?? null, redoLabel: redo.at(-1)?.label ?? null });
  const find = (id: string) => {
    const dossier = state.dossiers.find((d) => d.id === id);
    if (!dossier) throw new ServiceError('not-found', `No dossier with id ${id}.`);
    return dossier;
  };
  const detail = (dossier: Dossier): DossierDetail => {
    const entries = dossier.entries.map((entry) => {
      const story = service.stories.find((s) => s.id === entry.storyId);
      if (!story) return { ...entry, story: null };
      const { body: _b, source: _s, warnings: _w, note: _n, ...summary } = story;
      return { ...entry, story: summary };
    });
    return { dossier: { ...dossier, entries: dossier.entries.map((e) => ({ ...e })) }, entries, missingCount: entries.filter((e) => !e.story).length };
  };
  function edit(label: HistoryLabel, id: string, change: (dossier: Dossier) => void): DossierDetail {
    const dossier = find(id);
    undo.push({ label, dossiers: clone(state.dossiers) });
    redo.length = 0;
    change(dossier);
    dossier.updatedAt = now();
    service.history = history();
    return detail(dossier);
  }

  const o = service.overrides;
  o['dossiers.list'] = () =>
    state.dossiers.map((d) => ({
      id: d.id,
      title: d.title,
      subtitle: d.subtitle,
      entryCount: d.entries.length,
      missingCount: d.entries.filter((e) => !service.stories.some((s) => s.id === e.storyId)).length,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    }));
  o['dossiers.get'] = ({ id }) => detail(find(id));
  o['dossiers.create'] = (input) => {
    let storyIds = input.storyIds ?? [];
    if (input.seriesOf) storyIds = state.series.get(input.seriesOf) ?? [input.seriesOf];
    if (input.tagId) storyIds = service.stories.filter((s) => s.tagIds.includes(input.tagId!)).map((s) => s.id);
    const dossier: Dossier = {
      id: `d${state.dossiers.length + 1}`,
      title: input.title.trim(),
      subtitle: input.subtitle ?? '',
      intro: input.intro ?? '',
      entries: storyIds.map((storyId) => ({ storyId, note: '' })),
      createdAt: now(),
      updatedAt: now(),
    };
    undo.push({ label: { code: 'dossier.create' }, dossiers: clone(state.dossiers) });
    state.dossiers.unshift(dossier);
    service.history = history();
    return detail(dossier);
  };
  o['dossiers.update'] = ({ id, ...fields }) =>
    edit({ code: 'dossier.edit' }, id, (d) => {
      if (fields.title !== undefined) d.title = fields.title;
      if (fields.subtitle !== undefined) d.subtitle = fields.subtitle;
      if (fields.intro !== undefined) d.intro = fields.intro;
    });
  o['dossiers.addStories'] = ({ id, storyIds }) => {
    let added = 0;
    const result = edit({ code: 'dossier.addStories', count: storyIds.length }, id, (d) => {
      for (const storyId of storyIds) {
        if (d.entries.some((e) => e.storyId === storyId)) continue;
        d.entries.push({ storyId, note: '' });
        added++;
      }
    });
    return { ...result, added, alreadyIn: storyIds.length - added };
  };
  o['dossiers.removeEntry'] = ({ id, storyId }) => edit({ code: 'dossier.removeStory' }, id, (d) => void (d.entries = d.entries.filter((e) => e.storyId !== storyId)));
  o['dossiers.moveEntry'] = ({ id, from, to }) => edit({ code: 'dossier.reorder' }, id, (d) => void (d.entries = moveItem(d.entries, from, to)));
  o['dossiers.setEntryNote'] = ({ id, storyId, note }) =>
    edit({ code: 'dossier.setNote' }, id, (d) => {
      const entry = d.entries.find((e) => e.storyId === storyId);
      if (entry) entry.note = note;
    });
  o['dossiers.delete'] = ({ id }) => {
    find(id);
    undo.push({ label: { code: 'dossier.delete' }, dossiers: clone(state.dossiers) });
    state.dossiers = state.dossiers.filter((d) => d.id !== id);
    service.history = history();
    return { deleted: id };
  };
  o['dossiers.export'] = ({ id, format }) => {
    const dossier = find(id);
    return { fileName: `${dossier.title}.${format === 'ninjs' ? 'json' : format}`, mimeType: 'text/plain', base64: utf8Base64(`${format}: ${dossier.title}`), skippedMissing: 0 };
  };
  o['dossiers.exportProgress'] = () => null;
  o['dossiers.cancelExport'] = () => ({ cancelled: 0 });
  o['dossiers.exportToFile'] = ({ id, format }) => {
    const dossier = find(id);
    const fileName = `${dossier.title}.${format}`;
    return { path: `/home/editor/${fileName}`, fileName, skippedMissing: 0 };
  };
  o['dossiers.revealExport'] = () => null;
  o['dossiers.openExport'] = () => null;
  o['tags.list'] = () => [];
  o['series.get'] = ({ storyId }) => {
    const ids = state.series.get(storyId) ?? [storyId];
    return {
      storyId,
      name: null,
      entries: ids.map((id) => {
        const story = service.stories.find((s) => s.id === id)!;
        return { story, date: story.publishedAt, dateKnown: story.publishedAt !== null, placement: 'date' as const };
      }),
      links: [],
      cycle: false,
      dateConflicts: [],
    };
  };
  o['history.state'] = () => history();
  o['history.undo'] = () => {
    const step = undo.pop();
    if (step) {
      redo.push({ label: step.label, dossiers: clone(state.dossiers) });
      state.dossiers = step.dossiers;
    }
    return (service.history = history());
  };
  o['history.redo'] = () => {
    const step = redo.pop();
    if (step) {
      undo.push({ label: step.label, dossiers: clone(state.dossiers) });
      state.dossiers = step.dossiers;
    }
    return (service.history = history());
  };
  o['backups.list'] = () => state.backups;
  o['backups.restore'] = ({ name }) => {
    state.restored.push(name);
    state.dossiers = [];
    return { dataDir: '/tmp/fake', schemaVersion: 1, counts: { articles: 0, briefs: 0, tags: 0, links: 0, dossiers: 0 }, readOnly: false, notices: [], index: { ready: true, indexed: 0, total: 0 } };
  };
  o['library.exportArchiveToFile'] = () => ({ path: '/home/editor/kroniek-library.json', stories: service.stories.length });
  o['library.exportArchive'] = () => ({
    fileName: 'kroniek-library-2024-06-20.json',
    mimeType: 'application/json',
    base64: utf8Base64('{"format":"kroniek-library"}'),
    stories: service.stories.length,
  });
  // An import adds one story, one tag and one dossier, so tests can see every part of the UI refresh.
  const importArchive = (name: string) => {
    state.archiveImports.push(name);
    if (!service.stories.some((story) => story.id === 'arch1')) {
      service.stories.push({ ...service.stories[0]!, id: 'arch1', headline: 'Kim en Poetin tekenen verdrag', tagIds: ['tarch'] });
      state.dossiers.push({ id: 'darch', title: 'Uit het archief', subtitle: '', intro: '', entries: [{ storyId: 'arch1', note: '' }], createdAt: now(), updatedAt: now() });
      o['tags.list'] = () => [{ id: 'tarch', name: 'Rusland', color: '#aa3300', parentId: null, mediaTopic: null, count: 1, depth: 0, childCount: 0 }];
    }
    return {
      mode: 'merged' as const,
      storiesAdded: 1,
      storiesAlreadyPresent: 40,
      tagsAdded: 1,
      tagsMatched: 2,
      linksAdded: 3,
      dossiersAdded: 1,
      searchesAdded: 0,
      conflictsKept: 1,
      notTaken: [],
      backup: 'library-2024-06-20T14-00-00-000Z.json',
    };
  };
  o['library.importArchive'] = ({ name }) => importArchive(name);
  o['library.importArchiveWithDialog'] = () => importArchive('dialog');
  return state;
}

export function makeDossier(partial: Partial<Dossier> & { id: string; title: string; storyIds: string[] }): Dossier {
  const { storyIds, ...rest } = partial;
  return {
    subtitle: '',
    intro: '',
    createdAt: '2024-06-20T09:00:00.000Z',
    updatedAt: '2024-06-20T09:00:00.000Z',
    entries: storyIds.map((storyId) => ({ storyId, note: '' })),
    ...rest,
  };
}
