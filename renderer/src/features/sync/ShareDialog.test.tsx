import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { openRealCore, type RealCore } from '../../test/real-core';
import { renderApp } from '../../test/render-app';

// The Share dialog and the sync indicator over the real core (no desk server: what happens
// when the address is refused or nobody answers). Connecting to a real server, conflicts and
// reader accounts are proven in two browsers in e2e/team.spec.ts.

let real: RealCore | undefined;

afterEach(async () => {
  await real?.close();
  real = undefined;
});

describe('Share this library', { timeout: 20_000 }, () => {
  it('tests and refuses an insecure address, asks for the password, and an unreachable desk shows offline in the indicator (Dutch)', async () => {
    const user = userEvent.setup();
    const fill = async (field: HTMLElement, text: string) => {
      await user.clear(field);
      await user.click(field);
      await user.paste(text);
    };
    real = await openRealCore();
    renderApp(real, { languages: ['nl-NL'] });
    await user.click(await screen.findByRole('button', { name: 'Deze bibliotheek delen…' }));
    const dialog = screen.getByRole('dialog', { name: 'Deze bibliotheek delen' });
    await fill(within(dialog).getByLabelText('Adres van de deskdatabase'), 'http://desk.example/redactie');
    await fill(within(dialog).getByLabelText('Gebruikersnaam'), 'anna');
    await fill(within(dialog).getByLabelText('Wachtwoord'), 'geheim');
    await user.click(within(dialog).getByRole('button', { name: 'Verbinding testen' }));
    expect(await within(dialog).findByText(/Het adres moet met https:\/\/ beginnen/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Verbinden' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Verbinden mislukt');

    // Nobody listens on port 9: offline, and the library now remembers the desk.
    const address = within(dialog).getByLabelText('Adres van de deskdatabase');
    await fill(address, 'http://127.0.0.1:9/redactie');
    await user.clear(within(dialog).getByLabelText('Wachtwoord'));
    await user.click(within(dialog).getByRole('button', { name: 'Verbinden' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Vul het adres, de gebruikersnaam en het wachtwoord in.');
    await fill(within(dialog).getByLabelText('Wachtwoord'), 'geheim');
    await user.click(within(dialog).getByRole('button', { name: 'Verbinden' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('niet bereikbaar');
    const indicator = await screen.findByRole('button', { name: /^Teambibliotheek: Offline/ });
    expect(indicator).toBeInTheDocument();
    // The password stays with the core, not in the renderer's storage.
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('geheim');
  });
});
