// readerctl voice: its arguments, help and exit codes (platform/cli-spec.ts renders them).
import { LANGS } from '../../../firmware-host/kiosk/texts/index.js';
import { EXIT } from '../../../platform/cli.js';
import { defineCommand } from '../../../platform/cli-spec.js';

export const voiceCommand = defineCommand({
  name: 'readerctl voice',
  summary: 'voice guidance: render the prompts at install, play one to check the loudspeaker',
  usage: ['<prepare|say|list> [options]'],
  subcommands: [
    {
      name: 'prepare',
      args: '--data DIR [--json]',
      summary:
        'render every prompt of every language with espeak-ng into DIR/voice (DIR is readerd’s dataDir); what is already rendered is kept. Run at install so the first start speaks at once.',
      options: ['data', 'json'],
    },
    {
      name: 'say',
      args: `--data DIR [--lang ${LANGS.join('|')}] [--key PROMPT|beep] [--device ALSA] [--volume 0-100]`,
      summary: 'play one prompt on an ALSA device',
      options: ['data', 'lang', 'key', 'device', 'volume'],
    },
    {
      name: 'list',
      args: '[--json]',
      summary: 'languages, the espeak-ng voice of each, and the prompt keys',
      options: ['json'],
    },
  ],
  options: {
    data: { type: 'string', arg: 'DIR', description: 'readerd’s dataDir (the prompts are in DIR/voice)' },
    lang: { type: 'string', arg: LANGS.join('|'), shownDefault: 'ja', description: 'say: the language' },
    key: {
      type: 'string',
      arg: 'PROMPT|beep',
      shownDefault: 'place',
      description: 'say: the prompt (see list)',
    },
    device: { type: 'string', arg: 'ALSA', shownDefault: 'default', description: 'say: the ALSA device' },
    volume: { type: 'string', arg: '0-100', description: 'say: the volume' },
    json: { type: 'boolean', description: 'one JSON object on stdout' },
  },
  exitCodes: [
    { code: EXIT.ok, meaning: 'ok' },
    { code: EXIT.failure, meaning: 'espeak-ng or aplay failed' },
    { code: EXIT.usage, meaning: 'usage' },
  ],
});
