import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli, type CliResult } from '../../../cli/test/helpers';
import { withTempDir } from '../../store/test/helpers';

// The tag, link, series, related and date commands through the real CLI entry
// point, on a library folder filled with the sample stories by `--seeds`.

const cli = runCli;

afterEach(() => vi.restoreAllMocks());

type Kroniek = (...args: string[]) => Promise<CliResult>;

/** Runs a command that must succeed with --json and returns its parsed stdout (which must be JSON alone). */
async function json<T>(kroniek: Kroniek, ...args: string[]): Promise<T> {
  const result = await kroniek(...args, '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

interface Articles {
  support: string;
  leaves: string;
  visit: string;
  thanks: string;
  treaty: string;
  brief: string;
}

async function withLibrary<T>(runTest: (kroniek: Kroniek, a: Articles) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const data = path.join(dir, 'library');
    const kroniek: Kroniek = (...args) => cli(['--data', data, ...args]);
    const stories = await json<{ id: string; kind: string; headline: string }[]>(kroniek, '--seeds', 'list');
    const find = (words: string) => stories.find((story) => story.kind === 'article' && story.headline.includes(words))!.id;
    return runTest(kroniek, {
      support: find('volledige steun'),
      leaves: find('vertrekt'),
      visit: find('zeldzaam bezoek'),
      thanks: find('dankt'),
      treaty: find('tekenen'),
      brief: stories.find((story) => story.kind === 'brief')!.id,
    });
  });
}

describe('kroniek tag commands', () => {
  it('tags stories by name, lists tags, renames and merges them (names matched without case or accents)', async () => {
    await withLibrary(async (kroniek, a) => {
      const tagged = await json<{ changedStories: number; createdTags: { name: string }[] }>(kroniek, 'tag', a.visit, a.thanks, a.treaty, '--add', 'Noord-Korea', '--add', 'Poetin');
      expect(tagged.changedStories).toBe(3);
      expect(tagged.createdTags.map((tag) => tag.name)).toEqual(['Noord-Korea', 'Poetin']);
      await json(kroniek, 'tag', a.support, '--add', 'noord-korea', '--add', 'Vladimir Poetin');

      const tags = await json<{ name: string; count: number }[]>(kroniek, 'tags');
      expect(tags.map((tag) => [tag.name, tag.count])).toEqual([
        ['Noord-Korea', 4],
        ['Poetin', 3],
        ['Vladimir Poetin', 1],
      ]);

      const clash = await kroniek('tag-rename', 'poetin', 'VLADIMIR POETIN');
      expect(clash.code).not.toBe(0);
      expect(clash.stdout).toBe('');
      expect(clash.stderr).toContain('Merge "Poetin" into "Vladimir Poetin"');

      const merged = await json<{ moved: number; into: { name: string; count: number } }>(kroniek, 'tag-merge', 'POETIN', 'vladimir poetin');
      expect(merged).toMatchObject({ moved: 3, into: { name: 'Vladimir Poetin', count: 4 } });
      const renamed = await json<{ name: string; count: number }>(kroniek, 'tag-rename', 'Noord-Korea', 'Noord-Korea (DVK)');
      expect(renamed).toMatchObject({ name: 'Noord-Korea (DVK)', count: 4 });

      const removed = await json<{ removed: number }>(kroniek, 'tag', a.support, '--remove', 'noord-korea (dvk)');
      expect(removed.removed).toBe(1);
      const text = await kroniek('tags');
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('Noord-Korea (DVK)  (3 stories)');
      expect(text.stdout).toContain('Vladimir Poetin  (4 stories)');
    });
  });

  it('fails with a message on stderr for unknown tags, stories and missing arguments', async () => {
    await withLibrary(async (kroniek, a) => {
      for (const args of [
        ['tag', a.visit, '--remove', 'Nergens'],
        ['tag', 'nope', '--add', 'X'],
        ['tag', a.visit],
        ['tag-merge', 'A'],
        ['tag-rename', 'Nergens', 'Iets'],
      ]) {
        const result = await kroniek(...args, '--json');
        expect(result.code, args.join(' ')).not.toBe(0);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^kroniek: \S/);
      }
      expect((await json<unknown[]>(kroniek, 'tags')).length).toBe(0);
    });
  });

  it('suggests tags from the entities of a sample story, as {name, kind, reasons}', async () => {
    await withLibrary(async (kroniek, a) => {
      const suggestions = await json<{ name: string; kind: string; reasons: { kind: string }[] }[]>(kroniek, 'suggest-tags', a.treaty);
      for (const suggestion of suggestions) {
        expect(Object.keys(suggestion).sort()).toEqual(['kind', 'name', 'reasons']);
        expect(suggestion.reasons.every((reason) => ['mentions', 'inHeadline', 'datelinePlace'].includes(reason.kind))).toBe(true);
        expect(['person', 'place', 'organisation', 'topic']).toContain(suggestion.kind);
      }
      // The treaty story suggests its two leaders, and a suggestion taken as a tag is no longer suggested.
      expect(suggestions.map((s) => s.name)).toEqual(expect.arrayContaining(['Kim Jong-un', 'Vladimir Poetin']));
      await json(kroniek, 'tag', a.treaty, '--add', suggestions[0]!.name);
      const after = await json<{ name: string }[]>(kroniek, 'suggest-tags', a.treaty);
      expect(after.map((s) => s.name)).not.toContain(suggestions[0]!.name);
    });
  });
});

