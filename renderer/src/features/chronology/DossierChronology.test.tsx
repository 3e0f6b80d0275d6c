import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../../shared/contract/envelope';
import type { MethodName } from '../../../../shared/contract';
import type { ChronologyView } from '../../../../shared/contract/chronology';
import type { DossierDetail } from '../../../../shared/contract/dossiers';
import type { ListPage } from '../../../../shared/contract/library';
import { openRealCore, type RealCore } from '../../test/real-core';
import { renderApp } from '../../test/render-app';
import { translator } from '../../i18n/translate';
import { formatChronologyDate } from './chronology-format';

// An edit drafts the dossier again in the real core (in-process, under a loaded test run): edits get time.
const EDIT = { timeout: 8_000 };

// The chronology in the dossier view, against the real core with the sample library: four of
// its articles dated as an editor dates them (the first test leaves the treaty's story undated:
// the view names it and offers to date it).

const EDITOR_DATES: [string, string][] = [
  ['Poetin dankt Kim', '2024-06-19'],
  ['Kim Jong-un biedt Rusland', '2023-06-12'],
  ['Poetin op zeer zeldzaam bezoek', '2024-06-18'],
  ['Noord-Koreaanse leider vertrekt', '2023-09-17'],
  ['Kim en Poetin tekenen', '2024-06-19'],
];

let real: RealCore | undefined;
afterEach(async () => {
  await real?.close();
  real = undefined;
});

async function setup(options: { undated?: string; fault?: (method: MethodName, count: number) => ServiceError | undefined } = {}) {
  const { fault } = options;
  real = await openRealCore({ seeds: true, fault });
  const page = await real.call<ListPage>('stories.list', { offset: 0, limit: 200 });
  const articles = page.items.filter((story) => story.kind === 'article');
  for (const article of articles) {
    const date = EDITOR_DATES.find(([start]) => article.headline.startsWith(start))![1];
    if (!options.undated || !article.headline.startsWith(options.undated)) await real.call('stories.setDate', { id: article.id, date });
  }
  await real.call<DossierDetail>('dossiers.create', { title: 'Kim en Poetin', storyIds: articles.map((story) => story.id) });
  const view = renderApp(real);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: /^Kim en Poetin/ }));
  const dossier = await screen.findByRole('region', { name: 'Dossier: Kim en Poetin' });
  const section = within(dossier).getByRole('region', { name: 'Chronology' });
  return { user, dossier, section, real, ...view };
}

// Role queries compute every name in a long list on each poll: lines and filters are found by their parts.
const lines = (section: HTMLElement) => [...section.querySelectorAll<HTMLElement>('li.chronology-line')];
const lineWith = (section: HTMLElement, words: string) => lines(section).find((item) => item.textContent!.includes(words))!;
const filterText = (section: HTMLElement) => section.querySelector('.chronology-filter')!.textContent;

