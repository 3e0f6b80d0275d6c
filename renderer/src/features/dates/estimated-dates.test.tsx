import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListPage } from '../../../../shared/contract/library';
import { openRealCore, story, type RealCore } from '../../test/real-core';
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
    // Said where the editor looks, once the list shows it.
    await waitFor(() => expect(within(bar).getByRole('status')).toHaveTextContent('Dated 3 stories 15 January 2026.'));
  });
});

describe('the date field follows the UI language, not the browser', () => {
  async function withStory(languages: string[]) {
    real = await openRealCore();
    await real.addStories([story('d1', 'Noord-Koreaanse leider vertrekt uit Rusland', { place: 'VLADIVOSTOK' })]);
    await real.call('stories.setDate', { id: 'd1', date: '2023-09-17' });
    const view = renderApp(real, { languages });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('option', { name: /Noord-Koreaanse leider/ }));
    return { user, ...view };
  }

  it('shows and takes dd-mm-jjjj in Dutch: digits only, the dashes come by themselves; a day that does not exist is refused', async () => {
    const { user } = await withStory(['en-US']);
    // The browser says en-US; the editor chose Dutch.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'nl');
    const details = await screen.findByRole('complementary', { name: 'Details van het bericht' });
    const field = within(details).getByLabelText('Datum van gebeurtenis');
    expect((field as HTMLInputElement).value).toBe('17-09-2023');
    expect(field).toHaveAttribute('placeholder', 'dd-mm-jjjj');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)).toHaveTextContent('Dag, maand, jaar: dd-mm-jjjj');

    await user.clear(field);
    await user.type(field, '31092023');
    expect((field as HTMLInputElement).value).toBe('31-09-2023');
    await user.click(within(details).getByRole('button', { name: 'Datum instellen' }));
    expect(await within(details).findByRole('alert')).toHaveTextContent('Vul een bestaande datum in als dd-mm-jjjj');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(real!.callsOf('stories.setDate')).toEqual([]);

    await user.clear(field);
    await user.type(field, '18092023');
    expect((field as HTMLInputElement).value).toBe('18-09-2023');
    await user.click(within(details).getByRole('button', { name: 'Datum instellen' }));
    await waitFor(() => expect(real!.callsOf('stories.setDate')).toEqual([{ id: 'd1', date: '2023-09-18' }]));
    const reader = screen.getByRole('region', { name: 'Lezer' });
    await waitFor(() => expect(reader.querySelector('.story-header time')).toHaveAttribute('datetime', '2023-09-18'));
    expect(reader.querySelector('.story-header time')).toHaveTextContent('18 september 2023');
  });

  it('shows dd/mm/yyyy in English', async () => {
    await withStory(['en-US']);
    const details = await screen.findByRole('complementary', { name: 'Story details' });
    expect((within(details).getByLabelText('Event date') as HTMLInputElement).value).toBe('17/09/2023');
    expect(within(details).getByLabelText('Event date')).toHaveAttribute('placeholder', 'dd/mm/yyyy');
  });
});

describe('a brief whose capture time is unknown', () => {
  it('quotes what its page said at capture, never as a time relative to now', async () => {
    real = await openRealCore();
    const base64 = (await readFile(PAGE)).toString('base64');
    // No lastModified: nothing to estimate from.
    await real.call('import.files', { files: [{ name: 'pagina.txt', base64 }] });
    const user = userEvent.setup();
    renderApp(real);
    await user.click(await screen.findByRole('button', { name: /^Briefs/ }));
    const listbox = await screen.findByRole('listbox', { name: /Briefs/ });
    const row = (await within(listbox).findAllByRole('option'))[0]!;
    const age = row.querySelector('.row-age')!;
    expect(age.textContent).toMatch(/^“.+” at capture$/);
    await user.click(row);
    const reader = screen.getByRole('region', { name: 'Reader' });
    await waitFor(() => expect(reader.querySelector('.story-age')?.textContent).toMatch(/^“.+” at capture$/));
    expect(reader.querySelector('.story-age')!.getAttribute('title')).toContain('when that was is not known');
  });
});
