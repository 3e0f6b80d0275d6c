import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { LibraryStore } from '../../core/store/library-store';
import { fakeStory } from '../../core/store/test/helpers';

// Concurrent writers on one library folder, as editors run them: `kroniek` commands in
// separate processes (the real bundle) and the web host, started together, and killed
// (SIGKILL) at random moments. Every edit a writer acknowledged (exit 0 from a command,
// `ok` from the host) must be in the library afterwards. Used by concurrency.test.ts
// (small counts, in `npm test`) and `npm run -s reliability` (the figures in the README).

const CLI_DRIVER = path.join(import.meta.dirname, 'cli-driver.mjs');
const HOST_DRIVER = path.join(import.meta.dirname, 'host-driver.mjs');
export const STORIES = Array.from({ length: 8 }, (_, index) => `s${index}`);

export interface Figures {
  cliPairs: number;
  hostPairs: number;
  kills: number;
  acknowledged: number;
  refused: number;
  lost: string[];
  /** Anything a writer printed that is not a clear one-line message (a stack trace). */
  noise: string[];
}

export function newFigures(): Figures {
  return { cliPairs: 0, hostPairs: 0, kills: 0, acknowledged: 0, refused: 0, lost: [], noise: [] };
}

interface Edit {
  story: string;
  tag: string;
}

/** A library with a few stories, made directly with the store. */
export async function makeLibrary(dir: string): Promise<void> {
  const store = await LibraryStore.open(dir);
  await store.addStories(STORIES.map((id) => fakeStory(id)));
  await store.close();
}

export class CliDriver {
  private next = 0;
  private readonly waiting = new Map<number, (code: number) => void>();
  stderr = '';

  private constructor(readonly child: ChildProcess) {
    child.on('message', (message: { id?: number; code?: number }) => {
      if (message.id === undefined) return;
      this.waiting.get(message.id)?.(message.code ?? -1);
      this.waiting.delete(message.id);
    });
    child.once('exit', () => {
      for (const resolve of this.waiting.values()) resolve(-1);
      this.waiting.clear();
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
  }

  static async start(): Promise<CliDriver> {
    const child = fork(CLI_DRIVER, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, KRONIEK_DATA: '' } });
    const driver = new CliDriver(child);
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the CLI driver exited (${code}): ${driver.stderr}`)));
    });
    return driver;
  }

  /** Runs `kroniek --data DIR ...args`; the exit code (-1 when the process was killed). */
  run(dir: string, ...args: string[]): Promise<number> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ id, args: ['--data', dir, ...args] });
    });
  }

  edit(dir: string, edit: Edit): Promise<number> {
    return this.run(dir, 'tag', edit.story, '--add', edit.tag);
  }

  async kill(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }
}

export class HostProcess {
  stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly token: string,
  ) {}

  static async start(dir: string): Promise<HostProcess> {
    const child = fork(HOST_DRIVER, ['--data', dir, '--no-seeds', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, KRONIEK_DATA: '' } });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const url = await new Promise<URL>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', (line) => resolve(new URL(line)));
      child.once('exit', (code) => reject(new Error(`the host exited (${code}): ${stderr}`)));
    });
    const host = new HostProcess(child, Number(url.port), url.searchParams.get('token') ?? '');
    child.stderr!.on('data', () => (host.stderr = stderr));
    return host;
  }

  /** Asks the host for the edit; true when it answered that it is done. */
  async edit(edit: Edit): Promise<boolean> {
    try {
      const response = await fetch(`http://127.0.0.1:${this.port}/api/tags.apply`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kroniek-token': this.token },
        body: JSON.stringify({ storyIds: [edit.story], addNames: [edit.tag] }),
      });
      return ((await response.json()) as { ok: boolean }).ok === true;
    } catch {
      return false; // killed meanwhile: not acknowledged
    }
  }

  async kill(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM, as Ctrl+C or a service manager stops it; the exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.kill('SIGTERM');
    return exited;
  }
}

/** Acknowledged edits, checked at the end against what the library holds. */
export class Ledger {
  readonly acked: Edit[] = [];
  private count = 0;

  constructor(private readonly figures: Figures) {}

  fresh(prefix: string): Edit {
    const n = this.count++;
    return { story: STORIES[n % STORIES.length]!, tag: `${prefix}${n}` };
  }

