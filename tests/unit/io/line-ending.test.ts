/**
 * The import tells PapaParse the line ending instead of letting it guess (the guess copied the first megabyte
 * three times): the answer must be PapaParse's own guess, or rows would split differently.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { lineEnding } from '../../../src/io/line-ending';

const papaGuess = (text: string) => Papa.parse(text).meta.linebreak;

const TEXTS: Record<string, string> = {
  'Excel CSV (CRLF)': '代码,2023年\r\nH01,1.1\r\nH02,2.2\r\n',
  'LF only': '代码,2023年\nH01,1.1\nH02,2.2',
  'old Mac CR only': '代码,2023年\rH01,1.1\rH02,2.2',
  'no line break at all': '代码,2023年',
  'empty file': '',
  'line break inside a quoted cell comes first': '代码,备注\r\nH01,"第一行\n第二行"\r\nH02,x\r\n',
  'LF inside quotes, CR outside': '"a\nb",c\rd,e\rf,g',
  'mostly CRLF with one bare LF': 'a\r\nb\r\nc\nd\r\ne\r\n',
  'mostly CR with one CRLF': 'a\rb\rc\r\nd\re\r',
  'LF before the first CR': 'a\nb\r\nc\r\nd\r\n',
  'doubled quotes inside a quoted cell': '"他说""好""\r\n",b\r\nc,d\r\n',
  'CR then a quoted cell starting the next line': 'a\r"b\nc"\r\nd\r\n',
};

describe('lineEnding: the same answer as PapaParse’s guess', () => {
  for (const [what, text] of Object.entries(TEXTS)) {
    it(what, () => {
      expect(lineEnding(text)).toBe(papaGuess(text));
    });
  }

  it('a quote left open is left to PapaParse (the file is reported as a quote error)', () => {
    expect(lineEnding('代码,备注\r\nH01,"没有配对\r\nH02,x\r\n')).toBeUndefined();
  });

  it('only the first megabyte counts, as in PapaParse', () => {
    // Over the whole text bare CRs are the majority; in the first megabyte every CR is followed by LF.
    const text = 'ab\r\n'.repeat(300_000) + 'c\r'.repeat(1_000_000);
    expect(lineEnding(text)).toBe(papaGuess(text));
    expect(lineEnding(text)).toBe('\r\n');
  });
});

describe('lineEnding on generated texts: quotes, doubled quotes and line breaks in every order', () => {
  // A deterministic sequence, so that a failure can be reproduced.
  let seed = 12345;
  const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const pieces = ['a', '中', ',', '"', '""', '\r', '\n', '\r\n', '\r\r', '\n\r'];
  const texts = Array.from({ length: 3000 }, () =>
    Array.from(
      { length: 1 + Math.floor(next() * 24) },
      () => pieces[Math.floor(next() * pieces.length)],
    ).join(''),
  );

  it('PapaParse’s guess whenever every quote is closed, undefined when one is left open', () => {
    let compared = 0;
    for (const text of texts) {
      const quotes = text.split('"').length - 1;
      if (quotes % 2 === 1) expect(lineEnding(text), JSON.stringify(text)).toBeUndefined();
      else {
        expect(lineEnding(text), JSON.stringify(text)).toBe(papaGuess(text));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
