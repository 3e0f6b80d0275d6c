import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../core/import/importer';
import { LibraryStore } from '../core/store/library-store';
import { withTempDir } from '../core/store/test/helpers';
import { runCli } from './test/helpers';

const utf8 = (text: string) => new TextEncoder().encode(text);
const CAPTURED = Date.UTC(2026, 11, 1, 9);
const LEAD = 'Het kabinet trekt 200 miljoen euro extra uit voor de versterking van de dijken in Zeeland. Dat maakte de minister dinsdag bekend.';

/** A library with one page-text story and an update of it waiting as a proposal. */
async function library(dir: string): Promise<string> {
  const data = path.join(dir, 'lib');
  const store = await LibraryStore.open(data);
  await importBytes(store, [{ name: 'a.txt', bytes: utf8(`Kabinet trekt extra geld uit voor dijken in Zeeland\nDEN HAAG (ANP) - ${LEAD}\nDe waterschappen zijn opgelucht.\n`), lastModified: CAPTURED }]);
  await importBytes(store, [{ name: 'b.txt', bytes: utf8(`Kabinet trekt extra geld uit voor dijken in Zeeland en Friesland\nDEN HAAG (ANP) - ${LEAD}\nOok Friesland krijgt geld.\n`), lastModified: CAPTURED + 3_600_000 }]);
  await store.close();
  return data;
}

describe('kroniek proposals', () => {
  it('lists an open proposal as JSON and text, merges it, and then lists none', async () => {
    await withTempDir(async (dir) => {
      const data = await library(dir);
      const listed = JSON.parse((await runCli(['--data', data, 'proposals', '--json'])).stdout);
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ status: 'open', storyHeadline: 'Kabinet trekt extra geld uit voor dijken in Zeeland' });
      const text = await runCli(['--data', data, 'proposals']);
      expect(text.stdout).toContain(`${listed[0].id}  [open]`);
      expect(text.stdout).toContain('looks like an update of');

      const accepted = await runCli(['--data', data, 'proposals', 'accept', listed[0].id]);
      expect(accepted.code).toBe(0);
      expect(accepted.stdout).toContain('Merged as a new version of');
      expect((await runCli(['--data', data, 'proposals'])).stdout.trim()).toBe('No open proposals.');
      const all = JSON.parse((await runCli(['--data', data, 'proposals', '--all', '--json'])).stdout);
      expect(all.map((proposal: { status: string }) => proposal.status)).toEqual(['accepted']);
      const versions = JSON.parse((await runCli(['--data', data, 'versions', listed[0].storyId, '--json'])).stdout);
      expect(versions.map((version: { version: number }) => version.version)).toEqual([1, 2]);

      const wrong = await runCli(['--data', data, 'proposals', 'merge', listed[0].id]);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain('proposals accept|decline <id>');
    });
  });
});
