import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { conflictLines, statusLines, syncWords } from './sync-messages';
import { cliLanguage } from './watch-messages';

// The team library on the command line (docs/TEAM-LIBRARY.md). The password comes from
// KRONIEK_SYNC_PASSWORD or the 0600 file in KRONIEK_SYNC_PASSWORD_FILE, never from argv.

export const syncCommand: CliCommand = {
  name: 'sync',
  usage: 'sync --remote URL [--user NAME] [--once|--live] [--lang nl|en]',
  summary: 'Share this library with a desk database (CouchDB): once, or live until Ctrl+C.',
  async run(args, { call, out, feed }) {
    const { values } = parseArgs({
      args,
      options: { remote: { type: 'string' }, user: { type: 'string' }, once: { type: 'boolean' }, live: { type: 'boolean' }, lang: { type: 'string' } },
      strict: true,
    });
    const language = cliLanguage(values.lang);
    if (!values.remote) throw new Error('--remote URL names the desk database.');
    const user = values.user ?? process.env.KRONIEK_SYNC_USER;
    if (!user) throw new Error('--user NAME (or KRONIEK_SYNC_USER) names your account on the desk database.');
    if (values.once && values.live) throw new Error('Choose --once or --live.');
    const once = !values.live;
    const status = await call('sync.connect', { url: values.remote, user, once });
    if (once) {
      out.result(status, () => statusLines(status, language).join('\n'));
      return status.state === 'error' ? 1 : 0;
    }
    let stop = () => undefined as void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    let last = '';
    const print = async () => {
      const now = await call('sync.status', {});
      const text = out.json ? JSON.stringify(now) : statusLines(now, language).join('\n');
      if (text !== last) process.stdout.write(`${text}\n`);
      last = text;
    };
    const unsubscribe = feed?.onCommit((commit) => {
      if (commit.changes.sync) void print();
    });
    try {
      await print();
      console.error(syncWords(language).stop);
      await stopped;
      return 0;
    } finally {
      unsubscribe?.();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
};

export const syncStatusCommand: CliCommand = {
  name: 'sync-status',
  usage: 'sync-status [--lang nl|en]',
  summary: 'Whether this library is shared, and how its sync stands.',
  async run(args, { call, out }) {
    const { values } = parseArgs({ args, options: { lang: { type: 'string' } }, strict: true });
    const language = cliLanguage(values.lang);
    const status = await call('sync.status', {});
    out.result(status, () => statusLines(status, language).join('\n'));
    return 0;
  },
};

export const conflictsCommand: CliCommand = {
  name: 'conflicts',
  usage: 'conflicts [--lang nl|en]',
  summary: 'Notes, dates and dossiers edited on two computers, with every version.',
  async run(args, { call, out }) {
    const { values } = parseArgs({ args, options: { lang: { type: 'string' } }, strict: true });
    const language = cliLanguage(values.lang);
    const conflicts = await call('sync.conflicts', {});
    out.result(conflicts, () => conflictLines(conflicts, language).join('\n'));
    return 0;
  },
};

export const resolveCommand: CliCommand = {
  name: 'resolve',
  usage: 'resolve <conflictId> --take mine|theirs|<revision> [--lang nl|en]',
  summary: 'Keep one version of a conflict (the others are removed everywhere).',
  async run(args, { call, out }) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { take: { type: 'string' }, lang: { type: 'string' } }, strict: true });
    const language = cliLanguage(values.lang);
    const [conflictId] = positionals;
    if (!conflictId || positionals.length > 1) throw new Error('Name one conflict (see kroniek conflicts).');
    if (!values.take) throw new Error('--take mine, theirs or a revision.');
    const result = await call('sync.resolve', { conflictId, take: values.take });
    out.result(result, () => syncWords(language).resolved(result.resolved));
    return 0;
  },
};

export const SYNC_COMMANDS: CliCommand[] = [syncCommand, syncStatusCommand, conflictsCommand, resolveCommand];
