import { describe, expect, it } from 'vitest';
import { weightedTotal } from '../../src/debate/scoring.js';
import type { CriterionScore, DebaterScore, Result } from '../../src/debate/types.js';
import { type CalibrationDebate, judge, type SideId, userOf } from './calibration/harness.js';
import { ballotEvent, deck, LEE, SAM, SECOND, speakAll, speaking } from './helpers.js';

/**
 * The automatic rubric on the shipped cards (the calibration deck): M01, lecun opens, scaling
 * answers. Each test gives the speeches and checks the score and the words of the reason.
 */
const hands = { lecun: ['L03', 'L04', 'L09', 'L10'], scaling: ['S02', 'S04', 'S10', 'S13'] } as const;

const LECUN_OPENING =
  'This house believes that next-token prediction is a dead end for reasoning, and by reasoning we mean planning over several steps before acting. ' +
  'An autoregressive model picks the most probable next word, one token at a time, because that is all its training rewards [L03]. ' +
  'That is pattern matching, which means no amount of polish turns it into deliberation. ' +
  'Each answer comes from a single forward pass with no internal deliberation loop [L04], so the model never tests a plan against its consequences. ' +
  'The other side will say that reasoning models fix this, but chain of thought is still next-token prediction with nothing underneath simulating the world [L09].';

const SCALING_REPLY =
  'My opponent says prediction cannot plan. However, reasoning models such as o1 and o3 spend extra compute at inference time and post measurable gains in maths and coding [S10], which means deliberation can be bought inside this very architecture. ' +
  'They say each answer comes from a single forward pass. But o1-style deliberation is genuine multi-step reasoning over many passes [S13], so the limit they describe is already gone. ' +
  'Scaling laws have not broken either: each larger model trained on more data has kept improving [S02]. ' +
  'A road that keeps delivering gains is not a dead end.';

const debate = (speeches: (string | null)[], over: Partial<CalibrationDebate> = {}): Result =>
  judge({ id: 't', motionId: 'M01', hands, speeches, winner: 'lecun', reason: '', ...over });

const scoreOf = (result: Result, side: SideId): DebaterScore | undefined =>
  result.scores.find((s) => s.userId === userOf(side));
const criterion = (result: Result, side: SideId, id: string): CriterionScore | undefined =>
  scoreOf(result, side)?.criteria.find((c) => c.criterionId === id);

const pad = (text: string, times: number) => Array.from({ length: times }, () => text).join(' ');

describe('automatic rubric: argument', () => {
  it('given claims with reasons and impacts, then it scores high and counts them', () => {
    const argument = criterion(debate([LECUN_OPENING, SCALING_REPLY]), 'lecun', 'argument');
    expect(argument?.score).toBeGreaterThanOrEqual(4);
    expect(argument?.reason).toMatch(/^\d reasoned claims, \d with an impact/);
  });

  it('given a claim with no reason, then the reason quotes it', () => {
    const bare =
      'Text is lossy. ' +
      LECUN_OPENING.replace('because that is all its training rewards [L03]', 'and that is how it works');
    const argument = criterion(debate([bare, SCALING_REPLY]), 'lecun', 'argument');
    expect(argument?.reason).toContain("your claim 'Text is lossy' had no reason given");
  });

  it('given the same sentences repeated to fill the time, then the repeats earn nothing and cost a point', () => {
    const core =
      'An autoregressive model picks the most probable next word because that is all its training rewards [L03], which means it cannot deliberate. ';
    const padded =
      core + pad('An autoregressive model picks the most probable next word, one token at a time.', 8);
    const argument = criterion(debate([padded, SCALING_REPLY]), 'lecun', 'argument');
    expect(argument?.score).toBeLessThanOrEqual(2);
    expect(argument?.reason).toMatch(
      /\d+% of it earns nothing: 'An autoregressive model picks the most…' repeats what you said/,
    );
  });

  it('given signposts and filler with no claims, then it scores 1 and names them', () => {
    const stuffed = pad(
      'Firstly, secondly, moreover, furthermore, basically, in conclusion, finally, clearly.',
      12,
    );
    const argument = criterion(debate([stuffed, SCALING_REPLY]), 'lecun', 'argument');
    expect(argument?.score).toBe(1);
    expect(argument?.reason).toContain('no claim on the motion');
  });

  it('given a list of keywords, then it earns nothing and the reason says so', () => {
    const salad = [
      'Autoregressive next-token prediction dead end reasoning world model planning JEPA grounding.',
      'Pattern matching forward pass deliberation loop look-ahead consequences simulation physics.',
      'Chain of thought tokens layout hypotheses benchmarks scores competence comprehension.',
      'Gravity friction momentum video babies cats tables glasses edges hedging failures.',
      'Transformers parameters compute data scaling laws ceilings energy costs architectures.',
      'System two slow deliberate logic reflexive intuition abstraction distribution training.',
      'LeCun Meta JEPA encoder predictor energy planner configurator memory actor modules.',
      'Reasoning models inference compute o1 o3 ARC-AGI maths coding science gains.',
    ].join(' ');
    const argument = criterion(debate([salad, SCALING_REPLY]), 'lecun', 'argument');
    expect(argument?.score).toBe(1);
    expect(argument?.reason).toContain('is a list of keywords, not a sentence');
  });

  it('given a speech under the floor, then it is capped and the reason gives the floor', () => {
    const short =
      'Token prediction is pattern matching because it picks the most probable next word [L03], so it cannot reason.';
    const argument = criterion(debate([short, SCALING_REPLY]), 'lecun', 'argument');
    expect(argument?.score).toBeLessThanOrEqual(2);
    expect(argument?.reason).toContain('under the 80-word floor');
  });

  it('given a speech past the cap, then the words past it are not read', () => {
    const long = `${LECUN_OPENING} ${pad('Another real sentence about the grounding of world models in video.', 20)}`;
    const argument = criterion(debate([long, SCALING_REPLY]), 'lecun', 'argument');
    expect(argument?.reason).toContain('words past the 250-word cap were not read');
  });
});

