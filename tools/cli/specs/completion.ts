// readerctl completion: its arguments, help and exit codes (platform/cli-spec.ts renders them).
import { EXIT } from '../../../platform/cli.js';
import { defineCommand } from '../../../platform/cli-spec.js';

export const completionCommand = defineCommand({
  name: 'readerctl completion',
  summary: 'print the shell completion script, generated from the command tables',
  usage: ['bash'],
  subcommands: [
    { name: 'bash', summary: 'the bash script: commands, subcommands, options and their choices' },
  ],
  options: {},
  exitCodes: [
    { code: EXIT.ok, meaning: 'ok' },
    { code: EXIT.usage, meaning: 'usage (no or another shell)' },
  ],
  examples: [
    'readerctl completion bash > /etc/bash_completion.d/readerctl',
    'source <(readerctl completion bash)',
  ],
});
