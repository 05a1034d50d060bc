import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Deck } from './content/deck.js';
import type { DeckSearch } from './content/search.js';
import type { Logger } from './logger.js';
import type { Play } from './play/play.js';
import type { Store } from './store/types.js';

/** What every handler gets: dependencies are passed, never looked up. */
export interface AppContext {
  readonly config: Config;
  readonly store: Store;
  readonly deck: Deck;
  readonly search: DeckSearch;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The application layer: every move goes through it (src/play/). */
  readonly play: Play;
  /** A seed for a new debate's generator. */
  readonly seed: () => number;
}
