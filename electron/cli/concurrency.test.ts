import { execFileSync } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../core/search/test/synthetic-corpus';
import { withTempDir } from '../core/store/test/helpers';
import { CliDriver, cliKillRound, cliPairs, hostKillRound, hostPairs, HostProcess, Ledger, makeLibrary, newFigures, noiseIn } from './test/concurrency';

// Concurrent writers on one library: `kroniek` commands (the real bundle, each its own
// process) started in pairs at the same moment, commands against the running web host,
// and SIGKILLs of either in the middle of edits. No acknowledged edit may be lost.
// `npm run -s reliability` runs the same with the README's counts (KRONIEK_RELIABILITY=1).

const FULL = process.env.KRONIEK_RELIABILITY === '1';
const COUNTS = FULL ? { cliPairs: 300, hostPairs: 200, hostKills: 50, cliKills: 50 } : { cliPairs: 12, hostPairs: 8, hostKills: 1, cliKills: 2 };
const TIMEOUT = FULL ? 3_600_000 : 20_000;

let drivers: [CliDriver, CliDriver];
beforeAll(async () => {
  // One first, so that only one of them builds out/node when it is stale.
  const first = await CliDriver.start();
  drivers = [first, await CliDriver.start()];
}, 180_000);
afterAll(async () => {
  await Promise.all(drivers.map((driver) => driver.stop()));
});

describe('concurrent writers on one library', () => {
  it('loses no acknowledged edit: commands in pairs, and one killed mid-command', async () => {
    await withTempDir(async (dir) => {
      await makeLibrary(dir);
      const figures = newFigures();
      const ledger = new Ledger(figures);
      const random = prng(17);
      await cliPairs(dir, drivers, ledger, figures, COUNTS.cliPairs);
      // Two commands started together both run: the second waits for the first.
      expect(figures.refused).toBe(0);
      for (let round = 0; round < COUNTS.cliKills; round++) {
        drivers = await cliKillRound(dir, drivers, ledger, figures, random);
        await cliPairs(dir, drivers, ledger, figures, 1);
      }
      await ledger.verify(dir);
      expect(figures.lost).toEqual([]);
      expect([...figures.noise, ...noiseIn(drivers[1].stderr)]).toEqual([]);
      expect((await readdir(dir)).filter((name) => name.includes('kroniek-tmp') || name === 'kroniek.lock')).toEqual([]);
      if (FULL) console.log(`[reliability] commands: ${JSON.stringify({ ...figures, lost: figures.lost.length, noise: figures.noise.length })}`);
    });
  }, TIMEOUT);

  it('loses no acknowledged edit: commands against the running host, and the host killed mid-edit', async () => {
    await withTempDir(async (dir) => {
      await makeLibrary(dir);
      const figures = newFigures();
      const ledger = new Ledger(figures);
      const random = prng(23);
      // A FIFO as the index snapshot: it once held the host's start-up and its stop forever.
      if (process.platform !== 'win32') {
        await mkdir(path.join(dir, 'cache'));
        execFileSync('mkfifo', [path.join(dir, 'cache', 'indexes.bin')]);
      }
      const host = await HostProcess.start(dir);
      const cliCodes = await hostPairs(dir, drivers[0], host, ledger, figures, COUNTS.hostPairs);
      // The host holds the library for as long as it runs: every command is refused at once, with one clear line.
      expect(cliCodes.every((code) => code === 1)).toBe(true);
      expect(drivers[0].stderr).toMatch(/kroniek: The library in .* is in use \(the Kroniek web host, pid \d+/);
      // SIGTERM ends it, cleanly, lock released.
      expect(await host.stop()).toBe(0);
      expect((await readdir(dir)).filter((name) => name === 'kroniek.lock')).toEqual([]);
      for (let round = 0; round < COUNTS.hostKills; round++) {
        // After the kill a command takes the dead host's lock over at once.
        expect(await hostKillRound(dir, drivers[0], ledger, figures, random)).toBe(0);
      }
      await ledger.verify(dir);
      expect(figures.lost).toEqual([]);
      expect(figures.noise).toEqual([]);
      expect((await readdir(dir)).filter((name) => name === 'kroniek.lock')).toEqual([]);
      if (FULL) console.log(`[reliability] host: ${JSON.stringify({ ...figures, lost: figures.lost.length, noise: figures.noise.length })}`);
    });
  }, TIMEOUT);
});
