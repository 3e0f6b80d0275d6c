import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLocations, explicitDataDir } from './startup-options';

describe('explicitDataDir', () => {
  it('reads --data DIR, --data=DIR, then KRONIEK_DATA, resolved against cwd', () => {
    expect(explicitDataDir(['electron', '.', '--data', 'lib'], {}, '/home/ed')).toBe(path.resolve('/home/ed/lib'));
    expect(explicitDataDir(['kroniek', '--data=/srv/lib'], {}, '/home/ed')).toBe(path.resolve('/srv/lib'));
    expect(explicitDataDir(['kroniek'], { KRONIEK_DATA: 'env-lib' }, '/home/ed')).toBe(path.resolve('/home/ed/env-lib'));
    expect(explicitDataDir(['kroniek', '--data', '/a'], { KRONIEK_DATA: '/b' }, '/')).toBe(path.resolve('/a'));
  });

  it('ignores a --data without a value', () => {
    expect(explicitDataDir(['kroniek', '--data'], {}, '/')).toBeNull();
    expect(explicitDataDir(['kroniek', '--data', '--other'], {}, '/')).toBeNull();
    expect(explicitDataDir(['kroniek', '--data='], {}, '/')).toBeNull();
  });
});

describe('appLocations', () => {
  const common = { env: {}, cwd: '/work', defaultUserData: '/home/ed/.config/Kroniek', mainDir: '/app/out/main', appDir: '/app' };

  it('defaults to <userData>/library and the seeds in the source tree', () => {
    const locations = appLocations({ ...common, argv: ['electron', '.'], resourcesDir: null });
    expect(locations.dataDir).toBe(path.join('/home/ed/.config/Kroniek', 'library'));
    expect(locations.userDataDir).toBeNull();
    expect(locations.seedsDir).toBe(path.join('/app', 'seeds'));
    expect(locations.rendererDir).toBe(path.resolve('/app/out/renderer'));
    expect(locations.preloadPath).toBe(path.resolve('/app/out/preload/index.cjs'));
  });

  it('packaged: seeds come from the resources folder', () => {
    const locations = appLocations({ ...common, argv: ['Kroniek'], resourcesDir: '/opt/Kroniek/resources' });
    expect(locations.seedsDir).toBe(path.join('/opt/Kroniek/resources', 'seeds'));
  });

  it('an explicit library gets its own Electron profile (and so its own single-instance lock)', () => {
    const locations = appLocations({ ...common, argv: ['Kroniek', '--data', '/tmp/lib-1'], resourcesDir: null });
    expect(locations.dataDir).toBe(path.resolve('/tmp/lib-1'));
    expect(locations.userDataDir).toBe(path.join(path.resolve('/tmp/lib-1'), '.electron-profile'));
  });
});
