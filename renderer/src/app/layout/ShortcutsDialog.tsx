import type { deskEn } from './messages/en';
import { useApp } from '../../store';
import { useTranslator } from '../../i18n/use-translator';
import { Dialog } from '../../ui/Dialog';

type DeskKey = keyof typeof deskEn;

interface Shortcut {
  /** Key caps as shown (one combination per array entry, alternatives joined by "/"). */
  keys: string[][];
  what: DeskKey;
}

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** Every keyboard shortcut the app has, grouped where it works. Keep in step with the key handlers. */
export const SHORTCUT_GROUPS: { title: DeskKey; shortcuts: Shortcut[] }[] = [
  {
    title: 'group.general',
    shortcuts: [
      { keys: [['?']], what: 'key.help' },
      { keys: [['/']], what: 'key.search' },
      { keys: [[MOD, 'Z']], what: 'key.undo' },
      { keys: [[MOD, 'Shift', 'Z'], [MOD, 'Y']], what: 'key.redo' },
      { keys: [['Esc']], what: 'key.closeDialog' },
    ],
  },
  {
    title: 'group.list',
    shortcuts: [
      { keys: [['↑'], ['↓'], ['K'], ['J']], what: 'key.move' },
      { keys: [['Page Up'], ['Page Down']], what: 'key.page' },
      { keys: [['Home'], ['End']], what: 'key.ends' },
      { keys: [['Enter']], what: 'key.open' },
      { keys: [['Space']], what: 'key.toggleSelect' },
      { keys: [['Shift', '↑'], ['Shift', '↓']], what: 'key.extend' },
      { keys: [[MOD, 'A']], what: 'key.selectAll' },
      { keys: [['Esc']], what: 'key.clearSelection' },
      { keys: [['1'], ['9']], what: 'key.tag' },
    ],
  },
  {
    title: 'group.reader',
    shortcuts: [
      { keys: [['I']], what: 'key.inspector' },
      { keys: [['[']], what: 'key.sidebar' },
      { keys: [[']']], what: 'key.list' },
      { keys: [['←'], ['→']], what: 'key.resize' },
      { keys: [['Home'], ['End']], what: 'key.resizeEnds' },
      { keys: [['Esc']], what: 'key.searchEscape' },
      { keys: [['↓']], what: 'key.searchDown' },
    ],
  },
  {
    title: 'group.editing',
    shortcuts: [
      { keys: [[MOD, 'Enter']], what: 'key.noteSave' },
      { keys: [['Esc']], what: 'key.noteCancel' },
    ],
  },
  {
    title: 'group.dossier',
    shortcuts: [
      { keys: [['Alt', '↑'], ['Alt', '↓']], what: 'key.reorder' },
      { keys: [['Alt', 'Home'], ['Alt', 'End']], what: 'key.reorderEnds' },
    ],
  },
  {
    title: 'group.chronology',
    shortcuts: [
      { keys: [['↑'], ['↓']], what: 'key.chronoMove' },
      { keys: [['Space']], what: 'key.chronoSelect' },
      { keys: [['A']], what: 'key.chronoApprove' },
      { keys: [['R']], what: 'key.chronoReject' },
      { keys: [['D']], what: 'key.chronoDraft' },
      { keys: [['E']], what: 'key.chronoEdit' },
      { keys: [['M']], what: 'key.chronoMerge' },
      { keys: [['S']], what: 'key.chronoSplit' },
      { keys: [['Enter']], what: 'key.chronoOpen' },
    ],
  },
];

/** The `?` overview of every shortcut, in the editor's language. */
export function ShortcutsDialog() {
  const td = useTranslator('desk');
  const open = useApp((s) => s.shortcutsOpen);
  const setOpen = useApp((s) => s.setShortcutsOpen);
  if (!open) return null;
  const close = () => setOpen(false);
  return (
    <Dialog titleId="shortcuts-title" onClose={close} className="shortcuts-dialog">
      <header className="dialog-header">
        <h2 id="shortcuts-title">{td('shortcutsTitle')}</h2>
        <p className="muted">{td('shortcutsIntro')}</p>
      </header>
      {/* Focusable: in a short window the list scrolls, and must scroll from the keyboard too (nothing in it takes focus). */}
      <div className="dialog-body shortcut-groups" tabIndex={0}>
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="shortcut-group" aria-labelledby={`shortcuts-${group.title}`}>
            <h3 id={`shortcuts-${group.title}`}>{td(group.title)}</h3>
            <dl>
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.what} className="shortcut">
                  <dt>
                    {shortcut.keys.map((combo, index) => (
                      <span key={index} className="shortcut-combo">
                        {index > 0 && <span className="shortcut-or"> / </span>}
                        {combo.map((cap, capIndex) => (
                          <span key={capIndex}>
                            {capIndex > 0 && '+'}
                            <kbd>{cap}</kbd>
                          </span>
                        ))}
                      </span>
                    ))}
                  </dt>
                  <dd>{td(shortcut.what)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button primary" onClick={close} data-autofocus>
          {td('close')}
        </button>
      </footer>
    </Dialog>
  );
}

/** The sidebar's way to the overview, for those who do not know `?` yet. */
export function ShortcutsButton() {
  const td = useTranslator('desk');
  const setOpen = useApp((s) => s.setShortcutsOpen);
  return (
    <button type="button" className="sidebar-footer-button shortcuts-button" aria-keyshortcuts="?" onClick={() => setOpen(true)}>
      <span aria-hidden="true" className="shortcuts-key">?</span>
      {td('shortcutsButton')}
    </button>
  );
}
