import type { MenuItemConstructorOptions } from 'electron';
import type { MainLabels } from './labels';

// The application menu. Its commands act through the page, so the renderer
// stays the one place that knows the UI state: Undo/Redo send the same
// Ctrl/Cmd+Z the renderer already handles (or undo typing in a text field),
// Import asks the page to start its import flow.

export type MenuCommand = 'import-files' | 'import-folder' | 'undo' | 'redo';

/**
 * The script that runs one command in the page (fixed text, never built from
 * input). It first dispatches a cancelable `kroniek:menu` event on window with
 * `detail.command`: a renderer that handles menu commands calls
 * preventDefault(). Otherwise it falls back to what the current renderer
 * offers: the undo shortcut, or the import buttons.
 */
export function menuCommandScript(command: MenuCommand): string {
  const fallback: Record<MenuCommand, string> = {
    undo: `shortcut(false)`,
    redo: `shortcut(true)`,
    'import-files': `clickImport(0)`,
    'import-folder': `clickImport(1)`,
  };
  return `(() => {
  const command = ${JSON.stringify(command)};
  const event = new CustomEvent('kroniek:menu', { detail: { command }, cancelable: true });
  if (!window.dispatchEvent(event)) return;
  const active = document.activeElement;
  const editing = active instanceof HTMLElement && (active.isContentEditable || active.matches('input, textarea, select'));
  function shortcut(redo) {
    if (editing) { document.execCommand(redo ? 'redo' : 'undo'); return; }
    const init = { key: 'z', code: 'KeyZ', ctrlKey: true, metaKey: false, shiftKey: redo, bubbles: true, cancelable: true };
    window.dispatchEvent(new KeyboardEvent('keydown', init));
  }
  function clickImport(index) {
    const buttons = document.querySelectorAll('.import-controls button');
    const button = buttons[index];
    if (button instanceof HTMLButtonElement && !button.disabled) button.click();
  }
  ${fallback[command]};
})();`;
}

export interface MenuActions {
  run(command: MenuCommand): void;
}

export function buildMenuTemplate(
  labels: MainLabels,
  options: { platform: NodeJS.Platform; developer: boolean },
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      role: 'appMenu',
      submenu: [{ role: 'about', label: labels.about }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit', label: labels.quit }],
    });
  }
  template.push({
    label: labels.file,
    submenu: [
      { label: labels.importFiles, accelerator: 'CmdOrCtrl+O', click: () => actions.run('import-files') },
      { label: labels.importFolder, accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.run('import-folder') },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: labels.quit } as const]),
    ],
  });
  template.push({
    label: labels.edit,
    submenu: [
      { label: labels.undo, accelerator: 'CmdOrCtrl+Z', click: () => actions.run('undo') },
      { label: labels.redo, accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: () => actions.run('redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  template.push({
    label: labels.view,
    submenu: [
      { role: 'reload' },
      ...(options.developer ? [{ role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({ label: labels.window, submenu: [{ role: 'minimize' }, { role: 'close' }] });
  template.push({ label: labels.help, role: 'help', submenu: mac ? [] : [{ role: 'about', label: labels.about }] });
  return template;
}
