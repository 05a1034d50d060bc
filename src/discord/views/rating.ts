import { firstResultChanges, type RatingParts } from '../../debate/ratings.js';

const signed = (n: number) => (n >= 0 ? `+${n}` : `−${Math.abs(n)}`);

/** How the displayed rating is made, in general (/rubric) and for one member (/stats). */
export const ratingExplanation = (parts?: RatingParts): string => {
  const { win, loss } = firstResultChanges();
  const general =
    'Your rating is a cautious estimate: **1000 + your skill estimate − a margin of doubt**. ' +
    'A newcomer has skill 1000 and margin 1000, so starts at 1000. A win raises the skill and a loss lowers it, ' +
    `but every rated debate shrinks the margin, whatever the result: that is why a first win shows ${signed(win)} ` +
    `and a first loss ${signed(loss)}. As the margin settles, wins and losses move you by similar amounts.`;
  if (!parts) return general;
  return `${parts.shown} = 1000 + skill ${parts.skill} − margin ${parts.margin}. ${general}`;
};
