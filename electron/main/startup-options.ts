import path from 'node:path';

export const DATA_DIR_ENV = 'KRONIEK_DATA';

/**
 * The library folder chosen on the command line (`--data DIR` or `--data=DIR`)
 * or in `KRONIEK_DATA`, resolved against `cwd`; null when neither is set (the
 * app then uses `<userData>/library`).
 */
export function explicitDataDir(argv: readonly string[], env: Record<string, string | undefined>, cwd: string): string | null {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--data') {
      const value = argv[index + 1];
      if (value && !value.startsWith('--')) return path.resolve(cwd, value);
    } else if (arg.startsWith('--data=')) {
      const value = arg.slice('--data='.length);
      if (value) return path.resolve(cwd, value);
    }
  }
  const fromEnv = env[DATA_DIR_ENV];
  return fromEnv ? path.resolve(cwd, fromEnv) : null;
}

export interface AppLocations {
  dataDir: string;
  /**
   * Electron's own profile folder (Chromium caches, the single-instance lock).
   * With an explicit library folder it lives inside it, so one app instance runs
   * per library and test runs on temp folders never meet each other.
   */
  userDataDir: string | null;
  seedsDir: string;
  rendererDir: string;
  preloadPath: string;
}

export function appLocations(options: {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
  defaultUserData: string;
  /** The folder of the built main bundle (`out/main`). */
  mainDir: string;
  /** `process.resourcesPath` in a packaged app, null when run from the source tree. */
  resourcesDir: string | null;
  /** The app folder (`app.getAppPath()`): the repository root in development. */
  appDir: string;
}): AppLocations {
  const explicit = explicitDataDir(options.argv, options.env, options.cwd);
  return {
    dataDir: explicit ?? path.join(options.defaultUserData, 'library'),
    userDataDir: explicit ? path.join(explicit, '.electron-profile') : null,
    // Packaged: electron-builder copies seeds/ next to app.asar (extraResources).
    seedsDir: options.resourcesDir ? path.join(options.resourcesDir, 'seeds') : path.join(options.appDir, 'seeds'),
    rendererDir: path.resolve(options.mainDir, '../renderer'),
    preloadPath: path.resolve(options.mainDir, '../preload/index.cjs'),
  };
}
