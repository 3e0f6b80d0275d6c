import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../store';

/**
 * A small popover next to the search box that explains the query language: words,
 * word starts, "phrases", OR and -word. Opens with its button (keyboard reachable),
 * closes with Escape (focus back on the button), a second press or a click elsewhere.
 */
export function SearchHelp() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  const rows: Array<[string, string]> = [
    ['poetin kim', t.search('helpWords')],
    ['oekr*', t.search('helpPrefix')],
    ['"warm welkom"', t.search('helpPhrase')],
    ['poetin OR kim', t.search('helpOr')],
    ['-sport', t.search('helpExclude')],
  ];

  return (
    <div
      className="search-help"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="button search-help-toggle"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title={t.search('searchHelpButton')}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">{t.search('searchHelpButton')}</span>
      </button>
      {open && (
        <div ref={panel} id={id} className="search-help-popover" role="dialog" aria-labelledby={`${id}-title`} tabIndex={-1}>
          <div className="search-help-head">
            <h3 id={`${id}-title`}>{t.search('searchHelpTitle')}</h3>
            <button type="button" className="search-help-close" aria-label={t.search('searchHelpClose')} title={t.search('searchHelpClose')} onClick={close}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <dl className="search-help-list">
            {rows.map(([example, meaning]) => (
              <div key={example} className="search-help-row">
                <dt>
                  <code>{example}</code>
                </dt>
                <dd>{meaning}</dd>
              </div>
            ))}
          </dl>
          <p className="search-help-combine">
            {t.search('helpCombine')} <code>{t.search('helpCombineExample')}</code>
          </p>
        </div>
      )}
    </div>
  );
}
