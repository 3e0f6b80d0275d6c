import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { openRealCore, story, type RealCore } from '../../test/real-core';
import { renderApp } from '../../test/render-app';

let real: RealCore | null = null;
afterEach(async () => {
  await real?.close();
  real = null;
  window.localStorage.clear();
});

describe('story meta panel', () => {
  it('keeps one Note block (and one Suggested tags block) however often the date is edited', async () => {
    real = await openRealCore();
    await real.addStories([story('s1', 'Kabinet valt over asielcrisis')]);
    renderApp(real);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('option', { name: /Kabinet valt/ }));
    const reader = await screen.findByRole('region', { name: 'Reader' });
    await within(reader).findByRole('heading', { name: 'Kabinet valt over asielcrisis' });
    await within(reader).findByLabelText('Event date');
    for (const [day, shown] of [['2024-03-01', '1 March 2024'], ['2024-03-02', '2 March 2024'], ['2024-03-03', '3 March 2024']] as const) {
      fireEvent.change(within(reader).getByLabelText('Event date'), { target: { value: day } });
      await user.click(within(reader).getByRole('button', { name: 'Set date' }));
      // The stored date is shown in the header once the edit is done.
      await waitFor(() => expect(reader.querySelector('.story-header time')).toHaveTextContent(shown));
    }
    expect(within(reader).getAllByRole('heading', { name: 'Note' })).toHaveLength(1);
    expect(within(reader).getAllByLabelText('Event date')).toHaveLength(1);
  });
});
