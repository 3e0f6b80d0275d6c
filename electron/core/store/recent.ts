import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RecentChange } from '../../../shared/contract/library';
import type { HistoryLabel } from '../../../shared/messages';

/**
 * The library's recent changes ("Recente wijzigingen"): one line per change, newest last, in
 * `<library>/recent-changes.jsonl`. An editor's undoable edit, an undo or a redo, and what
 * arrived from a colleague through the team library (with the colleague's name). A change is a
 * code with its parameters, as the undo labels are: only the renderer and the CLI word it.
 *
 * Bounded: the last KEEP changes are kept; the file is appended to (one small synchronous
 * append after the commit is durable, so an edit waits for nothing more) and rewritten with the
 * last KEEP lines once it holds twice as many. A line cut short by a crash is skipped.
 */
export const RECENT_FILE = 'recent-changes.jsonl';
export const RECENT_KEEP = 500;

export type RecentInput = Omit<RecentChange, 'id' | 'at' | 'undoable'> & { at?: string };

interface Line {
  id: number;
  at: string;
  label: HistoryLabel;
  source: RecentChange['source'];
  author?: string;
}

export class RecentChanges {
  private lines: Line[] = [];
  private inFile = 0;
  private nextId = 1;

  private constructor(
    private readonly file: string,
    private readonly writable: boolean,
  ) {}

  static load(dataDir: string, writable: boolean): RecentChanges {
    const recent = new RecentChanges(path.join(dataDir, RECENT_FILE), writable);
    let text: string;
    try {
      text = readFileSync(recent.file, 'utf8');
    } catch {
      return recent;
    }
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      recent.inFile++;
      try {
        const line = JSON.parse(raw) as Line;
        if (typeof line.id !== 'number' || typeof line.at !== 'string' || typeof line.label?.code !== 'string') continue;
        if (line.source !== 'mine' && line.source !== 'undo' && line.source !== 'redo' && line.source !== 'incoming') continue;
        recent.lines.push(line);
        recent.nextId = Math.max(recent.nextId, line.id + 1);
      } catch {
        // a line cut short by a crash
      }
    }
    if (recent.lines.length > RECENT_KEEP) recent.lines = recent.lines.slice(-RECENT_KEEP);
    if (recent.inFile > 2 * RECENT_KEEP) recent.rewrite();
    return recent;
  }

  /** Notes a change (after its commit is on disk); returns its id. Never throws: the commit stands. */
  add(input: RecentInput): number {
    const line: Line = { id: this.nextId++, at: input.at ?? new Date().toISOString(), label: input.label, source: input.source };
    if (input.author) line.author = input.author;
    this.lines.push(line);
    if (this.lines.length > RECENT_KEEP) this.lines.shift();
    if (!this.writable) return line.id;
    try {
      appendFileSync(this.file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
      this.inFile++;
      if (this.inFile > 2 * RECENT_KEEP) this.rewrite();
    } catch (error) {
      console.error(`[kroniek] the recent changes could not be written: ${(error as Error).message}`);
    }
    return line.id;
  }

  /** Newest first; `undoable` holds the ids still on the undo stack. */
  list(limit: number, undoable: ReadonlySet<number>): RecentChange[] {
    const out: RecentChange[] = [];
    for (let i = this.lines.length - 1; i >= 0 && out.length < limit; i--) {
      const line = this.lines[i]!;
      out.push({ ...line, undoable: undoable.has(line.id) });
    }
    return out;
  }

  private rewrite(): void {
    if (!this.writable) return;
    try {
      const tmp = `${this.file}.tmp`;
      writeFileSync(tmp, this.lines.map((line) => `${JSON.stringify(line)}\n`).join(''), { mode: 0o600 });
      renameSync(tmp, this.file);
      this.inFile = this.lines.length;
    } catch (error) {
      console.error(`[kroniek] the recent changes could not be rewritten: ${(error as Error).message}`);
    }
  }
}
