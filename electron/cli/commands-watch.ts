import path from 'node:path';
import { parseArgs } from 'node:util';
import type { WatchLogEntry } from '../../shared/contract/watch';
import type { CliCommand } from './command';
import { cliLanguage, watchLogLine, watchWords } from './watch-messages';

/** `stopped` settles on Ctrl+C (SIGINT) or SIGTERM; `release` gives the signals back. */
function untilStopped(): { stopped: Promise<void>; release(): void } {
  let stop = () => undefined as void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    stopped,
    release: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

export const watchCommand: CliCommand = {
  name: 'watch',
  usage: 'watch <folder>... [--move-imported] [--lang nl|en] [--json]',
  summary: 'Import files as they arrive in drop folders, until Ctrl+C.',
  async run(args, { call, out, feed }) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'move-imported': { type: 'boolean' }, lang: { type: 'string' } },
      strict: true,
    });
    if (positionals.length === 0) throw new Error('Name at least one folder to watch.');
    if (!feed) throw new Error('watch needs the library’s change feed.');
    const language = cliLanguage(values.lang);
    const words = watchWords(language);
    const { stopped, release } = untilStopped();
    let last = 0;
    const print = (entries: WatchLogEntry[]) => {
      for (const entry of entries) {
        if (entry.seq <= last) continue;
        last = entry.seq;
        // One line per file either way: JSON lines with --json.
        process.stdout.write(`${out.json ? JSON.stringify(entry) : watchLogLine(entry, language)}\n`);
      }
    };
    let pending = Promise.resolve();
    const catchUp = () => {
      pending = pending.then(async () => print((await call('watch.log', { after: last })).entries.reverse()));
      return pending;
    };
    const unsubscribe = feed.onCommit((commit) => {
      if (commit.changes.watch) void catchUp();
    });
    try {
      for (const given of positionals) {
        // Paths are the CLI's, relative to where it runs; watched for this run only.
        const folder = await call('watch.add', { path: path.resolve(given), moveImported: values['move-imported'] ?? false, persist: false });
        console.error(watchWords(language).watching(folder.path));
      }
      await catchUp();
      console.error(words.stop);
      await stopped;
      await pending;
      console.error(words.stopped);
      return 0;
    } finally {
      unsubscribe();
      release();
    }
  },
};
