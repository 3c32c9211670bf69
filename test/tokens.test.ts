import { describe, expect, it } from 'vitest';
import { alignSentences } from '../src/align/index.js';
import { knownNames, nameCandidates } from '../src/text/tokens.js';

describe('names at the start of a sentence', () => {
  it('count when the text names them mid-sentence, possessive or not', () => {
    const text = 'Erdogan arrived on Friday. Protesters criticised Erdogan\'s policies.';
    const known = knownNames(text);
    expect(known.has('erdogan')).toBe(true);
    expect(nameCandidates(text, known).map((t) => t.text)).toEqual(['Erdogan', 'Erdogan\'s']);
    expect(nameCandidates('Erdogan arrived on Friday.', knownNames('Protesters met in Cologne.')).map((t) => t.text)).toEqual([]);
  });

  it('are never function words, even after an opening quote', () => {
    expect(nameCandidates('He asked, \'Did you do it?\' and "Where were you?"').map((t) => t.text)).toEqual([]);
    expect(nameCandidates('Он спросил: «Где вы были?»').map((t) => t.text)).toEqual([]);
    expect(nameCandidates('Ведущая программы «Этим утром» ушла, сообщила «Та самая газета».').map((t) => t.text)).toEqual([]);
  });

  it('let a sentence-initial name anchor its translation', () => {
    const en = ['Erdogan heads for Cologne.', 'The visit ends a row over Erdogan\'s policies.'];
    const ru = ['Турецкий лидер Эрдоган направляется в Кельн.', 'Визит завершает спор о политике Эрдогана.'];
    expect(alignSentences(en, ru).map((b) => [b.src, b.tgt])).toEqual([[[0], [0]], [[1], [1]]]);
  });
});
