import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startEmbeddedBroker } from './firmware-host/link/broker.js';
import { ApplianceRig } from './tools/demo/appliance-rig.js';
import { runConformance } from './tools/conformance/run.js';
const broker = await startEmbeddedBroker();
const dir = mkdtempSync(join(tmpdir(), 'kit-'));
const rig = await ApplianceRig.start({ dir, brokerUrl: broker.url, terminal: false, config: { testFaults: process.env.FAULT ? { [process.env.FAULT]: true } : undefined, session: { patientTimeoutMs: 4000, consents: ['medication'] } } });
const bench = await rig.serveBench();
const t0 = Date.now();
const report = await runConformance({ brokerUrl: broker.url, deviceId: rig.deviceId, terminalKeyFile: join(dir, 'keys', 'terminal.key'), trustedDevicesDir: join(dir, 'keys', 'trusted-devices'), patient: 'emulated', benchUrl: bench, outDir: join(dir, 'report'), redeliveryWaitMs: 6000, only: process.argv.slice(2),
  onCase: (r) => console.log(r.status, r.id, r.reason ?? '', r.durationMs) });
console.log('passed', report.passed, 'in', Date.now() - t0, 'uncovered', report.uncovered.map((c) => c.id).join(' '), join(dir, 'report'));
await rig.close(); await broker.close();
process.exit(0);
