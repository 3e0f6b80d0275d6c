import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoryVersionSummary, UpdateProposalView } from '../../../../shared/types';
import { openRealCore, type RealCore } from '../../test/real-core';
import { renderApp } from '../../test/render-app';

// Against the real core: a page-text story, then a newer capture of it that looks like its
// update; the reader's bar merges it as a new version, and the words are Dutch and English.

const CAPTURED = Date.parse('2026-12-01T09:00:00Z');
const LEAD = 'Het kabinet trekt 200 miljoen euro extra uit voor de versterking van de dijken in Zeeland. Dat maakte de minister dinsdag bekend.';
const FIRST = `Kabinet trekt extra geld uit voor dijken in Zeeland\nDEN HAAG (ANP) - ${LEAD}\nDe waterschappen zijn opgelucht.\n`;
const UPDATE = `Kabinet trekt extra geld uit voor dijken in Zeeland en Friesland\nDEN HAAG (ANP) - ${LEAD}\nOok Friesland krijgt geld.\n`;
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

let real: RealCore | undefined;
afterEach(async () => {
  await real?.close();
  real = undefined;
});

describe('the reader’s update proposal bar', () => {
  it('offers to merge a newer capture as a new version, and does so', async () => {
    real = await openRealCore();
    await real.call('import.files', { files: [{ name: 'a.txt', base64: base64(FIRST), lastModified: CAPTURED }] });
    await real.call('import.files', { files: [{ name: 'b.txt', base64: base64(UPDATE), lastModified: CAPTURED + 3_600_000 }] });
    const user = userEvent.setup();
    renderApp(real);

    const listbox = await screen.findByRole('listbox', { name: /Articles|Stories/ });
    await user.click(await within(listbox).findByRole('option', { name: /en Friesland/ }));
    const bar = await screen.findByRole('region', { name: 'Possible update' });
    expect(bar).toHaveTextContent('Looks like an update of Kabinet trekt extra geld uit voor dijken in Zeeland');
    expect(within(bar).getByRole('button', { name: 'Keep separate: “Kabinet trekt extra geld uit voor dijken in Zeeland en Friesland” and “Kabinet trekt extra geld uit voor dijken in Zeeland”' })).toBeTruthy();

    await user.click(within(bar).getByRole('button', { name: /^Merge/ }));
    const reader = screen.getByRole('region', { name: 'Reader' });
    // The stored story is open, now showing the newer text; no proposal is left.
    await waitFor(() => expect(within(reader).getByRole('heading', { level: 2 })).toHaveTextContent('Kabinet trekt extra geld uit voor dijken in Zeeland en Friesland'));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Possible update' })).toBeNull());
    const [proposal] = await real.call<UpdateProposalView[]>('proposals.list', { all: true });
    const versions = await real.call<StoryVersionSummary[]>('story.versions', { id: proposal!.storyId });
    expect(versions.map((version) => version.version)).toEqual([1, 2]);
    await waitFor(() => expect(within(listbox).getAllByRole('option')).toHaveLength(1));
  });
});
