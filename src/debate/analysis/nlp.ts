import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';

/**
 * The English language model, built once per process on first use (about a tenth of a second).
 * It is read-only after loading and gives the same answer for the same text, so holding it here
 * keeps the domain pure: no I/O, no clock, no randomness.
 */
let instance: WinkMethods | undefined;

/** The pipeline the scorer reads: sentence boundaries, parts of speech (lemmas need them), negation. */
const PIPE = ['sbd', 'pos', 'negation'];

export const languageModel = (): WinkMethods => {
  instance ??= winkNLP(model, PIPE);
  return instance;
};

/** Loads the model now rather than at the first scored debate (the bot calls this at start). */
export const loadLanguageModel = (): void => {
  languageModel();
};
