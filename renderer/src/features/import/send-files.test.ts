import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../shared/contract/define';
import { ServiceError } from '../../../../shared/contract/envelope';
import { openRealCore, type RealCore, type RealCoreOptions } from '../../test/real-core';
import { bytesToBase64 } from './base64';
import { fromFile, type PickedFile } from './picked-file';
import { planBatches, sendFiles } from './send-files';

const messages = { tooLarge: (mb: number) => `over ${mb} MB`, unreadable: 'unreadable' };
const text = (name: string, content: string): PickedFile => fromFile(new File([content], name, { type: 'text/plain' }));

describe('bytesToBase64', () => {
  it('matches the platform encoder, also for files larger than one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    expect(bytesToBase64(bytes)).toBe(btoa(binary));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});

describe('planBatches', () => {
  it('splits by bytes and by count, keeping order', () => {
    const files = [4, 4, 4, 1, 1, 1].map((size, i) => ({ size, i }));
    expect(planBatches(files, 8, 10).map((batch) => batch.map((f) => f.i))).toEqual([[0, 1], [2, 3, 4, 5]]);
    expect(planBatches(files, 100, 4).map((batch) => batch.length)).toEqual([4, 2]);
  });

  it('gives a file larger than the batch size a batch of its own', () => {
    expect(planBatches([{ size: 20 }, { size: 1 }], 8, 10).map((b) => b.length)).toEqual([1, 1]);
  });
});

// sendFiles against the real core in-process: the real importer decides what is imported.
describe('sendFiles', () => {
  let real: RealCore | undefined;
  const open = async (options: RealCoreOptions = {}) => (real = await openRealCore(options));
  afterEach(async () => {
    await real?.close();
    real = undefined;
  });

  it('sends contents as base64 and returns one result per file in the given order with totals', async () => {
    const service = await open();
    const report = await sendFiles(service.client, [text('a.txt', 'Kop A\n\nPLAATS (ANP) - tekst'), text('leeg.txt', '')], messages);
    expect(report.files.map((f) => [f.fileName, f.status])).toEqual([
      ['a.txt', 'imported'],
      ['leeg.txt', 'rejected'],
    ]);
    expect(report.totals).toMatchObject({ files: 2, imported: 1, rejected: 1, duplicate: 0 });
    const sent = service.callsOf('import.files') as { files: { name: string; base64: string }[] }[];
    expect(atob(sent[0]!.files[0]!.base64)).toBe('Kop A\n\nPLAATS (ANP) - tekst');
    expect(report.files[1]).toMatchObject({ code: 'empty' });
  });

  it('rejects an oversized file locally, without failing the rest of the batch', async () => {
    const service = await open();
    const huge: PickedFile = { name: 'huge.txt', size: LIMITS.fileBytes + 1, read: async () => new ArrayBuffer(0) };
    const report = await sendFiles(service.client, [huge, text('b.txt', 'Kop B\n\nX (ANP) - y')], messages);
    expect(report.files.map((f) => [f.fileName, f.status, f.reason ?? null])).toEqual([
      ['huge.txt', 'rejected', 'over 5 MB'],
      ['b.txt', 'imported', null],
    ]);
    const sent = service.callsOf('import.files') as { files: { name: string }[] }[];
    expect(sent.flatMap((call) => call.files.map((f) => f.name))).toEqual(['b.txt']);
  });

  it('reports an unreadable file as rejected', async () => {
    const service = await open();
    const broken: PickedFile = { name: 'gone.txt', size: 3, read: () => Promise.reject(new Error('NotFoundError')) };
    const report = await sendFiles(service.client, [broken], messages);
    expect(report.files).toMatchObject([{ fileName: 'gone.txt', status: 'rejected', reason: 'unreadable' }]);
    expect(service.callsOf('import.files')).toHaveLength(0);
  });

  it('keeps the results of earlier batches when a later call fails, and says why the rest failed', async () => {
    // The core cannot be made to fail the second call on cue: the fault is injected.
    const service = await open({ fault: (method, count) => (method === 'import.files' && count === 2 ? new ServiceError('locked', 'The library is locked by another process.') : undefined) });
    // 200 files per call: the 201st goes in a second call.
    const files = Array.from({ length: 201 }, (_, i) => text(`f${i}.txt`, `Kop nummer ${i}\n\nPLAATS (ANP) - Bericht ${i}.`));
    const progress: number[] = [];
    const report = await sendFiles(service.client, files, messages, (p) => progress.push(p.done));
    expect(report.totals).toMatchObject({ files: 201, imported: 200, rejected: 1 });
    expect(report.files[200]).toMatchObject({ fileName: 'f200.txt', status: 'rejected', code: 'locked', reason: 'The library is locked by another process.' });
    expect(progress).toEqual([0, 200, 201]);
    // The first batch really is in the library.
    expect((await service.call<{ counts: { articles: number } }>('library.status')).counts.articles).toBe(200);
  });
});
