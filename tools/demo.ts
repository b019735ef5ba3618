// npm start: readerd on emulated hardware (PN532 card module on a pty, both cameras, Firmata
// front panel, debug-shell pty) with its embedded broker, and the reference terminal. Plays a
// script of patients — the last on the emulated USB CCID reader, readerd's services composed by
// the emulated appliance's root (sim/appliance/emulated-readerd.ts) — or with --interactive lets
// a person be the patient in the browser.

import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { EXIT, reportError, untilStopped } from '../platform/cli.js';
import { helpText, parseCommand } from '../platform/cli-spec.js';
import type { CardModuleKind } from '../sim/appliance/emulated-hardware.js';
import { FACES_DIR, PROFILES, type ProfileName } from '../sim/card/card-profiles.js';
import { ApplianceRig, RIG_CHALLENGE } from './demo/appliance-rig.js';
import { demoCommand } from './demo/demo-command.js';
import { PATIENTS } from './demo/patients.js';
import { describe } from './terminal/result-json.js';

const say = (s: string): void => void process.stdout.write(`${s}\n`);

const MODULES: Record<CardModuleKind, { label: string; fitted: string }> = {
  pn532: { label: 'PN532', fitted: 'the PN532 module (emulated, on a pty)' },
  ccid: {
    label: 'CCID',
    fitted: 'a USB CCID reader (emulated, behind WebUSB)',
  },
};

async function script(rig: ApplianceRig): Promise<number> {
  let failures = 0;
  for (const [i, p] of PATIENTS.entries()) {
    const module = p.module ?? 'pn532';
    if (module !== rig.cardModule) {
      say(`\n== the appliance is refitted with ${MODULES[module].fitted}`);
      say(
        module === 'ccid'
          ? '== readerd restarts on it: its services composed by the emulated appliance’s root (sim/appliance/emulated-readerd.ts)'
          : '== readerd restarts on it',
      );
      say('   (its embedded broker restarts too: the terminal reconnects)');
      await rig.useCardModule(module);
    }
    say(`\n== patient ${i + 1} (${MODULES[module].label}): ${p.name}`);
    const sessionId = await p.play(rig, (s) => say(`   ${s}`));
    const rec = await rig.result(sessionId);
    const ok = rec.method === p.expect.method && rec.outcome === p.expect.outcome;
    if (!ok) failures++;
    say(
      `   terminal: verified result ${describe(rec)}${ok ? '' : `  ✗ expected ${p.expect.method} ${p.expect.outcome}`}`,
    );
    await rig.patient.leave();
    await rig.patient.waitReady();
  }
  return failures;
}

const LIVE_FACES: Record<string, string> = { genuine: 'img21.jpg', other: 'img3.jpg' };

/**
 * The scripted demo's challenge seed: the demo is its own composition root, and its patients end
 * as the script expects in every run only if they meet the same challenges (each patient's from
 * the seed and who stands at the camera: sim/appliance/scene-face-camera.ts). A live subject the
 * check rejects is the check's BPCER, which `readerctl face liveness-eval` measures. With
 * --interactive or --bench the challenges are drawn as readerd draws them, with the CSPRNG.
 */
export const DEMO_CHALLENGE_SEED = 15;

async function interactive(rig: ApplianceRig): Promise<void> {
  say('\nYou are the patient: open the kiosk page above in a browser.');
  say('Commands: place PROFILE [genuine|other|none] · remove · visual · quit');
  say(
    `Profiles: ${Object.keys(PROFILES).join(', ')}. The card photo is img20.jpg; "genuine" shows img21.jpg`,
  );
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'patient> ' });
  rl.prompt();
  const stopped = untilStopped();
  rl.on('line', async (line) => {
    const [cmd, a, b] = line.trim().split(/\s+/);
    try {
      if (cmd === 'place' && a && a in PROFILES) {
        const card = await rig.card(`interactive-${a}`, a as ProfileName, 'img20.jpg');
        const live = LIVE_FACES[b ?? 'genuine'];
        await rig.patient.placeCard(card, live ? join(FACES_DIR, live) : undefined);
      } else if (cmd === 'remove') await rig.patient.leave();
      else if (cmd === 'visual') {
        const r = await rig.terminal.sendCommand(rig.deviceId, { setMode: { mode: 2, staffId: 'staff-1' } });
        say(`SetMode(VISUAL_CHECK): ${r.detail || r.status}`);
      } else if (cmd === 'quit') process.kill(process.pid, 'SIGINT');
      else if (cmd) say('place PROFILE [genuine|other|none] · remove · visual · quit');
    } catch (e) {
      say(`error: ${(e as Error).message}`);
    }
    rl.prompt();
  });
  await stopped;
  rl.close();
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommand(demoCommand, argv);
  if (values.help) {
    say(helpText(demoCommand));
    return EXIT.ok;
  }
  const dir = resolve(values.dir!);
  say('== starting emulated hardware, readerd (embedded broker) and the reference terminal');
  const scripted = !values.bench && !values.interactive;
  const rig = await ApplianceRig.start({
    dir,
    liveness: 'required',
    ...(scripted ? { challengeSeed: DEMO_CHALLENGE_SEED } : {}),
    terminal: !values.bench,
    onLog: (line) => {
      if (values.verbose || /"level":"(warn|error)"|"msg":"(ready|kiosk screen)"/.test(line))
        say(`   [readerd] ${line}`);
    },
  });
  say(`== kiosk screen: ${rig.kioskUrl}   (health: ${rig.kioskUrl}healthz)`);
  say(`== results for the receipt computer: ${join(dir, 'terminal', 'results', rig.deviceId)}`);
  say(
    `== liveness required: each face attempt is a random ${RIG_CHALLENGE.challengeSteps}-step challenge (a turn or nod and a blink) the emulated patient's live face answers (README "Liveness")`,
  );
  say(
    scripted
      ? `== challenges seeded (seed ${DEMO_CHALLENGE_SEED}, per patient): every run plays the same ones; readerd itself draws them with its CSPRNG`
      : '== challenges drawn with the CSPRNG, as readerd draws them',
  );
  let failures = 0;
  try {
    if (values.bench) {
      const bench = await rig.serveBench();
      const keys = join(dir, 'keys');
      say(`== bench control: ${bench}`);
      say('== run the conformance kit against this appliance:');
      say(
        `   node bin/readerctl.mjs conformance --broker ${rig.brokerAddress} --device ${rig.deviceId} --terminal-key ${join(keys, 'terminal.key')} --trust ${join(keys, 'trusted-devices')} --bench ${bench}`,
      );
      say('== running; Ctrl-C to stop');
      await untilStopped();
    } else if (values.interactive) await interactive(rig);
    else {
      failures = await script(rig);
      say(`\n== ${PATIENTS.length - failures} of ${PATIENTS.length} patients ended as expected`);
      if (values.stay) {
        say('== running; Ctrl-C to stop');
        await untilStopped();
      }
    }
  } finally {
    await rig.close();
  }
  say('== demo finished');
  return failures ? EXIT.failure : EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => process.exit(reportError(e, 'npm start --')),
);
