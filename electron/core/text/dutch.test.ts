import { describe, expect, it } from 'vitest';
import { detached, fold, isStopword, stem, terms, words } from './dutch';

describe('Dutch text analysis', () => {
  it('folds case and diacritics for matching only', () => {
    expect(fold('Oekraïne')).toBe('oekraine');
    expect(fold('GENÈVE')).toBe('geneve');
    expect(fold('ceremoniële')).toBe('ceremoniele');
  });

  it('never splits a word at a diacritic', () => {
    expect(words('Oekraïense Tsjechië privé')).toEqual(['oekraiense', 'tsjechie', 'prive']);
  });

  it('splits hyphenated compounds and keeps the joined form', () => {
    expect(words('Noord-Korea')).toEqual(['noord', 'korea', 'noordkorea']);
  });

  it('stems Dutch plurals onto their singular', () => {
    expect(stem('ontmoetingen')).toBe(stem('ontmoeting'));
    expect(stem('gesprekken')).toBe(stem('gesprek'));
  });

  it('drops Dutch stopwords', () => {
    expect(isStopword('de')).toBe(true);
    expect(isStopword('het')).toBe(true);
    expect(terms('De president van het land')).toEqual([stem('president'), stem('land')]);
  });

  it('copies words cut out of a text without changing them', () => {
    const text = 'De verkiezingscampagne van de Noord-Koreaanse regeringspartij.';
    for (const word of words(text)) expect(detached(word)).toBe(word);
    expect(detached('Генеральная ассамблея')).toBe('Генеральная ассамблея');
    expect(detached('kort')).toBe('kort');
    expect(stem(words(text)[1]!)).toBe(stem('verkiezingscampagne'));
  });
});
