// PLACEHOLDER: being written; replaced before this lands.
import { CostarError } from '../core/errors.js';
import type { DocKind } from './kinds.js';

export const kind: DocKind = {
  kind: 'briefing',
  per: 'initiative',
  context: () => {
    throw new CostarError('not-ready', 'this document kind is not built yet');
  },
};
