import { parseArgs } from 'node:util';
import type { TagListItem } from '../../shared/contract/tags';
import { tagIdOf, type CliCommand } from './command';
import { oneLine } from './output';
import { suggestionReasonsText } from './reasons';

// Tag commands. Tags are named on the command line; names match without case or
// diacritics (`oekraine` finds `Oekraïne`), and a tag id works too (`tags.find`).

function tagsText(tags: TagListItem[]): string {
  if (tags.length === 0) return 'There are no tags yet.';
  return tags
    .map((tag) => {
      const extras = [tag.color, tag.mediaTopic].filter(Boolean).join(' ');
      const count = `${tag.count} ${tag.count === 1 ? 'story' : 'stories'}`;
      return `${'  '.repeat(tag.depth)}${oneLine(tag.name)}  (${count})${extras ? `  ${extras}` : ''}  [${tag.id}]`;
    })
    .join('\n');
}

export const tagsCommand: CliCommand = {
  name: 'tags',
  usage: 'tags [--json]',
  summary: 'List the tags as a tree, with how many stories carry each.',
  async run(args, { call, out }) {
    parseArgs({ args, options: {}, strict: true });
    const tags = await call('tags.list', {});
    out.result(tags, () => tagsText(tags));
    return 0;
  },
};

export const tagCommand: CliCommand = {
  name: 'tag',
  usage: 'tag <id>... --add NAME [--add NAME] [--remove NAME] [--json]',
  summary: 'Add tags to (new names are created) or remove tags from stories, as one undo step.',
  async run(args, { call, out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { add: { type: 'string', multiple: true }, remove: { type: 'string', multiple: true } },
      strict: true,
    });
    if (positionals.length === 0) throw new Error('Name at least one story id.');
    const removeTagIds: string[] = [];
    for (const name of values.remove ?? []) removeTagIds.push(await tagIdOf(call, name));
    const result = await call('tags.apply', { storyIds: positionals, addNames: values.add, removeTagIds: removeTagIds.length ? removeTagIds : undefined });
    out.result(result, () => {
      const created = result.createdTags.length ? `; new tags: ${result.createdTags.map((tag) => oneLine(tag.name)).join(', ')}` : '';
      return `${result.changedStories} of ${result.stories.length} ${result.stories.length === 1 ? 'story' : 'stories'} changed (${result.added} added, ${result.removed} removed${created}).`;
    });
    return 0;
  },
};

export const tagRenameCommand: CliCommand = {
  name: 'tag-rename',
  usage: 'tag-rename OLD NEW [--json]',
  summary: 'Rename a tag (every story keeps it).',
  async run(args, { call, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 2) throw new Error('Give the tag to rename and its new name: tag-rename OLD NEW.');
    const tag = await call('tags.update', { id: await tagIdOf(call, positionals[0]!), name: positionals[1] });
    out.result(tag, () => `Renamed to "${oneLine(tag.name)}" (${tag.count} ${tag.count === 1 ? 'story' : 'stories'}).`);
    return 0;
  },
};

export const tagMergeCommand: CliCommand = {
  name: 'tag-merge',
  usage: 'tag-merge FROM INTO [--json]',
  summary: 'Merge tag FROM into INTO: every story with FROM gets INTO; FROM is removed.',
  async run(args, { call, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 2) throw new Error('Give the tag to merge and the tag to merge it into: tag-merge FROM INTO.');
    const fromId = await tagIdOf(call, positionals[0]!);
    const intoId = await tagIdOf(call, positionals[1]!);
    const result = await call('tags.merge', { fromId, intoId });
    out.result(result, () => `Merged into "${oneLine(result.into.name)}": ${result.moved} ${result.moved === 1 ? 'story' : 'stories'} moved over, ${result.into.count} now tagged.`);
    return 0;
  },
};

export const suggestTagsCommand: CliCommand = {
  name: 'suggest-tags',
  usage: 'suggest-tags <id> [--json]',
  summary: "Suggested tags from a story's people, places and organisations.",
  async run(args, { call, out }) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
    if (positionals.length !== 1) throw new Error('Name exactly one story id.');
    const suggestions = await call('tags.suggest', { storyId: positionals[0] });
    const json = suggestions.map(({ name, kind, reasons }) => ({ name, kind, reasons }));
    out.result(json, () => (json.length ? json.map((s) => `${oneLine(s.name)}  (${s.kind}; ${suggestionReasonsText(s.reasons)})`).join('\n') : 'No tag suggestions for this story.'));
    return 0;
  },
};

export const TAG_COMMANDS: CliCommand[] = [tagsCommand, tagCommand, tagRenameCommand, tagMergeCommand, suggestTagsCommand];
