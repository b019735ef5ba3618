import { join } from 'node:path';
import { FACES_DIR } from './hardware/card/card-profiles.js';
import { ApplianceRig } from './tools/demo/appliance-rig.js';

const t0 = Date.now();
const rig = await ApplianceRig.start({
  dir: '/tmp/try-rig',
  onLog: (l) => {
    if (/warn|error|session result|ready|kiosk/.test(l)) console.log('  [readerd]', l.slice(0, 300));
  },
});
console.log('up in', Date.now() - t0, rig.kioskUrl);
rig.terminal.on('result', (rec) =>
  console.log('RESULT', rec.method, rec.outcome, rec.detail, JSON.stringify(rec.timings)),
);
const card = await rig.card('sato', 'normal', 'img20.jpg');
const p = rig.patient;
await p.placeCard(card, join(FACES_DIR, 'img21.jpg'));
const v = await p.waitFor('choosing-method');
console.log('offered', v.offered);
await p.choose('face');
console.log(await p.waitFor(['consenting', 'choosing-method', 'done'], 30000));
console.log(await p.consent([true, false]));
await p.leave();
await new Promise((r) => setTimeout(r, 1000));
await rig.close();
process.exit(0);