describe('automatic rubric: evidence', () => {
  it('given cards whose content the speech uses, then each counts and is named', () => {
    const evidence = criterion(debate([LECUN_OPENING, SCALING_REPLY]), 'lecun', 'evidence');
    expect(evidence).toEqual({
      criterionId: 'evidence',
      score: 5,
      reason: '[L03], [L04], [L09] used, 3 with what follows from them',
      by: 'automatic',
    });
  });

  it('given ids dropped without use, then they earn nothing and the reason says which', () => {
    const dumped = `${LECUN_OPENING} The evidence is overwhelming [L10].`;
    const evidence = criterion(debate([dumped, SCALING_REPLY]), 'lecun', 'evidence');
    expect(evidence?.reason).toContain('[L10] cited but not used');
  });

  it('given a speech of nothing but ids, then it scores 1 with a point lost for the dump', () => {
    const dump = pad('Read the cards [L03] [L04] [L09] [L10] and vote for us.', 10);
    const evidence = criterion(debate([dump, SCALING_REPLY]), 'lecun', 'evidence');
    expect(evidence?.score).toBe(1);
    expect(evidence?.reason).toContain('ids dropped without use cost a point');
  });

  it('given a card quoted word for word, then it counts as used', () => {
    const quoting = `${pad('We argue that prediction alone cannot reason about the world.', 1)} As the card puts it, "a model of text rather than a model of reality" [L10], so fluency is not understanding.`;
    const evidence = criterion(debate([quoting, SCALING_REPLY]), 'lecun', 'evidence');
    expect(evidence?.reason).toMatch(/^\[L10\] used/);
  });

  it('given no card cited, then 1', () => {
    const evidence = criterion(
      debate([LECUN_OPENING.replace(/\[L\d\d\]/g, ''), SCALING_REPLY]),
      'lecun',
      'evidence',
    );
    expect(evidence).toMatchObject({ score: 1, reason: 'no card from your hand cited' });
  });
});

