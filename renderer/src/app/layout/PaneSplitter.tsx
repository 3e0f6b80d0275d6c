import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useApp } from '../../store';
import { useTranslator } from '../../i18n/use-translator';
import { clampListWidth, LIST_WIDTH } from './layout-slice';

/**
 * The divider between the list and the reader (a WAI-ARIA window splitter): drag it,
 * or focus it and use ←/→ (Shift for bigger steps), Home/End. The width is remembered.
 */
export function PaneSplitter({ controls }: { controls: string }) {
  const td = useTranslator('desk');
  const width = useApp((s) => s.listWidth);
  const setWidth = useApp((s) => s.setListWidth);
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.shiftKey ? LIST_WIDTH.step * 4 : LIST_WIDTH.step;
    let next: number | null = null;
    if (event.key === 'ArrowLeft') next = width - step;
    else if (event.key === 'ArrowRight') next = width + step;
    else if (event.key === 'Home') next = LIST_WIDTH.min;
    else if (event.key === 'End') next = LIST_WIDTH.max;
    if (next === null) return;
    event.preventDefault();
    setWidth(next);
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (!drag.current) return;
    setWidth(clampListWidth(drag.current.startWidth + event.clientX - drag.current.startX));
  }

  function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    if (!drag.current) return;
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  }

  return (
    <div
      className="pane-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={td('listResize')}
      aria-controls={controls}
      aria-valuemin={LIST_WIDTH.min}
      aria-valuemax={LIST_WIDTH.max}
      aria-valuenow={width}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
}
