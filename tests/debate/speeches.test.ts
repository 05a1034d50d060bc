import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../src/debate/citations.js';
import { MAX_SPEECH_CHARS } from '../../src/debate/types.js';
import { announcements, as, begun, deck, LEE, SAM, SECOND, speaking, type Walk } from './helpers.js';

const speakAs = (userId: string, text: string) => ({ type: 'speak', actor: as(userId), text }) as const;

/** A lecun card in lee's hand, and one that is not (still in the pile). */
const leeCards = (walk: Walk) => {
  const inHand = walk.hand(LEE)[0];
  const notInHand = walk.state.piles.lecun?.[0];
  if (!inHand || !notInHand) throw new Error('the deal left no cards');
  return { inHand, notInHand };
};

describe('text speeches', () => {
  it('given the current speaker, when they speak, then the speech is recorded and the next turn starts', () => {
    const walk = speaking();
    const startedAt = walk.now;
    const effects = walk.speak('  My case, first, is simple.  ', startedAt + 30 * SECOND);
    expect(walk.state.turns).toEqual([
      {
        turn: 0,
        userId: LEE,
        side: 'lecun',
        startedAt,
        endedAt: startedAt + 30 * SECOND,
        outcome: 'delivered',
        text: 'My case, first, is simple.',
        cited: [],
        answered: [],
      },
    ]);
    expect(announcements(effects)).toEqual([
      { kind: 'turn-ended', turn: 0 },
      { kind: 'turn-started', turn: 1 },
    ]);
    expect(walk.state.turnStartedAt).toBe(startedAt + 30 * SECOND);
  });

  it(`given a speech of exactly ${MAX_SPEECH_CHARS} characters, then it is accepted`, () => {
    const walk = speaking();
    walk.speak('a'.repeat(MAX_SPEECH_CHARS));
    expect(walk.state.turns[0]?.text).toHaveLength(MAX_SPEECH_CHARS);
  });

  it('given a speech over the limit, then it refuses with its length and nothing is posted', () => {
    const walk = speaking();
    expect(walk.refuse(speakAs(LEE, 'a'.repeat(MAX_SPEECH_CHARS + 1)))).toEqual({
      code: 'speechTooLong',
      message: 'Your speech is 4,001 characters; the limit is 4,000. Nothing was posted.',
    });
  });

  it('given blank text, then it refuses as empty', () => {
    expect(speaking().refuse(speakAs(LEE, ' \n\t ')).code).toBe('speechEmpty');
  });

  it('given someone who is not the current speaker, then it refuses naming the speaker', () => {
    expect(speaking().refuse(speakAs(SAM, 'my turn?'))).toEqual({
      code: 'notYourTurn',
      message: "It is <@lee>'s turn, not yours.",
    });
  });

  it('given prep, when a debater speaks, then it refuses: no speech is under way', () => {
    expect(begun().refuse(speakAs(LEE, 'early')).code).toBe('notSpeaking');
  });

  it('given the deadline, then a speech at it is accepted and one after it is refused', () => {
    const onTime = speaking();
    onTime.speak('Just in time.', onTime.state.turnEndsAt);
    expect(onTime.state.turns[0]?.outcome).toBe('delivered');

    const late = speaking();
    const deadline = late.state.turnEndsAt ?? 0;
    expect(late.refuse(speakAs(LEE, 'Too late.'), deadline + 1).code).toBe('timeUp');
  });
});

describe('citations in a speech', () => {
  it('given a card in the hand, then it counts as cited, once, in whatever case it was typed', () => {
    const walk = speaking();
    const { inHand } = leeCards(walk);
    const effects = walk.speak(`As [${inHand}] shows, and [${inHand.toLowerCase()}] again.`);
    expect(walk.state.turns[0]?.cited).toEqual([inHand]);
    expect(effects.some((e) => e.type === 'notify')).toBe(false);
  });

  it('given an own-side card not in the hand and an unknown id, then neither counts and the speaker is told privately', () => {
    const walk = speaking();
    const { inHand, notInHand } = leeCards(walk);
    const effects = walk.speak(`[${inHand}] and [${notInHand}] and [L99] and [Q12].`);
    expect(walk.state.turns[0]?.cited).toEqual([inHand]);
    expect(effects).toContainEqual({
      type: 'notify',
      userId: LEE,
      note: { kind: 'citations', notInHand: [notInHand], unknown: ['L99', 'Q12'] },
    });
  });

  it("given the other side's card ids, then they count as answered, not cited", () => {
    const walk = speaking();
    walk.speak('Their [S03] and [S05] do not show it.');
    expect(walk.state.turns[0]).toMatchObject({ cited: [], answered: ['S03', 'S05'] });
  });

  it('given text like a citation without brackets or with a bad shape, then nothing is parsed', () => {
    expect(parseCitations(deck, 'L01, [L1], [LL01], (S02)', 'lecun', ['L01'])).toEqual({
      cited: [],
      answered: [],
      notInHand: [],
      unknown: [],
    });
  });
});
