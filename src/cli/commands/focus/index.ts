/**
 * `costar focus`: Focus it. The entry points program.ts names (one bundle, dist/cli/commands/focus.cjs):
 *
 * - `run`: the interactive session (session.ts, its questions in questions.ts);
 * - `runScore`, `runRank`: the impact matrix (score.ts);
 * - `runCase`, `runAddCost`, `runAddBenefit`: the business case and its lines (case.ts);
 * - `runChallenge`, `runRespond`: the critical friends (challenge.ts).
 *
 * Options are parsed in options.ts, screens drawn in render.ts and plot.ts. The rules live in
 * core: matrix.ts, business-case.ts, lines.ts (cost and benefit lines), values.ts (typed values).
 * `focus plan` is a bundle of its own (../focus-plan.ts) to keep its start-up small.
 */
export { run } from './session.js';
export { runRank, runScore } from './score.js';
export { runAddBenefit, runAddCost, runCase } from './case.js';
export { runChallenge, runRespond } from './challenge.js';
export { renderCase, renderRank } from './render.js';
export { renderPlot } from './plot.js';
