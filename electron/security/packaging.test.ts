import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type * as ElectronBuilder from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Offline checks of the desktop packaging:
// 1. electron-builder.yml passes electron-builder's own schema validation
//    (app-builder-lib's validateConfiguration, the check `electron-builder` runs first);
// 2. an unpacked Linux build (`--dir`) with a stand-in Electron distribution (this
//    machine has no Electron binary) yields an app.asar with the app and its
//    runtime dependencies and nothing from tests, and the seeds as a resource.
// The stand-in build runs with `electronFuses` off: flipping fuses needs the
// sentinel bytes of a real Electron binary. The fuse settings themselves are
// checked in the validated configuration.

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(ROOT, 'package.json'));

interface BuilderConfig {
  [key: string]: unknown;
  appId?: string;
  productName?: string;
  /** Normalised by getConfig to file sets: `[{ filter: [...] }]`. */
  files?: { filter?: string[] }[];
  extraResources?: { from: string; to: string }[];
  electronFuses?: Record<string, boolean>;
  win?: { target?: { target: string }[]; icon?: string };
  mac?: { target?: { target: string }[]; hardenedRuntime?: boolean; entitlements?: string; entitlementsInherit?: string; icon?: string };
  linux?: { target?: string[]; icon?: string };
}

type ConfigModule = {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: object | null): Promise<BuilderConfig>;
  validateConfiguration(config: object, debugLogger: object): Promise<void>;
};
const configModule = require(path.join(ROOT, 'node_modules/app-builder-lib/out/util/config/config.js')) as ConfigModule;
const { DebugLogger } = require(path.join(ROOT, 'node_modules/builder-util/out/util.js')) as { DebugLogger: new (enabled: boolean) => object };

const loadConfig = () => configModule.getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
const validate = (config: object) => configModule.validateConfiguration(config, new DebugLogger(false));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(validate(await loadConfig())).resolves.toBeUndefined();
  });

  it('the validator is real: it refuses unknown options and wrong types', async () => {
    const config = await loadConfig();
    await expect(validate({ ...config, notAnOption: true })).rejects.toThrow(/notAnOption|additional/i);
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } })).rejects.toThrow();
  });

  it('names the app and targets Windows (nsis), macOS (dmg, hardened) and Linux (AppImage, deb)', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('nl.kroniek.app');
    expect(config.productName).toBe('Kroniek');
    expect(config.win?.target?.map((target) => target.target)).toEqual(['nsis']);
    expect(config.mac?.target?.map((target) => target.target)).toEqual(['dmg']);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    for (const plist of [config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      const text = readFileSync(path.join(ROOT, plist!), 'utf8');
      expect(text).toContain('<plist version="1.0">');
      expect(text).toContain('com.apple.security.cs.allow-jit');
    }
  });

  it('sets the Electron fuses', async () => {
    expect((await loadConfig()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('packs only the three app bundles and package.json, and ships the seeds as a resource', async () => {
    const config = await loadConfig();
    const patterns = (config.files ?? []).flatMap((set) => set.filter ?? []);
    const included = patterns.filter((pattern) => !pattern.startsWith('!'));
    expect(included).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
    // No hand-kept list of packages to leave out: what the app does not load is not a dependency.
    expect(patterns.filter((pattern) => pattern.includes('node_modules'))).toEqual([]);
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'seeds', to: 'seeds' })]);
  });

  it('has the Kroniek icon in every size', async () => {
    const config = await loadConfig();
    expect(pngSize(path.join(ROOT, 'build/icon.png'))).toEqual([1024, 1024]);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(path.join(ROOT, `build/icons/${size}x${size}.png`))).toEqual([size, size]);
    }
    const ico = readFileSync(path.join(ROOT, config.win!.icon!));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 7]);
    const icns = readFileSync(path.join(ROOT, config.mac!.icon!));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(config.linux?.icon).toBe('build/icons');
  });
});

