import path from 'node:path';
import { DEFAULT_SEEDS_DIR, openKroniek, type KroniekCore } from '../core/app';
import { callThrough, type CliCommand } from './command';
import { chronologyCommand } from './commands-chronology';
import { quotesCommand } from './commands-quotes';
import { DOSSIER_COMMANDS } from './commands-dossiers';
import { TAG_AND_LINK_COMMANDS } from './commands-links';
import { importCommand, listCommand, showCommand } from './commands-library';
import { backupsCommand, compactCommand, exportLibraryCommand, importLibraryCommand, restoreBackupCommand } from './commands-maintenance';
import { searchCommand } from './commands-search';
import { diffCommand, versionsCommand } from './commands-versions';
import { proposalsCommand } from './commands-proposals';
import { watchCommand } from './commands-watch';
import { SYNC_COMMANDS } from './commands-sync';
import { noticeLine } from './messages';
import { createOutput, terminalText } from './output';

// The command line is a client of the contract like the renderer: it parses argv into a
// method's input, sends it through the core's one dispatcher, and renders the answer
// (English text, or the JSON value with --json). Nothing here reaches into the core.

/** Notices that mean the library was damaged: the CLI reports them and exits non-zero. */
const DAMAGE_NOTICES = new Set(['recovered', 'read-only', 'content-damaged', 'meta-missing']);

export const COMMANDS: CliCommand[] = [
  importCommand,
  listCommand,
  showCommand,
  exportLibraryCommand,
  compactCommand,
  importLibraryCommand,
  backupsCommand,
  restoreBackupCommand,
  ...DOSSIER_COMMANDS,
  chronologyCommand,
  quotesCommand,
  ...TAG_AND_LINK_COMMANDS,
  searchCommand,
  versionsCommand,
  diffCommand,
  watchCommand,
  proposalsCommand,
  ...SYNC_COMMANDS,
];

function usage(): string {
  const lines = COMMANDS.map((command) =>
    command.usage.length <= 44 ? `  kroniek ${command.usage.padEnd(44)} ${command.summary}` : `  kroniek ${command.usage}\n  ${''.padEnd(52)}${command.summary}`,
  );
  return `Usage: kroniek <command> [--data DIR] [--json]\n\nCommands:\n${lines.join('\n')}\n\n--data DIR   library folder (default: $KRONIEK_DATA or ./.kroniek-data)
--seeds      fill a new, empty library with the sample stories (the app and host always do)\n--json       print only JSON on stdout`;
}

/** Pulls the global flags out wherever they stand; the command parses the rest. */
function splitGlobal(argv: string[]): { data?: string; json: boolean; seeds: boolean; rest: string[] } {
  const rest: string[] = [];
  let data: string | undefined;
  let json = false;
  let seeds = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--seeds') seeds = true;
    else if (arg === '--data') {
      data = argv[++i];
      if (data === undefined) throw new Error('--data needs a folder.');
    } else if (arg.startsWith('--data=')) data = arg.slice('--data='.length);
    else rest.push(arg);
  }
  return { data, json, seeds, rest };
}

export async function run(argv: string[]): Promise<number> {
  const opened: { core?: KroniekCore } = {};
  let code: number;
  try {
    code = await runCommand(argv, opened);
  } catch (error) {
    console.error(`kroniek: ${terminalText(error instanceof Error ? error.message : String(error))}`);
    code = 1;
  }
  // Closing (the last backup, the lock) may fail too: said in one line, and the command fails.
  try {
    await opened.core?.close();
  } catch (error) {
    console.error(`kroniek: closing the library failed: ${terminalText(error instanceof Error ? error.message : String(error))}`);
    code = Math.max(code, 1);
  }
  return code;
}

async function runCommand(argv: string[], opened: { core?: KroniekCore }): Promise<number> {
  const { data, json, seeds, rest } = splitGlobal(argv);
  const [name, ...args] = rest;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(`kroniek: unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  const dataDir = path.resolve(data ?? process.env.KRONIEK_DATA ?? '.kroniek-data');
  const core = (opened.core = await openKroniek({ dataDir, seedsDir: seeds ? DEFAULT_SEEDS_DIR : undefined, platform: 'cli', indexes: 'lazy' }));
  const opening = core.opening();
  for (const notice of opening.notices) console.error(`kroniek: ${terminalText(noticeLine(notice))}`);
  const code = await command.run(args, { call: callThrough(core.dispatch), out: createOutput(json), feed: core.feed });
  // A damaged library is reported like the app does, and the command fails even where it could still read.
  const damaged = opening.readOnly || opening.notices.some((notice) => DAMAGE_NOTICES.has(notice.code));
  return damaged ? Math.max(code, 1) : code;
}