describe('kroniek link, series, related and date commands', () => {
  it('links, lists from both ends, and unlinks', async () => {
    await withLibrary(async (kroniek, a) => {
      const link = await json<{ id: string; label: string; from: string; to: string; note: string }>(kroniek, 'link', a.support, a.leaves, '--type', 'follow-up', '--note', 'Een jaar later');
      expect(link).toMatchObject({ label: 'followed-by', from: a.support, to: a.leaves, note: 'Een jaar later' });
      const fromLater = await json<{ label: string; labelText: string; otherId: string; otherHeadline: string }[]>(kroniek, 'links', a.leaves);
      expect(fromLater).toEqual([expect.objectContaining({ label: 'follow-up-of', labelText: 'follow-up of', otherId: a.support })]);
      expect(fromLater[0]!.otherHeadline).toContain('volledige steun');
      const text = await kroniek('links', a.support);
      expect(text.stdout).toContain(`followed by: ${a.leaves}`);

      const self = await kroniek('link', a.visit, a.visit, '--type', 'related');
      expect(self.code).not.toBe(0);
      expect(self.stderr).toContain('cannot be linked to itself');
      const duplicate = await kroniek('link', a.leaves, a.support, '--type', 'series', '--json');
      expect(duplicate.code).not.toBe(0);
      expect(duplicate.stdout).toBe('');
      expect(duplicate.stderr).toContain('already linked');
      const badType = await kroniek('link', a.leaves, a.visit, '--type', 'sequel');
      expect(badType.code).not.toBe(0);
      // Values are checked once, by the dispatcher, against the contract's schema.
      expect(badType.stderr).toMatch(/^kroniek: Invalid input for links\.create: type: .*"series"\|"follow-up"\|"background"\|"same-event"\|"related"/);

      expect(await json(kroniek, 'unlink', a.leaves, a.support)).toEqual({ removed: 1 });
      expect(await json(kroniek, 'links', a.support)).toEqual([]);
      const again = await kroniek('unlink', a.leaves, a.support);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain('are not linked');
    });
  });

  it('shows the Kim–Poetin series in timeline order after setting dates', async () => {
    await withLibrary(async (kroniek, a) => {
      await json(kroniek, 'link', a.treaty, a.thanks, '--type', 'series');
      await json(kroniek, 'link', a.visit, a.treaty, '--type', 'series');
      await json(kroniek, 'link', a.leaves, a.visit, '--type', 'series');
      await json(kroniek, 'link', a.support, a.leaves, '--type', 'follow-up');
      const dates: [string, string][] = [
        [a.support, '2023-06-12'],
        [a.leaves, '2023-09-17'],
        [a.visit, '2024-06-18'],
        [a.thanks, '2024-06-19'],
        [a.treaty, '2024-06-20'],
      ];
      for (const [id, date] of dates.slice().reverse()) {
        expect(await json(kroniek, 'set-date', id, date)).toMatchObject({ id, publishedAt: date });
      }
      const series = await json<{ id: string; date: string; dateKnown: boolean; place: string; headline: string }[]>(kroniek, 'series', a.thanks);
      expect(series.map((entry) => [entry.id, entry.date])).toEqual(dates);
      expect(series.every((entry) => entry.dateKnown && entry.headline && typeof entry.place === 'string')).toBe(true);
      const text = await kroniek('series', a.support);
      expect(text.stdout.split('\n')[0]).toContain(`1. 2023-06-12  ${a.support}`);

      const cleared = await json<{ publishedAt: string | null }>(kroniek, 'set-date', a.leaves, 'none');
      expect(cleared.publishedAt).toBeNull();
      const undated = await json<{ id: string; dateKnown: boolean; placement: string }[]>(kroniek, 'series', a.thanks);
      expect(undated[1]).toMatchObject({ id: a.leaves, dateKnown: false, placement: 'links' });

      for (const bad of [['set-date', a.leaves, '2024-02-30'], ['set-date', a.leaves, '19-06-2024'], ['set-date', 'nope', '2024-06-19'], ['series', 'nope']]) {
        const result = await kroniek(...bad);
        expect(result.code, bad.join(' ')).not.toBe(0);
        expect(result.stderr).toMatch(/^kroniek: \S/);
      }
    });
  });

  it('lists related stories as JSON, best first, leaving out linked stories', async () => {
    await withLibrary(async (kroniek, a) => {
      const related = await json<{ id: string; headline: string; kind: string; score: number; reasons: { kind: string }[] }[]>(kroniek, 'related', a.visit, '--limit', '6');
      expect(related.length).toBeGreaterThan(0);
      expect(related.length).toBeLessThanOrEqual(6);
      for (const item of related) {
        expect(Object.keys(item).sort()).toEqual(['band', 'headline', 'id', 'kind', 'reasons', 'score']);
        expect(item.reasons.every((reason) => ['sharedEntities', 'sharedTerms', 'daysApart'].includes(reason.kind))).toBe(true);
      }
      const scores = related.map((item) => item.score);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
      // The ranking itself is the related engine's; here: linked stories drop out of the list.
      await json(kroniek, 'link', a.visit, related[0]!.id, '--type', 'related');
      const after = await json<{ id: string }[]>(kroniek, 'related', a.visit, '--limit', '6');
      expect(after.map((item) => item.id)).not.toContain(related[0]!.id);

      const bad = await kroniek('related', a.visit, '--limit', 'many');
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/^kroniek: Invalid input for related\.list: limit: /);
      const tooMany = await kroniek('related', a.visit, '--limit', '101');
      expect(tooMany.stderr).toMatch(/^kroniek: Invalid input for related\.list: limit: .*100/);
    });
  });
});
