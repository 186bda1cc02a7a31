/** The workshop wall and shell completion. */
import { commandModule } from '../bundles.js';
import { type CommandSpec } from './spec.js';

export const TOOLS: CommandSpec[] = [
  {
    name: 'serve',
    summary: 'the workshop wall in a browser, live, and scoring from phones',
    description:
      'Serves the workshop wall (the star, the impact matrix, the group\'s scores and what to do next) at http://127.0.0.1:<port>/, updated live as the portfolio\'s files change, and /score, where critical friends score initiatives (written to focus.ratings). With --lan it also serves the local network, behind a token carried in the printed link and its QR code. Runs until Ctrl-C; exit 0.',
    options: [
      { flags: '--port <n>', description: 'port to listen on (0: any free port)', default: '4321' },
      { flags: '--open', description: 'open the wall in the default browser' },
      { flags: '--lan', description: 'serve the local network too (phones), behind a token in the printed link and QR code' },
    ],
    examples: ['costar serve', 'costar serve --open', 'costar serve --lan --port 8080'],
    load: () => commandModule('serve'),
  },
  {
    name: 'completion',
    summary: 'print a shell completion script',
    args: ['<shell>'],
    examples: ['costar completion bash > /etc/bash_completion.d/costar', 'costar completion zsh > "${fpath[1]}/_costar"', 'costar completion fish > ~/.config/fish/completions/costar.fish'],
    load: () => commandModule('completion'),
  },
];
