import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/load.js';
import { DEFAULT_GRACE_SECONDS, MAX_GRACE_SECONDS } from '../../src/content/schemas.js';
import { byId, copyData, type DataCopy, setRaw } from './data-copy.js';

/** A format's `graceSeconds` (the grace for late speech forms) as the data check reads it. */
let data: DataCopy;
beforeEach(async () => {
  data = await copyData();
});
afterEach(async () => {
  await data.dispose();
});

const withGrace = (value: unknown) =>
  data.edit('formats', (json) => {
    setRaw(byId(json.formats, 'quick'), 'graceSeconds', value);
  });

const graceProblem = async () => {
  const error = await data.problems();
  const problem = error.problems.find((p) => p.entry === 'formats[quick]' && p.field === 'graceSeconds');
  expect(problem, error.message).toBeDefined();
  return problem?.message ?? '';
};

describe('graceSeconds in data/formats.json', () => {
  it(`given none, then every shipped format gets the default of ${DEFAULT_GRACE_SECONDS} s`, async () => {
    const deck = await loadDeck(data.dir);
    for (const format of deck.formats) expect(format.graceSeconds).toBe(DEFAULT_GRACE_SECONDS);
  });

  it(`given 0 or ${MAX_GRACE_SECONDS}, then the deck loads with it`, async () => {
    for (const value of [0, MAX_GRACE_SECONDS]) {
      await withGrace(value);
      expect((await loadDeck(data.dir)).format('quick')?.graceSeconds).toBe(value);
    }
  });

  it(`given more than ${MAX_GRACE_SECONDS}, then it is refused naming the format and the field`, async () => {
    await withGrace(MAX_GRACE_SECONDS + 1);
    expect(await graceProblem()).toContain(String(MAX_GRACE_SECONDS));
  });

  it('given a negative grace, then it is refused naming the format and the field', async () => {
    await withGrace(-1);
    expect(await graceProblem()).toContain('0');
  });

  it('given a fraction of a second or a string, then it is refused naming the format and the field', async () => {
    await withGrace(2.5);
    expect(await graceProblem()).toMatch(/int/i);
    await withGrace('20');
    expect(await graceProblem()).toContain('expected number');
  });
});
