import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataFileName } from '../../src/content/schemas.js';
import { byId, copyData, type DataCopy, item, setRaw } from './data-copy.js';

let data: DataCopy;
beforeEach(async () => {
  data = await copyData();
});
afterEach(async () => {
  await data.dispose();
});

interface Expected {
  readonly file: DataFileName;
  readonly entry?: string;
  readonly field?: string;
  readonly message: string;
}

/** Loading fails with a problem pinned to this file, entry and field, and the message says so. */
const expectProblem = async ({ file, entry, field, message }: Expected) => {
  const error = await data.problems();
  const where = [data.file(file), entry, field].filter((part) => part !== undefined).join(' › ');
  expect(error.problems).toContainEqual({
    file: data.file(file),
    ...(entry ? { entry } : {}),
    ...(field ? { field } : {}),
    message: expect.stringContaining(message),
  });
  expect(error.message).toContain(`${where}: `);
  return error;
};

describe('a broken data folder is refused with the file, the entry and the field', () => {
  it('given a file that is not valid JSON, then it names the file', async () => {
    await data.write('motions', '{ "motions": [ { "id": "M01", ');
    await expectProblem({ file: 'motions', message: 'not valid JSON' });
  });

  it('given a missing file, then it names the file', async () => {
    await data.remove('rubric');
    await expectProblem({ file: 'rubric', message: 'file not found' });
  });

  it('given a card without its title, then it names the card by id and the field', async () => {
    await data.edit('evidence', (json) => {
      Reflect.deleteProperty(byId(json.cards, 'L03'), 'title');
    });
    await expectProblem({
      file: 'evidence',
      entry: 'cards[L03]',
      field: 'title',
      message: 'expected string',
    });
  });

  it('given speech seconds written as a string, then it names the format, the speech and the field', async () => {
    await data.edit('formats', (json) => {
      setRaw(item(byId(json.formats, 'quick').speeches, 1), 'seconds', '120');
    });
    await expectProblem({
      file: 'formats',
      entry: 'formats[quick]',
      field: 'speeches.1.seconds',
      message: 'expected number',
    });
  });

  it('given an unknown extra field, then it names it', async () => {
    await data.edit('motions', (json) => {
      setRaw(byId(json.motions, 'M02'), 'winner', 'lecun');
    });
    await expectProblem({
      file: 'motions',
      entry: 'motions[M02]',
      field: 'winner',
      message: 'unknown field winner',
    });
  });

  it('given an entry without an id, then it names the entry by its index', async () => {
    await data.edit('motions', (json) => {
      Reflect.deleteProperty(item(json.motions, 2), 'id');
    });
    await expectProblem({ file: 'motions', entry: 'motions[2]', field: 'id', message: 'expected string' });
  });

  it('given two cards with the same id, then it names the second by index', async () => {
    await data.edit('evidence', (json) => {
      item(json.cards, 5).id = 'L01';
    });
    await expectProblem({ file: 'evidence', entry: 'cards[5]', field: 'id', message: 'duplicate id "L01"' });
  });

  it('given a motion affirmed by an unknown side, then it names the motion and affirms', async () => {
    await data.edit('motions', (json) => {
      byId(json.motions, 'M03').affirms = 'doomers';
    });
    await expectProblem({
      file: 'motions',
      entry: 'motions[M03]',
      field: 'affirms',
      message: 'unknown side "doomers" (sides: lecun, scaling)',
    });
  });

  it('given a motion not framed for one side, then it names the missing framing', async () => {
    await data.edit('motions', (json) => {
      Reflect.deleteProperty(byId(json.motions, 'M01').framing, 'scaling');
    });
    await expectProblem({
      file: 'motions',
      entry: 'motions[M01]',
      field: 'framing.scaling',
      message: 'missing',
    });
  });

  it("given a card whose id prefix is not its side's, then it names the card's id", async () => {
    await data.edit('evidence', (json) => {
      byId(json.cards, 'S01').side = 'lecun';
    });
    await expectProblem({
      file: 'evidence',
      entry: 'cards[S01]',
      field: 'id',
      message: 'a lecun card\'s id starts with "L"',
    });
  });

  it('given a card citing an unknown source, then it names the card and source', async () => {
    await data.edit('evidence', (json) => {
      byId(json.cards, 'L02').source = 'seed-999';
    });
    await expectProblem({
      file: 'evidence',
      entry: 'cards[L02]',
      field: 'source',
      message: 'unknown source "seed-999"',
    });
  });

  it('given rubric weights that do not add up to 100, then it names the weights', async () => {
    await data.edit('rubric', (json) => {
      byId(json.criteria, 'argument').weight = 35;
    });
    await expectProblem({
      file: 'rubric',
      field: 'criteria.weight',
      message: 'weights add up to 105, not 100',
    });
  });

  it('given levels that do not cover 1 to 5, then it names the criterion', async () => {
    await data.edit('rubric', (json) => {
      item(byId(json.criteria, 'evidence').levels, 1).score = 1;
    });
    await expectProblem({
      file: 'rubric',
      entry: 'criteria[evidence]',
      field: 'levels',
      message: 'give each score from 1 to 5 exactly once',
    });
  });

  it('given a format with no speeches, then it names its speeches', async () => {
    await data.edit('formats', (json) => {
      byId(json.formats, 'standard').speeches = [];
    });
    await expectProblem({
      file: 'formats',
      entry: 'formats[standard]',
      field: 'speeches',
      message: 'at least one speech per side',
    });
  });

  it('given a side with no speech, then it names the side', async () => {
    await data.edit('formats', (json) => {
      const quick = byId(json.formats, 'quick');
      quick.speeches = quick.speeches.slice(0, 1).concat(quick.speeches.slice(2, 3));
    });
    await expectProblem({
      file: 'formats',
      entry: 'formats[quick]',
      field: 'speeches',
      message: 'side "scaling" has no speech',
    });
  });

  it('given unequal speaking time, then it gives both totals', async () => {
    await data.edit('formats', (json) => {
      item(byId(json.formats, 'quick').speeches, 1).seconds = 100;
    });
    await expectProblem({
      file: 'formats',
      entry: 'formats[quick]',
      field: 'speeches',
      message: 'speaking time is unequal: 210s vs 190s',
    });
  });

  it('given a bell outside its speech, then it names the speech and its bells', async () => {
    await data.edit('formats', (json) => {
      item(byId(json.formats, 'quick').speeches, 0).bells = [120];
    });
    await expectProblem({
      file: 'formats',
      entry: 'formats[quick]',
      field: 'speeches.0.bells',
      message: 'a bell at 120s is not inside a 120s speech',
    });
  });

  it('given a 2v2 format without a second speaker, then it says which side needs one', async () => {
    await data.edit('formats', (json) => {
      for (const speech of byId(json.formats, 'team').speeches) speech.speaker = 1;
    });
    const error = await expectProblem({
      file: 'formats',
      entry: 'formats[team]',
      field: 'speeches',
      message: 'in a 2v2 the second lecun debater needs a speech',
    });
    expect(error.message).toContain('in a 2v2 the second scaling debater needs a speech');
  });

  it('given a second speaker in a 1v1 format, then it names that speech', async () => {
    await data.edit('formats', (json) => {
      item(byId(json.formats, 'quick').speeches, 2).speaker = 2;
    });
    await expectProblem({
      file: 'formats',
      entry: 'formats[quick]',
      field: 'speeches.2.speaker',
      message: 'speaker 2 needs the 2v2 size',
    });
  });

  it('given one side speaking three times in a row, then it names the third speech', async () => {
    await data.edit('formats', (json) => {
      const ld = byId(json.formats, 'lincoln-douglas');
      item(ld.speeches, 5).side = 'lecun';
      item(ld.speeches, 6).side = 'scaling';
    });
    await expectProblem({
      file: 'formats',
      entry: 'formats[lincoln-douglas]',
      field: 'speeches.5.side',
      message: 'one side speaks three times in a row',
    });
  });

  it('given both sides with the same card prefix, then it names the second side', async () => {
    await data.edit('sides', (json) => {
      item(json.sides, 1).cardPrefix = 'L';
    });
    await expectProblem({
      file: 'sides',
      entry: 'sides[scaling]',
      field: 'cardPrefix',
      message: 'both sides use the same card prefix',
    });
  });

  it('given a card with a tag not in tags.json, then it names the card and the tag', async () => {
    await data.edit('evidence', (json) => {
      byId(json.cards, 'L03').tags = ['architecture', 'archtecture'];
    });
    await expectProblem({
      file: 'evidence',
      entry: 'cards[L03]',
      field: 'tags.1',
      message: 'unknown tag "archtecture"',
    });
  });

  it('given a motion with a tag not in tags.json, then it names the motion and the tag', async () => {
    await data.edit('motions', (json) => {
      byId(json.motions, 'M02').tags = ['scaling'];
    });
    await expectProblem({
      file: 'motions',
      entry: 'motions[M02]',
      field: 'tags.0',
      message: 'unknown tag "scaling"',
    });
  });

  it('given a tag listed twice in tags.json, then it names the second', async () => {
    await data.edit('tags', (json) => {
      json.tags.push({ ...item(json.tags, 0) });
    });
    await expectProblem({
      file: 'tags',
      entry: 'tags[20]',
      field: 'id',
      message: 'duplicate id "architecture"',
    });
  });

  it("given a motion too few of one side's cards share a tag with, then it says how many and how many it needs", async () => {
    await data.edit('motions', (json) => {
      byId(json.motions, 'M03').tags = ['credibility'];
    });
    await expectProblem({
      file: 'motions',
      entry: 'motions[M03]',
      field: 'tags',
      message: 'only 2 lecun cards share a tag with this motion; each side needs 6',
    });
  });

  it('given a word minimum that cannot be typed in the text-mode time, then it names the speech and its words', async () => {
    await data.edit('formats', (json) => {
      item(byId(json.formats, 'quick').speeches, 0).words = { min: 80, max: 250 };
      item(byId(json.formats, 'quick').speeches, 0).textSeconds = 120;
      item(byId(json.formats, 'quick').speeches, 1).textSeconds = 120;
    });
    await expectProblem({
      file: 'formats',
      entry: 'formats[quick]',
      field: 'speeches.0.words',
      message: '80 words cannot be typed in 120s (about 70 at 35 words a minute)',
    });
  });

  it('given unequal text-mode time, then it gives both totals', async () => {
    await data.edit('formats', (json) => {
      item(byId(json.formats, 'quick').speeches, 1).textSeconds = 200;
    });
    await expectProblem({
      file: 'formats',
      entry: 'formats[quick]',
      field: 'speeches',
      message: 'text-mode time is unequal: 300s vs 320s',
    });
  });

  it('given a speech without its text-mode time, then it names the field', async () => {
    await data.edit('formats', (json) => {
      Reflect.deleteProperty(item(byId(json.formats, 'standard').speeches, 2), 'textSeconds');
    });
    await expectProblem({
      file: 'formats',
      entry: 'formats[standard]',
      field: 'speeches.2.textSeconds',
      message: 'expected number',
    });
  });

  it('given a third side, then it says a debate has two', async () => {
    await data.edit('sides', (json) => {
      json.sides.push({ ...item(json.sides, 0), id: 'third', cardPrefix: 'T' });
    });
    await expectProblem({ file: 'sides', field: 'sides', message: 'a debate has exactly two sides' });
  });
});

describe('every problem at once', () => {
  it('given two broken files, then both are reported in one error', async () => {
    await data.edit('evidence', (json) => {
      byId(json.cards, 'L02').source = 'seed-999';
    });
    await data.edit('formats', (json) => {
      item(byId(json.formats, 'quick').speeches, 0).bells = [500];
    });
    const error = await data.problems();
    expect(error.problems.map((p) => [p.file, p.entry, p.field])).toEqual([
      [data.file('evidence'), 'cards[L02]', 'source'],
      [data.file('formats'), 'formats[quick]', 'speeches.0.bells'],
    ]);
    expect(error.message).toMatch(/^The data folder has 2 problems:\n {2}- /);
  });

  it('given a file that does not parse, then the cross-checks of the other files still run', async () => {
    await data.write('rubric', 'not json');
    await data.edit('motions', (json) => {
      byId(json.motions, 'M01').affirms = 'doomers';
    });
    const error = await data.problems();
    expect(error.problems.map((p) => p.file)).toEqual([data.file('rubric'), data.file('motions')]);
  });
});
