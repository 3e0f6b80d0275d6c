import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DossierDetail } from '../../../../../shared/contract/dossiers';
import type { StorySummary } from '../../../../../shared/types';
import type { KroniekCore } from '../../../app';
import { importPaths } from '../../../import/importer';

// Shared by the dossier export and CLI tests.

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../../../seeds');

export async function ok<T>(core: KroniekCore, method: string, input: unknown): Promise<T> {
  const answer = await core.dispatch(method, input);
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

/** Imports the five sample stories and makes them one dossier, in an order that is neither import nor date order. */
export async function seedDossier(core: KroniekCore): Promise<{ detail: DossierDetail; articles: StorySummary[] }> {
  await importPaths(core.context.store, [SEEDS_DIR], core.context.importOptions);
  const page = await ok<{ items: StorySummary[] }>(core, 'stories.list', { kind: 'article', sort: 'imported', dir: 'asc' });
  const articles = page.items;
  if (articles.length !== 5) throw new Error(`expected the five sample articles, found ${articles.length}`);
  const order = [articles[2]!, articles[0]!, articles[4]!, articles[1]!, articles[3]!];
  const detail = await ok<DossierDetail>(core, 'dossiers.create', {
    title: 'Kim en Poetin: een jaar diplomatie',
    subtitle: 'Van steunbetuiging tot verdrag',
    intro: 'Hoe Noord-Korea en Rusland naar elkaar toe groeiden.\n\nVijf berichten, in de volgorde van de redactie.',
    storyIds: order.map((story) => story.id),
  });
  return { detail, articles: order };
}

/** Whitespace-insensitive text for comparing headlines against extracted text (PDF lines wrap). */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * PDF text for matching: pdftotext joins a word broken at a line-end hyphen
 * (`Noord-` + `Korea` → `NoordKorea`), so whitespace and hyphens are dropped on both sides.
 */
export function pdfComparable(text: string): string {
  return text.replace(/[\s\-\u2010\u2011]+/g, '');
}

/** Positions of the first occurrence of each needle (-1 when absent). */
export function firstPositions(text: string, needles: string[]): number[] {
  return needles.map((needle) => text.indexOf(needle));
}

/** True when every needle occurs in `text` in the given order (each after the previous one). */
export function inOrder(text: string, needles: string[], from = 0): number | null {
  let at = from;
  for (const needle of needles) {
    const found = text.indexOf(needle, at);
    if (found < 0) return null;
    at = found + needle.length;
  }
  return at;
}

/** The text of an HTML document, tags dropped and the usual entities decoded. */
export function htmlText(html: string): string {
  const body = html.replace(/<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' ');
  return body
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

export async function pdfText(file: string): Promise<string> {
  const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
