// PLACEHOLDER: being written; replaced before this lands.
import { CostarError } from '../../core/errors.js';
const todo = async (): Promise<number> => {
  throw new CostarError('not-ready', 'this command is not built yet');
};
export const run = todo, runAdd = todo, runList = todo, runScore = todo, runRank = todo, runCase = todo, runChallenge = todo, runRespond = todo, runAddCost = todo, runAddBenefit = todo, runImport = todo, runRemove = todo, runMatch = todo, runMenu = todo, runAddIncentive = todo, runCharter = todo, runAddIndicator = todo, runReading = todo, runReview = todo, runCheck = todo;
