import { describe, expect, it } from 'vitest';
import { appWindowOptions, buildWebPreferences, printWindowOptions, type WindowRole } from './window-options';

const roles: [string, WindowRole][] = [
  ['app window', { kind: 'app', preloadPath: '/app/out/preload/index.cjs' }],
  ['print window', { kind: 'print', partition: 'kroniek-print' }],
];

describe('buildWebPreferences', () => {
  it.each(roles)('%s: isolation, sandbox and web security on; every Node/insecure switch off', (_name, role) => {
    const prefs = buildWebPreferences(role);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.spellcheck).toBe(false);
  });

  it('gives the app window its preload and nothing else extra', () => {
    const prefs = buildWebPreferences({ kind: 'app', preloadPath: '/p/index.cjs' });
    expect(prefs.preload).toBe('/p/index.cjs');
    expect(prefs.javascript).toBeUndefined();
    expect(prefs.partition).toBeUndefined();
  });

  it('gives the print window no preload, no JavaScript and its own session', () => {
    const prefs = buildWebPreferences({ kind: 'print', partition: 'kroniek-print' });
    expect(prefs.preload).toBeUndefined();
    expect(prefs.javascript).toBe(false);
    expect(prefs.partition).toBe('kroniek-print');
    expect(prefs.devTools).toBe(false);
  });

  it('window builders use the one preferences builder', () => {
    expect(appWindowOptions('/p/index.cjs').webPreferences).toEqual(buildWebPreferences({ kind: 'app', preloadPath: '/p/index.cjs' }));
    expect(appWindowOptions('/p/index.cjs').show).toBe(false);
    const print = printWindowOptions('kroniek-print');
    expect(print.webPreferences).toEqual(buildWebPreferences({ kind: 'print', partition: 'kroniek-print' }));
    expect(print.show).toBe(false);
  });

  it('turns DevTools off in the app window of a packaged build, and keeps them for development', () => {
    expect(buildWebPreferences({ kind: 'app', preloadPath: '/p/index.cjs', packaged: true }).devTools).toBe(false);
    expect(appWindowOptions('/p/index.cjs', 'Kroniek', { packaged: true }).webPreferences?.devTools).toBe(false);
    expect(buildWebPreferences({ kind: 'app', preloadPath: '/p/index.cjs', packaged: false }).devTools).toBeUndefined();
  });
});
