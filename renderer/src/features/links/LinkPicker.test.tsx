import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkView } from '../../../../shared/contract/links';
import type { StorySummary } from '../../../../shared/types';
import { createAppStore, StoreProvider } from '../../store';
import { openRealCore, type RealCore } from '../../test/real-core';
import { LinkPicker } from './LinkPicker';

// The link picker over the real core with the sample library (5 articles, 35 briefs): the
// ranked list is the related-story index's, the links made are the core's.

let real: RealCore;
let articles: StorySummary[];
beforeAll(async () => {
  real = await openRealCore({ seeds: true });
  await real.core.library.whenReady();
  articles = (await real.call<{ items: StorySummary[] }>('stories.list', { kind: 'article', sort: 'date', dir: 'asc' })).items;
}, 60_000);
afterAll(async () => {
  await real.close();
});

function setup(sources: string[], language = 'en') {
  const store = createAppStore({ client: real.client, storage: null, languages: [language] });
  render(
    <StoreProvider store={store}>
      <LinkPicker />
    </StoreProvider>,
  );
  act(() => store.getState().openLinkPicker(sources));
  return { store, user: userEvent.setup() };
}

const options = (dialog: HTMLElement) => within(dialog).getAllByRole('checkbox');
const idsOf = (boxes: HTMLElement[]) => boxes.map((box) => (box as HTMLInputElement).value);

describe('LinkPicker (real core)', () => {
  it('lists the most related stories first, by the related-story score, never the stories being linked, briefs marked', async () => {
    const sources = [articles[0]!.id, articles[1]!.id];
    setup(sources);
    const dialog = await screen.findByRole('dialog', { name: 'Link 2 stories to…' });
    await waitFor(() => expect(options(dialog).length).toBeGreaterThan(2));
    const shown = idsOf(options(dialog));
    for (const id of sources) expect(shown).not.toContain(id);

    // The best score of either source, highest first; those come before anything unscored.
    const best = new Map<string, number>();
    for (const storyId of sources) {
      for (const entry of await real.call<{ id: string; score: number }[]>('related.list', { storyId, limit: 50 })) {
        if (!sources.includes(entry.id)) best.set(entry.id, Math.max(best.get(entry.id) ?? 0, entry.score));
      }
    }
    expect(best.size).toBeGreaterThan(0);
    const ranked = [...best].sort((a, b) => b[1] - a[1]);
    expect(shown.slice(0, ranked.length)).toEqual(ranked.map(([id]) => id));
    const scores = within(dialog).getAllByText(/% match$/).map((element) => Number.parseInt(element.textContent!, 10));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBe(Math.round(ranked[0]![1] * 100));
    // Every brief offered carries the badge, and no article does.
    const briefs = new Set((await real.call<{ items: StorySummary[] }>('stories.list', { kind: 'brief', limit: 100 })).items.map((story) => story.id));
    for (const box of options(dialog)) {
      const badge = box.closest('label')!.querySelector('.kind-badge');
      expect(badge?.textContent ?? null, (box as HTMLInputElement).value).toBe(briefs.has((box as HTMLInputElement).value) ? 'Brief' : null);
    }
  });

  it('links each selected story to each target chosen, one pair each, as the relation chosen reads', async () => {
    const [a, b, c, d] = articles;
    const { store, user } = setup([a!.id, b!.id]);
    const dialog = await screen.findByRole('dialog', { name: 'Link 2 stories to…' });
    await user.type(within(dialog).getByRole('searchbox', { name: 'Find a story' }), 'poetin');
    await waitFor(() => expect(idsOf(options(dialog))).toEqual(expect.arrayContaining([c!.id, d!.id])));
    await user.click(within(dialog).getByRole('checkbox', { name: new RegExp(c!.headline.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }));
    await user.click(within(dialog).getByRole('checkbox', { name: new RegExp(d!.headline.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }));
    expect(dialog).toHaveTextContent('2 stories chosen');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'This story is' }), 'Follow-up of');
    await user.click(within(dialog).getByRole('button', { name: 'Link' }));
    await waitFor(() => expect(store.getState().linkPickerFor).toBeNull());

    // Four links: each source follows up on each target (the target is `from`), each pair once.
    await waitFor(async () => expect((await real.call<LinkView[]>('links.list', { storyId: a!.id })).length).toBe(2));
    const pairs = new Set<string>();
    for (const source of [a!, b!]) {
      for (const view of await real.call<LinkView[]>('links.list', { storyId: source.id })) {
        expect(view.link.type).toBe('follow-up');
        expect(view.link.to).toBe(source.id);
        pairs.add(`${view.link.from}>${view.link.to}`);
      }
    }
    expect([...pairs].sort()).toEqual([`${c!.id}>${a!.id}`, `${d!.id}>${a!.id}`, `${c!.id}>${b!.id}`, `${d!.id}>${b!.id}`].sort());
    expect((store.getState().editFeedback as { text?: string } | null)?.text ?? '').toContain('4 links made.');
  });
});