describe('the chronology in the dossier view', { timeout: 20_000 }, () => {
  it('drafts, names the undated story and dates it, and approves (a) and rejects (r) by keyboard', async () => {
    const { user, section, real } = await setup({ undated: 'Kim en Poetin tekenen' });
    await user.click(within(section).getByRole('button', { name: 'Draft chronology' }));
    await within(section).findByRole('list', { name: 'Chronology lines' });

    // The undated story is named, with a field to date it; dating it drafts again.
    expect(section).toHaveTextContent('1 story without a date: its relative dates');
    const field = within(section).getByLabelText(/^Date of “Kim en Poetin tekenen/);
    await user.type(field, '19/06/2024');
    await user.click(within(section).getByRole('button', { name: 'Set date' }));
    await waitFor(() => expect(section).not.toHaveTextContent('story without a date'), EDIT);
    await waitFor(() => expect(lineWith(section, 'partnerschap" getekend')).toBeDefined(), EDIT);

    // Dates as precise as known, in the UI language; sources named by headline and paragraph.
    const russiaDay = lineWith(section, 'Dag van Rusland');
    expect(russiaDay.querySelector('time')!.textContent).toBe('12 June 2023');
    expect(within(russiaDay).getByRole('button', { name: /^Kim Jong-un biedt Rusland.*· paragraph \d+$/ })).toBeInTheDocument();
    expect(lineWith(section, 'toen Kim op bezoek kwam in Rusland').querySelector('time')!.textContent).toBe('September 2023');
    expect(lineWith(section, '24 jaar geleden').querySelector('time')!.textContent).toBe('2000');
    const total = (await real.call<ChronologyView>('chronology.get', { id: (await real.call<{ id: string }[]>('dossiers.list'))[0]!.id })).lines.length;
    expect(section.querySelector('.chronology-filter [aria-pressed="true"]')!.textContent).toBe(`All (${total})`);

    // a approves the line with the cursor (the first, oldest).
    const first = lines(section)[0]!;
    act(() => first.focus());
    await user.keyboard('a');
    await waitFor(() => expect(filterText(section)).toContain('Approved (1)'), EDIT);
    expect(first.classList.contains('is-approved')).toBe(true);
    await waitFor(() => expect(document.querySelector('button[aria-label="Undo Review chronology line"]')).not.toBeNull(), EDIT);

    // ↓ r rejects the next one; focus follows the cursor.
    await user.keyboard('{ArrowDown}r');
    await waitFor(() => expect(filterText(section)).toContain('Rejected (1)'), EDIT);
    const second = lines(section)[1]!;
    expect(second.classList.contains('is-rejected')).toBe(true);
    expect(second).toHaveFocus();

  });

  it('merges the selection (m), splits it back (s), edits a line in place (e), and filters to the final chronology', async () => {
    const { user, section, real } = await setup();
    await user.click(within(section).getByRole('button', { name: 'Draft chronology' }));
    await within(section).findByRole('list', { name: 'Chronology lines' });

    // Space selects; m merges the two treaty-day lines into one with both sources.
    const treaty = lineWith(section, 'partnerschap" getekend');
    const arrival = lineWith(section, 'arriveerde diep in de nacht');
    act(() => treaty.focus());
    await user.keyboard(' ');
    act(() => arrival.focus());
    await user.keyboard(' ');
    expect(within(section).getByRole('group', { name: 'Actions for the selected lines' })).toHaveTextContent('2 lines selected');
    await user.keyboard('m');
    await waitFor(() => expect(real.callsOf('chronology.merge')).toHaveLength(1), EDIT);
    const merged = await waitFor(() => {
      const line = lineWith(section, 'partnerschap" getekend');
      expect(line).toHaveTextContent('2 sources');
      return line;
    }, EDIT);
    expect(merged.classList.contains('is-approved')).toBe(true);
    expect(section).toHaveTextContent('Merged 2 lines into one');

    // s splits it back, one line per source.
    act(() => merged.focus());
    await user.keyboard('s');
    await waitFor(() => expect(lineWith(section, 'partnerschap" getekend')).not.toHaveTextContent('2 sources'), EDIT);
    expect(lineWith(section, 'arriveerde diep in de nacht')).toBeDefined();

    // e edits summary and date in place; Ctrl+Enter saves (the line is approved and marked edited).
    const russia = lineWith(section, 'Dag van Rusland');
    act(() => russia.focus());
    await user.keyboard('e');
    const summary = within(russia).getByLabelText('Summary');
    await user.clear(summary);
    await user.type(summary, 'Kim steunt Rusland op de Dag van Rusland.');
    await user.selectOptions(within(russia).getByLabelText('Precision'), 'month');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(lineWith(section, 'Kim steunt Rusland op de Dag van Rusland.')).toHaveTextContent('edited'), EDIT);
    expect(lineWith(section, 'Kim steunt Rusland op de Dag van Rusland.').querySelector('time')!.textContent).toBe('June 2023');
    expect(real.callsOf('chronology.edit').at(-1)).toMatchObject({ summary: 'Kim steunt Rusland op de Dag van Rusland.', date: { granularity: 'month', date: '2023-06-01' } });

    // The filter shows approved lines only; the final chronology lists them oldest first.
    await user.click(within(section).getByRole('button', { name: /^Approved \(\d+\)$/ }));
    const shown = lines(section);
    expect(shown.every((item) => item.classList.contains('is-approved'))).toBe(true);
    const final = within(section).getByRole('region', { name: 'Final chronology' });
    const finalDates = [...final.querySelectorAll('time')].map((time) => time.getAttribute('datetime'));
    expect(finalDates).toEqual([...finalDates].sort());
    expect(finalDates).toHaveLength(shown.length);

    // Enter opens the source in the reader, its sentence marked.
    act(() => lineWith(section, 'Kim steunt Rusland').focus());
    await user.keyboard('{Enter}');
    const reader = await screen.findByRole('region', { name: 'Reader' });
    const mark = await waitFor(() => {
      const found = reader.querySelector('mark.reader-mark');
      expect(found).not.toBeNull();
      return found!;
    }, EDIT);
    expect(mark.textContent).toContain('Dag van Rusland');
  });

  it('says so when a line no longer exists, and shows the current draft', async () => {
    let failNext = false;
    const { user, section, real } = await setup({ fault: (method) => {
      if (method !== 'chronology.review' || !failNext) return undefined;
      failNext = false;
      return new ServiceError('not-found', 'No chronology line x in this dossier.');
    } });
    await user.click(within(section).getByRole('button', { name: 'Draft chronology' }));
    await within(section).findByRole('list', { name: 'Chronology lines' });
    const first = lines(section)[0]!;
    failNext = true;
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'a' });
    await waitFor(() => expect(within(section).getByRole('alert')).toHaveTextContent('That line no longer exists'), EDIT);
    await waitFor(() => expect(real.callsOf('chronology.get')).toHaveLength(2), EDIT);
  });

  it('formats dates per granularity and language', () => {
    const nl = translator('nl', 'chronology');
    const en = translator('en', 'chronology');
    expect(formatChronologyDate({ granularity: 'day', date: '2023-09-13' }, 'nl', nl)).toBe('13 september 2023');
    expect(formatChronologyDate({ granularity: 'month', date: '2024-06-01' }, 'nl', nl)).toBe('juni 2024');
    expect(formatChronologyDate({ granularity: 'year', date: '2019-01-01' }, 'nl', nl)).toBe('2019');
    expect(formatChronologyDate({ granularity: 'week', date: '2024-06-17' }, 'nl', nl)).toBe('week van 17 juni 2024');
    expect(formatChronologyDate({ granularity: 'month', date: '2024-06-01' }, 'en', en)).toBe('June 2024');
  });
});
