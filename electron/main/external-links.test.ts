import { describe, expect, it } from 'vitest';
import { externalLinkPrompt, openExternalAfterAsking, type ExternalLinkPrompt } from './external-links';
import { labelsFor } from './labels';

// A link from story text opens only after the editor saw the full address and said yes.

function recorder(answer: number) {
  const asked: ExternalLinkPrompt[] = [];
  const opened: string[] = [];
  return {
    asked,
    opened,
    deps: {
      labels: () => labelsFor('nl'),
      ask: async (prompt: ExternalLinkPrompt) => {
        asked.push(prompt);
        return answer;
      },
      open: async (url: string) => {
        opened.push(url);
      },
    },
  };
}

describe('openExternalAfterAsking', () => {
  it('asks with the full address before opening, and opens only on an explicit yes', async () => {
    const yes = recorder(0);
    expect(await openExternalAfterAsking('https://nos.nl/artikel/1?x=1#kop', yes.deps)).toBe('opened');
    expect(yes.asked).toHaveLength(1);
    expect(yes.asked[0]!.detail).toBe('https://nos.nl/artikel/1?x=1#kop');
    expect(yes.opened).toEqual(['https://nos.nl/artikel/1?x=1#kop']);

    for (const answer of [1, -1, 2]) {
      const no = recorder(answer);
      expect(await openExternalAfterAsking('https://nos.nl/', no.deps)).toBe('cancelled');
      expect(no.asked).toHaveLength(1);
      expect(no.opened).toEqual([]);
    }
  });

  it('never asks about, nor opens, anything but http(s) and mailto', async () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-settings:', 'vbscript:x', 'https://user:pw@nos.nl/', 'mailto:a@b.nl?attach=/etc/passwd', 'data:text/html,x', 'not a url']) {
      const yes = recorder(0);
      expect(await openExternalAfterAsking(url, yes.deps), url).toBe('refused');
      expect(yes.asked, url).toEqual([]);
      expect(yes.opened, url).toEqual([]);
    }
  });

  it('shows look-alike and right-to-left addresses as they really are (punycode, percent-encoded)', async () => {
    const yes = recorder(0);
    await openExternalAfterAsking('https://nоs.nl/\u202egpj.exe', yes.deps); // Cyrillic "о"
    expect(yes.asked[0]!.detail).toBe('https://xn--ns-fmc.nl/%E2%80%AEgpj.exe');
    expect(yes.opened).toEqual(['https://xn--ns-fmc.nl/%E2%80%AEgpj.exe']);
  });

  it('makes Cancel the default and the escape answer, in the editor\'s language', () => {
    const prompt = externalLinkPrompt('https://nos.nl/', labelsFor('en'));
    expect(prompt).toMatchObject({ buttons: ['Open', 'Cancel'], defaultId: 1, cancelId: 1, detail: 'https://nos.nl/' });
    expect(externalLinkPrompt('mailto:a@b.nl', labelsFor('nl')).message).toMatch(/e-mail/);
  });
});
