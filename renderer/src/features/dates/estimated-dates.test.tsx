import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListPage } from '../../../../shared/contract/library';
import { openRealCore, type RealCore } from '../../test/real-core';
import { renderApp } from '../../test/render-app';

// Against the real core: a page with briefs imported as the browser uploads it (with
// File.lastModified), so its briefs carry dates estimated from their age labels.
const PAGE = path.resolve(import.meta.dirname, '../../../../seeds/003_a38223e90e707fe3.txt');
// 3 February 2026, 15:00 in the Netherlands.
const CAPTURED = Date.parse('2026-02-03T14:00:00Z');

let real: RealCore | undefined;
afterEach(async () => {
  await real?.close();
  real = undefined;
});

async function setup() {
  real = await openRealCore();
  const base64 = (await readFile(PAGE)).toString('base64');
  await real.call('import.files', { files: [{ name: 'pagina.txt', base64, lastModified: CAPTURED }] });
  const view = renderApp(real);
  return { user: userEvent.setup(), ...view };
}

describe('estimated brief dates', () => {
  it('are marked in the list and the reader, and confirmed from the date field', async () => {
    const { user } = await setup();
    await user.click(await screen.findByRole('button', { name: /^Briefs/ }));
    const listbox = await screen.findByRole('listbox', { name: /Briefs/ });
    const row = await within(listbox).findByRole('option', { name: /Volgens de Amerikaanse president Donald Trump/ });
    const date = row.querySelector('time.row-date')!;
    expect(date.classList.contains('is-estimated')).toBe(true);
    expect(date.textContent).toMatch(/^≈ /);
    expect(date.getAttribute('title')).toMatch(/“\d uur geleden”/);

    await user.click(row);
    const reader = screen.getByRole('region', { name: 'Reader' });
    await waitFor(() => expect(reader).toHaveTextContent('(estimated)'));
    await user.click(within(reader).getByRole('button', { name: 'Confirm date' }));
    await waitFor(() => expect(reader).not.toHaveTextContent('(estimated)'));
    await waitFor(() =>
      expect(within(listbox).getByRole('option', { name: /Volgens de Amerikaanse president Donald Trump/ }).querySelector('time.row-date')!.classList.contains('is-estimated')).toBe(false),
    );
  });

  it('gives several selected stories one date in one undoable edit', async () => {
    const { user } = await setup();
    await user.click(await screen.findByRole('button', { name: /^Briefs/ }));
    const listbox = await screen.findByRole('listbox', { name: /Briefs/ });
    const rows = await within(listbox).findAllByRole('option');
    await user.click(rows[0]!);
    fireEvent.click(rows[1]!, { ctrlKey: true });
    fireEvent.click(rows[2]!, { ctrlKey: true });
    const bar = await screen.findByRole('region', { name: /selected|selection/i });
    fireEvent.change(within(bar).getByLabelText('Date of the 3 selected stories'), { target: { value: '2026-01-15' } });
    await user.click(within(bar).getByRole('button', { name: 'Set date' }));
    await waitFor(async () => {
      const page = await real!.call<ListPage>('stories.list', { kind: 'brief', from: '2026-01-15', to: '2026-01-15' });
      expect(page.total).toBe(3);
    });
    expect(real!.callsOf('stories.setDates')).toHaveLength(1);
    await waitFor(() => expect(screen.getByRole('button', { name: /Undo Set date of 3 stories/ })).toBeInTheDocument());
  });
});