describe('automatic rubric: rebuttal', () => {
  it('given the opening speech, then it is scored on framing the motion', () => {
    const rebuttal = criterion(debate([LECUN_OPENING, SCALING_REPLY]), 'lecun', 'rebuttal');
    expect(rebuttal?.score).toBe(5);
    expect(rebuttal?.reason).toMatch(
      /^opening: scored on framing the motion; framed it with 'This house believes/,
    );
    expect(rebuttal?.reason).toContain('pre-empted them');
  });

  it('given "My opponent says prediction cannot plan. However…", then the points it takes up count as answered', () => {
    const rebuttal = criterion(debate([LECUN_OPENING, SCALING_REPLY]), 'scaling', 'rebuttal');
    expect(rebuttal?.score).toBeGreaterThanOrEqual(4);
    expect(rebuttal?.reason).toMatch(/^you answered their points '/);
  });

  it('given a reply that answers one point and ignores the rest, then the reason names both', () => {
    const reply =
      'They say each answer comes from a single forward pass. But o1-style deliberation is genuine multi-step reasoning over many passes [S13], so that limit is already gone. ' +
      pad('Scaling has delivered for a decade and the labs keep investing in it with good reason.', 1) +
      ' The industry is confident, and confidence built on results should count for something tonight. ' +
      'I would add that every generation of models has done things the last one could not.';
    const rebuttal = criterion(debate([LECUN_OPENING, reply]), 'scaling', 'rebuttal');
    expect(rebuttal?.score).toBe(3);
    expect(rebuttal?.reason).toMatch(
      /^you answered their point 'Each answer comes from a single forward…'; but not '/,
    );
  });

  it('given their speech pasted back with "not", then it earns nothing', () => {
    const echo = LECUN_OPENING.replace('is a dead end', 'is not a dead end')
      .replace('That is pattern matching', 'That is not pattern matching')
      .replace(/\[L\d\d\]/g, '');
    const rebuttal = criterion(debate([LECUN_OPENING, echo]), 'scaling', 'rebuttal');
    expect(rebuttal?.score).toBe(1);
    expect(rebuttal?.reason).toMatch(/^\d+% of it is the other side's own words copied back/);
  });

  it('given a reply that ignores the other side, then 1 with their points named', () => {
    const ignoring = pad(
      'Large models write code and explain their answers in many languages for millions of users.',
      6,
    );
    const rebuttal = criterion(debate([LECUN_OPENING, ignoring]), 'scaling', 'rebuttal');
    expect(rebuttal?.score).toBe(1);
    expect(rebuttal?.reason).toMatch(/^left unanswered: '/);
  });
});

describe('automatic rubric: combining speeches', () => {
  it('given two speeches, then Argument and Rebuttal are their mean with each speech’s reason, and a missed speech counts 1', () => {
    const result = debate([LECUN_OPENING, SCALING_REPLY, null, null]);
    const argument = criterion(result, 'lecun', 'argument');
    const rebuttal = criterion(result, 'lecun', 'rebuttal');
    expect(argument?.reason).toMatch(/^constructive \(\d\): .* · rebuttal \(1\): no written speech$/);
    expect(rebuttal?.score).toBe(3);
    expect(criterion(result, 'lecun', 'discipline')).toMatchObject({
      score: 3,
      reason: '1 of 2 speeches delivered',
    });
  });
});

describe('coaching after the debate', () => {
  const result = debate([
    LECUN_OPENING,
    SCALING_REPLY,
    'They say reasoning models buy deliberation with compute. But those gains come from generating more tokens, and chain of thought is still next-token prediction [L09], so nothing underneath checks a plan. ' +
      'The model still learns a model of text rather than of the world [L10], which is why a rising score does not answer our case.',
    null,
  ]);

  it('given each written speech, then it gets its strongest and weakest part, quoted', () => {
    const speeches = scoreOf(result, 'lecun')?.speeches ?? [];
    expect(speeches.map((s) => s.turn)).toEqual([0, 2]);
    for (const s of speeches) {
      expect(s.strongest).toMatch(/^'.+': a claim/);
      expect(s.weakest).toMatch(/'/);
    }
  });

  it('given a point of the other side left unanswered, then it is named with the card of the hand that answers it', () => {
    const [opening, rebuttal] = scoreOf(result, 'lecun')?.speeches ?? [];
    expect(opening?.unanswered).toBeUndefined();
    expect(rebuttal?.unanswered).toMatch(/^their point '/);
    expect(hands.lecun).toContain(rebuttal?.counterCardId);
    const reply = scoreOf(result, 'scaling')?.speeches?.[0];
    expect(reply?.unanswered).toMatch(/^their point '/);
    expect(hands.scaling).toContain(reply?.counterCardId);
  });
});

describe('totals', () => {
  const rubric = deck.rubric;

  it('given every criterion at 1, then 0; at 5, then 100', () => {
    const all = (n: number) => Object.fromEntries(rubric.map((c) => [c.id, n]));
    expect(weightedTotal(rubric, all(1))).toBe(0);
    expect(weightedTotal(rubric, all(5))).toBe(100);
  });

  it('given mixed scores, then the weighted sum scaled to 0–100, to one decimal', () => {
    // 30·4/4 + 30·2/4 + 25·1/4 + 15·4/4 = 66.25
    expect(weightedTotal(rubric, { argument: 5, evidence: 3, rebuttal: 2, discipline: 5 })).toBe(66.3);
  });

  it('given a missing criterion, then it counts as 1', () => {
    expect(weightedTotal(rubric, { argument: 5, evidence: 5, rebuttal: 5 })).toBe(85);
  });

  it("given a 2v2, then a side's total is its debaters' mean", () => {
    const walk = speaking({ formatId: 'team' });
    const texts = [LECUN_OPENING, SCALING_REPLY, 'Short.', 'Also short.'];
    speakAll(walk, (turn) => texts[turn] ?? '');
    const result = walk.state.result;
    for (const side of ['lecun', 'scaling']) {
      const team = result?.scores.filter((s) => s.side === side).map((s) => s.total) ?? [];
      expect(team).toHaveLength(2);
      expect(result?.sideTotals[side]).toBe(Math.round(((team[0] ?? 0) + (team[1] ?? 0)) * 5) / 10);
    }
  });
});

describe('the automatic decision', () => {
  it('given an argued speech against filler, then the argued side wins, rated', () => {
    const result = debate([LECUN_OPENING, pad('Lorem ipsum dolor sit amet.', 20)]);
    expect(result).toMatchObject({ winner: 'lecun', decidedBy: 'automatic', rated: true });
    expect(result.sideTotals.lecun).toBeGreaterThan(result.sideTotals.scaling ?? 100);
  });

  it('given the same speech from both sides, then a draw', () => {
    const same = pad('Lorem ipsum dolor sit amet.', 20);
    expect(debate([same, same])).toMatchObject({ winner: 'draw', decidedBy: 'automatic', rated: true });
  });

  it('given a text debate where nobody delivered a speech, then it is unrated and decided by nothing', () => {
    const walk = speaking();
    while (walk.state.phase === 'speaking') walk.endTurn();
    expect(walk.state.result).toMatchObject({ winner: undefined, decidedBy: 'none', rated: false });
  });

  it('given a live debate with no ballot, then it is unrated with no scores', () => {
    const walk = speaking({ mode: 'live' });
    while (walk.state.phase === 'speaking') walk.endTurn();
    expect(walk.state.result).toMatchObject({
      winner: undefined,
      decidedBy: 'none',
      rated: false,
      scores: [],
    });
  });

  it('given a live debate with a ballot, then the judges decide and there are no coaching notes', () => {
    const walk = speaking({ mode: 'live', judges: ['jude'] });
    while (walk.state.phase === 'speaking') walk.endTurn();
    walk.act(ballotEvent('jude', { [LEE]: 4, [SAM]: 3 }, 'lecun'));
    const lee = walk.state.result?.scores.find((s) => s.userId === LEE);
    expect(walk.state.result).toMatchObject({ winner: 'lecun', decidedBy: 'judges', rated: true });
    expect(lee?.coaching).toEqual([]);
    expect(lee?.speeches).toBeUndefined();
    expect(lee?.criteria.find((c) => c.criterionId === 'discipline')?.score).toBe(5);
  });

  it('given a text debate with a ballot, then the automatic scores and the speech coaching stay as notes', () => {
    const walk = speaking({ judges: ['jude'] });
    speakAll(walk, (turn) => [LECUN_OPENING, SCALING_REPLY, 'A reply.', 'A reply.'][turn] ?? '', 10 * SECOND);
    walk.act(ballotEvent('jude', { [LEE]: 4, [SAM]: 3 }, 'lecun'));
    const lee = walk.state.result?.scores.find((s) => s.userId === LEE);
    expect(lee?.coaching.map((c) => c.criterionId)).toEqual(['argument', 'evidence', 'rebuttal']);
    expect(lee?.speeches?.map((s) => s.turn)).toEqual([0, 2]);
  });
});

describe('automatic rubric: circular reasons', () => {
  it('given "X because X", then the claim has no reason', () => {
    const circular = pad(
      'Autoregressive prediction is a dead end for reasoning because autoregressive prediction is a dead end for reasoning.',
      1,
    );
    const result = debate([
      `${circular} ${LECUN_OPENING.replace(/ because that is all its training rewards/, '')}`,
      SCALING_REPLY,
    ]);
    expect(criterion(result, 'lecun', 'argument')?.reason).toContain(
      "your claim 'Autoregressive prediction is a dead end for…' had no reason given",
    );
  });
});
