/** The in-process runner (test/helpers/in-process.ts) gives what the real bin/costar.js gives. */
import { expect, it } from 'vitest';
import { copyFixture, costar } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

it('gives the same exit code, stdout and stderr as a spawned costar, and leaves no lock behind', async () => {
  const dir = copyFixture('demo');
  const cases = [['validate'], ['validate', '--format', 'xml'], ['focus', 'score', 'mens-shed', '--set', 'ease=6'], ['focus', 'case', 'dementia-walks', '--json'], ['status'], ['--version'], ['map', 'lst']];
  for (const args of cases) {
    const inside = await costarIn(args, { cwd: dir });
    expect(inside, args.join(' ')).toEqual(costar(args, { cwd: dir }));
  }
  // A usage error after the lock was taken: the next command is not kept waiting.
  expect((await costarIn(['focus', 'score', 'mens-shed', '--set', 'ease=4'], { cwd: dir })).code).toBe(0);
});
