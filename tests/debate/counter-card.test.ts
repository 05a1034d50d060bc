import { describe, expect, it } from 'vitest';
import { bestCounterCard } from '../../src/debate/counter-card.js';
import { calibrationDeck } from './calibration/harness.js';

describe('bestCounterCard: the card of a hand that answers a claim', () => {
  const hand = ['L19', 'L35', 'L45', 'L13'];

  it('given a claim about scaling laws, then the hand card on the same topic answers it', () => {
    const best = bestCounterCard(
      calibrationDeck,
      hand,
      'Scaling laws have not broken: each larger model has kept improving with no ceiling in sight.',
      'scaling',
    );
    expect(['L35', 'L45']).toContain(best?.card.id);
    expect(best?.similarity).toBeGreaterThan(0);
  });

  it('given a claim about hallucination, then the hallucination card answers it', () => {
    const best = bestCounterCard(
      calibrationDeck,
      hand,
      'Hallucinations are a bug that better training will fix.',
      'scaling',
    );
    expect(best?.card.id).toBe('L13');
  });

  it('given cards of the claim’s own side in the hand, then they are never offered (opposite stance)', () => {
    const best = bestCounterCard(
      calibrationDeck,
      ['S02', 'L19'],
      'Scaling laws still hold with no ceiling.',
      'scaling',
    );
    expect(best?.card.id).not.toBe('S02');
  });

  it('given a claim on no topic of the hand, then there is no card', () => {
    expect(
      bestCounterCard(calibrationDeck, ['L19'], 'Lorem ipsum dolor sit amet.', 'scaling'),
    ).toBeUndefined();
  });

  it('given the same deck, hand and claim, then the same card (pure)', () => {
    const claim = 'A house cat does not understand physics; text models do.';
    expect(bestCounterCard(calibrationDeck, hand, claim, 'scaling')).toEqual(
      bestCounterCard(calibrationDeck, hand, claim, 'scaling'),
    );
  });
});
