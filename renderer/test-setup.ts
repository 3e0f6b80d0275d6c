import { cleanup, configure } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, expect } from 'vitest';

// Property tests draw the same cases on every run (see electron/test-setup.ts).
fc.configureGlobal({ seed: 20_261_203 });

// findBy*/waitFor wait for their condition up to 5 s instead of testing-library's 1 s: many
// renderer tests wait on the real core in-process (an import, an index update), and on this
// shared 2-core machine under load 1 s was sometimes too short (four tests failed so in one
// full run). A condition that holds sooner returns sooner: passing tests take no longer.
configure({ asyncUtilTimeout: 5_000 });

// Unmount what each test rendered and forget per-test storage, so tests never leak into each other.
afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
});

// The few DOM matchers the renderer tests use (jest-dom is not a dependency).
interface DomMatchers<R = unknown> {
  toBeInTheDocument(): R;
  toHaveTextContent(expected: string | RegExp): R;
  toHaveFocus(): R;
  toHaveAttribute(name: string, value?: string): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends DomMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends DomMatchers {}
}

const describe = (node: unknown) => (node instanceof Element ? `<${node.tagName.toLowerCase()}>` : String(node));
const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

expect.extend({
  toBeInTheDocument(received: unknown) {
    const pass = received instanceof Node && received.ownerDocument === document && document.contains(received);
    return { pass, message: () => `expected ${describe(received)} ${pass ? 'not ' : ''}to be in the document` };
  },
  toHaveTextContent(received: Element, expected: string | RegExp) {
    const text = normalise(received.textContent);
    const pass = typeof expected === 'string' ? text.includes(normalise(expected)) : expected.test(text);
    return { pass, message: () => `expected ${describe(received)} ${pass ? 'not ' : ''}to have text ${String(expected)}, got "${text}"` };
  },
  toHaveFocus(received: Element) {
    const pass = document.activeElement === received;
    return {
      pass,
      message: () => `expected ${describe(received)} "${normalise(received.textContent).slice(0, 60)}" ${pass ? 'not ' : ''}to have focus; focus is on ${describe(document.activeElement)} "${normalise(document.activeElement?.textContent ?? '').slice(0, 60)}"`,
    };
  },
  toHaveAttribute(received: Element, name: string, value?: string) {
    const actual = received.getAttribute(name);
    const pass = value === undefined ? actual !== null : actual === value;
    return { pass, message: () => `expected ${describe(received)} ${pass ? 'not ' : ''}to have ${name}=${String(value)}, got ${String(actual)}` };
  },
});
