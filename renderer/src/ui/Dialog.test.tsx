import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from './Dialog';

function Removable({ onClose }: { onClose(): void }) {
  const [shown, setShown] = useState(true);
  return (
    <Dialog titleId="t" onClose={onClose}>
      <h2 id="t">Tags</h2>
      {shown && (
        <button type="button" onClick={() => setShown(false)}>
          Delete
        </button>
      )}
      <button type="button">Close</button>
    </Dialog>
  );
}

describe('Dialog', () => {
  const shortcut = vi.fn();
  afterEach(() => {
    window.removeEventListener('keydown', shortcut);
    shortcut.mockReset();
  });

  it('closes on Escape pressed while focus fell to the page body (the focused control went away)', () => {
    const onClose = vi.fn();
    window.addEventListener('keydown', shortcut);
    render(<Removable onClose={onClose} />);
    const remove = screen.getByRole('button', { name: 'Delete' });
    remove.focus();
    act(() => remove.click());
    expect(document.activeElement).toBe(document.body);

    fireEvent.keyDown(document.body, { key: '1' });
    expect(shortcut).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toHaveFocus();

    document.body.focus();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(shortcut).not.toHaveBeenCalled();
  });

  it('brings Tab from the page body back into the dialog', () => {
    render(<Removable onClose={() => {}} />);
    fireEvent.keyDown(document.body, { key: 'Tab' });
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus();
  });

  it('leaves keys alone once it is closed', () => {
    window.addEventListener('keydown', shortcut);
    const { unmount } = render(<Removable onClose={() => {}} />);
    unmount();
    fireEvent.keyDown(document.body, { key: '1' });
    expect(shortcut).toHaveBeenCalledTimes(1);
  });
});