  note(edit: Edit, acknowledged: boolean): void {
    if (acknowledged) {
      this.acked.push(edit);
      this.figures.acknowledged++;
    } else this.figures.refused++;
  }

  /** Every acknowledged edit that the library does not hold (opened read-only: no lock needed). */
  async verify(dir: string): Promise<void> {
    const store = await LibraryStore.open(dir, { readOnly: true });
    try {
      const idOf = new Map(store.meta.tags.map((tag) => [tag.name, tag.id]));
      for (const edit of this.acked) {
        const id = idOf.get(edit.tag);
        if (!id || !(store.meta.taggings.get(edit.story) ?? []).includes(id)) this.figures.lost.push(`${edit.story} ${edit.tag}`);
      }
    } finally {
      await store.close();
    }
  }
}

/** Lines a writer printed on stderr that are not one `kroniek: …` message (a stack trace, an unhandled error). */
export function noiseIn(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => !/^(kroniek( host)?: |Kroniek host: |Building the command line)/.test(line) && !line.startsWith('[kroniek]'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two commands started at the same moment, `pairs` times. */
export async function cliPairs(dir: string, drivers: [CliDriver, CliDriver], ledger: Ledger, figures: Figures, pairs: number): Promise<void> {
  for (let pair = 0; pair < pairs; pair++) {
    const edits = [ledger.fresh('c'), ledger.fresh('c')] as const;
    const codes = await Promise.all([drivers[0].edit(dir, edits[0]), drivers[1].edit(dir, edits[1])]);
    ledger.note(edits[0], codes[0] === 0);
    ledger.note(edits[1], codes[1] === 0);
    figures.cliPairs++;
  }
}

/** A command and an edit through the running host at the same moment, `pairs` times: the command is refused (the host holds the library), the host's edit lands. */
export async function hostPairs(dir: string, driver: CliDriver, host: HostProcess, ledger: Ledger, figures: Figures, pairs: number): Promise<number[]> {
  const cliCodes: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    const edits = [ledger.fresh('c'), ledger.fresh('h')] as const;
    const [code, ok] = await Promise.all([driver.edit(dir, edits[0]), host.edit(edits[1])]);
    cliCodes.push(code);
    ledger.note(edits[0], code === 0);
    ledger.note(edits[1], ok);
    figures.hostPairs++;
  }
  return cliCodes;
}

/**
 * The host edits as fast as it is answered while a command tries alongside; the host is
 * SIGKILLed at a random moment, and a command then edits at once (taking over the lock
 * the dead host left). Returns the command's exit code after the kill.
 */
export async function hostKillRound(dir: string, driver: CliDriver, ledger: Ledger, figures: Figures, random: () => number): Promise<number> {
  const host = await HostProcess.start(dir);
  let running = true;
  const hostLoop = (async () => {
    while (running) {
      const edit = ledger.fresh('k');
      ledger.note(edit, await host.edit(edit));
    }
  })();
  const cliLoop = (async () => {
    while (running) {
      const edit = ledger.fresh('x');
      ledger.note(edit, (await driver.edit(dir, edit)) === 0);
    }
  })();
  await sleep(20 + Math.floor(random() * 300));
  await host.kill();
  running = false;
  figures.kills++;
  await Promise.all([hostLoop, cliLoop]);
  figures.noise.push(...noiseIn(host.stderr));
  const after = ledger.fresh('a');
  const code = await driver.edit(dir, after);
  ledger.note(after, code === 0);
  return code;
}

/** Two commands edit in pairs; one of them is SIGKILLed mid-command and started again. */
export async function cliKillRound(dir: string, drivers: [CliDriver, CliDriver], ledger: Ledger, figures: Figures, random: () => number): Promise<[CliDriver, CliDriver]> {
  const victim = drivers[0];
  const edits = [ledger.fresh('v'), ledger.fresh('w')] as const;
  const running = [victim.edit(dir, edits[0]), drivers[1].edit(dir, edits[1])] as const;
  await sleep(Math.floor(random() * 150));
  await victim.kill();
  figures.kills++;
  const codes = await Promise.all(running);
  ledger.note(edits[0], codes[0] === 0);
  ledger.note(edits[1], codes[1] === 0);
  figures.noise.push(...noiseIn(victim.stderr));
  return [await CliDriver.start(), drivers[1]];
}
