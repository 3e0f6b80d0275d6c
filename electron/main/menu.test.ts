import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { labelsFor, languageFor } from './labels';
import { buildMenuTemplate, menuCommandScript, type MenuCommand } from './menu';

vi.mock('electron', () => ({}));

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('languageFor', () => {
  it('is Dutch for Dutch locales only', () => {
    for (const locale of ['nl', 'nl-NL', 'nl-BE', 'NL_nl']) expect(languageFor(locale)).toBe('nl');
    for (const locale of ['en-GB', 'de', 'fr-BE', '', 'nld']) expect(languageFor(locale)).toBe('en');
  });
});

describe('buildMenuTemplate', () => {
  it('labels the menu in the editor’s language and wires the commands', () => {
    const run = vi.fn();
    const template = buildMenuTemplate(labelsFor('nl'), { platform: 'linux', developer: false }, { run });
    expect(template.map((item) => item.label)).toEqual(['Archief', 'Wijzig', 'Weergave', 'Venster', 'Help']);
    const all = items(template);
    const click = (label: string) => (all.find((item) => item.label === label)!.click as () => void)();
    click('Verhalen importeren…');
    click('Map importeren…');
    click('Ongedaan maken');
    click('Opnieuw');
    expect(run.mock.calls.map(([command]) => command)).toEqual(['import-files', 'import-folder', 'undo', 'redo']);
  });

  it('offers developer tools only in development, and the app menu only on macOS', () => {
    const run = () => undefined;
    const hasDevTools = (template: MenuItemConstructorOptions[]) => items(template).some((item) => item.role === 'toggleDevTools');
    expect(hasDevTools(buildMenuTemplate(labelsFor('en'), { platform: 'win32', developer: false }, { run }))).toBe(false);
    expect(hasDevTools(buildMenuTemplate(labelsFor('en'), { platform: 'win32', developer: true }, { run }))).toBe(true);
    expect(buildMenuTemplate(labelsFor('en'), { platform: 'darwin', developer: false }, { run })[0]!.role).toBe('appMenu');
  });
});

describe('menuCommandScript', () => {
  it.each<MenuCommand>(['import-files', 'import-folder', 'undo', 'redo'])('%s: a fixed, syntactically valid script', (command) => {
    const script = menuCommandScript(command);
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain(JSON.stringify(command));
  });
});