describe('unpacked build with a stand-in Electron', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'kroniek-packaging-'));
  let resources = '';
  let asarFiles: string[] = [];

  beforeAll(async () => {
    // The same build `npm run dist` starts with.
    const vite = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, KRONIEK_BUILD_OUT: '' },
    });
    if (vite.status !== 0) throw new Error(`electron-vite build failed:\n${vite.stdout}\n${vite.stderr}`);
    // The CLI and host bundles sit in out/ too (out/node): they must stay out of app.asar.
    const node = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.node.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, KRONIEK_NODE_OUT: '' },
    });
    if (node.status !== 0) throw new Error(`vite build of out/node failed:\n${node.stdout}\n${node.stderr}`);

    // A stand-in Electron distribution: what electron-builder copies as the app's
    // runtime when `electronDist` is an unpacked folder (Linux: the `electron` executable).
    const fakeElectron = path.join(work, 'electron-dist');
    mkdirSync(fakeElectron);
    writeFileSync(path.join(fakeElectron, 'electron'), '#!/bin/sh\necho "stand-in Electron for packaging tests" >&2\nexit 1\n');
    chmodSync(path.join(fakeElectron, 'electron'), 0o755);
    writeFileSync(path.join(fakeElectron, 'version'), 'v41.7.1');

    // The real configuration, extended only where the stand-in needs it (a config
    // file that `extends` ours, so electron-builder loads and merges it exactly once).
    const standIn = path.join(work, 'electron-builder.stand-in.json');
    writeFileSync(
      standIn,
      JSON.stringify({
        extends: path.join(ROOT, 'electron-builder.yml'),
        electronDist: fakeElectron,
        electronVersion: '41.7.1',
        electronFuses: null,
        npmRebuild: false,
        directories: { output: path.join(work, 'dist'), buildResources: 'build' },
      }),
    );
    const { build, Platform } = require('electron-builder') as typeof ElectronBuilder;
    await build({ projectDir: ROOT, targets: Platform.LINUX.createTarget('dir'), publish: 'never', config: standIn });
    resources = path.join(work, 'dist', 'linux-unpacked', 'resources');
    const asar = require('@electron/asar') as { listPackage(archive: string, options?: object): string[] };
    asarFiles = asar.listPackage(path.join(resources, 'app.asar'), {}).map((file) => file.replaceAll('\\', '/'));
  }, 300_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('contains the three bundles and package.json', () => {
    for (const file of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']) {
      expect(asarFiles).toContain(file);
    }
  });

  it('contains every package the main bundle imports', () => {
    const mainDir = path.join(ROOT, 'out/main');
    const sources = readdirSync(mainDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(path.join(mainDir, file), 'utf8'))
      .join('\n');
    const specifiers = [...sources.matchAll(/(?:from\s*|import\(\s*|require\(\s*)["']([^"'./][^"']*)["']/g)].map((match) => match[1]!);
    const packages = new Set(
      specifiers
        .filter((specifier) => !specifier.startsWith('node:') && specifier !== 'electron')
        .map((specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!)),
    );
    expect(packages.size).toBeGreaterThan(2);
    for (const name of packages) {
      expect(asarFiles, name).toContain(`/node_modules/${name}/package.json`);
      // And what that package needs in turn.
      const manifest = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      for (const dependency of Object.keys(manifest.dependencies ?? {})) {
        expect(asarFiles.some((file) => file.endsWith(`/node_modules/${dependency}/package.json`)), `${name} → ${dependency}`).toBe(true);
      }
    }
  });

  it('contains no renderer package: react, react-dom, zustand and i18next are bundled into out/renderer', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const name of ['react', 'react-dom', 'zustand', 'i18next', 'tsx']) {
      expect(manifest.dependencies, name).not.toHaveProperty(name);
      expect(manifest.devDependencies, name).toHaveProperty(name);
    }
    expect(asarFiles.filter((file) => /^\/node_modules\/(react|react-dom|scheduler|zustand|i18next|tsx|esbuild|@esbuild)\//.test(file))).toEqual([]);
    expect(asarFiles.some((file) => file.startsWith('/out/renderer/') && file.endsWith('.js'))).toBe(true);
  });

  it('contains nothing from sources, tests, e2e, dev tooling, seeds or the CLI and host bundles', () => {
    const offending = asarFiles.filter(
      (file) =>
        /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) ||
        /\.map$/.test(file) ||
        /^\/(e2e|electron|renderer|shared|seeds|build|bench-data|test-results)\//.test(file) ||
        /^\/out\/(node|bench)\//.test(file) ||
        /^\/node_modules\/(vitest|electron|electron-builder|electron-vite|vite|typescript|eslint|@playwright|tsx|esbuild|react|react-dom|zustand)\//.test(file),
    );
    expect(offending).toEqual([]);
  });

  it('ships the seeds next to app.asar, unchanged', () => {
    const shipped = readdirSync(path.join(resources, 'seeds')).sort();
    const source = readdirSync(path.join(ROOT, 'seeds')).filter((name) => name.endsWith('.txt')).sort();
    expect(shipped).toEqual(source);
    expect(shipped.length).toBeGreaterThan(0);
    for (const name of shipped) {
      expect(readFileSync(path.join(resources, 'seeds', name))).toEqual(readFileSync(path.join(ROOT, 'seeds', name)));
    }
  });

  it('names the executable after the product', () => {
    expect(existsSync(path.join(work, 'dist', 'linux-unpacked', 'kroniek'))).toBe(true);
  });
});
