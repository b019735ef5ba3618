// One conformance run: the kit's terminal and monitor on the broker, the patient side (the
// emulated bench or an operator), the catalogue (or the cases asked for), and the reports.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageVersion } from '../../platform/cli.js';
import { loadKeyFile, loadTrustDir } from '../../platform/keys/keystore.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import { createLogger } from '../../platform/log.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { ReferenceTerminal } from '../terminal/terminal.js';
import { Bench } from './bench.js';
import { LINK_CASES } from './cases-link.js';
import { SESSION_CASES } from './cases-session.js';
import { type BrokerControl, type Capability, type CaseResult, Kit, type KitCase } from './kit.js';
import { Monitor } from './monitor.js';
import { OperatorPatient, type PatientSide } from './patient-side.js';
import { buildReport, htmlReport, junitXml, type RunReport } from './report.js';

/** The last case: everything the device published during the run was valid. */
const MONITOR_CASE: KitCase = {
  id: 'MON-01',
  title: 'Every message the device published during the run passed the monitor',
  clauses: ['2.1', '2.2', '2.3', '2.4', '2.8', '4.1', '6.6', '10.1'],
  preconditions: 'the monitor ran for the whole run',
  expected: 'no violation: topics, QoS, signatures, payload types, device ids, counters',
  async run(k) {
    const kinds = new Map<string, number>();
    for (const s of k.monitor.seen) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    k.step('messages checked', Object.fromEntries(kinds));
    k.check(
      k.monitor.violations.length === 0,
      'no violation over the whole run',
      k.monitor.violations.slice(0, 5),
    );
  },
};

export const CATALOGUE: readonly KitCase[] = [...LINK_CASES, ...SESSION_CASES, MONITOR_CASE];

export interface ConformanceOptions {
  readonly brokerUrl: string;
  readonly deviceId: string;
  /** A terminal private key the device trusts. */
  readonly terminalKeyFile: string;
  /** Folder of trusted device keys (PEM files named by device id). */
  readonly trustedDevicesDir: string;
  readonly patient: 'emulated' | 'operator';
  /** The emulated bench's control URL (`npm start -- --bench` prints it). */
  readonly benchUrl?: string;
  /** Operator mode: the broker runs inside the device (its Will cannot be observed). */
  readonly brokerEmbedded?: boolean;
  readonly only?: readonly string[];
  readonly outDir: string;
  readonly redeliveryWaitMs?: number;
  /** The kit owns the broker (its self-test): the broker-outage case applies. */
  readonly brokerControl?: BrokerControl;
  readonly onCase?: (r: CaseResult, index: number, total: number) => void;
}

export async function runConformance(o: ConformanceOptions): Promise<RunReport> {
  const trusted = loadTrustDir(o.trustedDevicesDir);
  const deviceKey = [...trusted.values()].find((t) => t.name === o.deviceId);
  if (!deviceKey)
    throw new ReaderError(
      ErrorCode.Config_Invalid,
      `no key for device "${o.deviceId}" in ${o.trustedDevicesDir}`,
    );
  const cases = o.only?.length ? CATALOGUE.filter((c) => o.only!.includes(c.id)) : CATALOGUE;
  const unknown = (o.only ?? []).filter((id) => !CATALOGUE.some((c) => c.id === id));
  if (unknown.length)
    throw new ReaderError(
      ErrorCode.Usage,
      `unknown case ids: ${unknown.join(', ')} (known: ${CATALOGUE.map((c) => c.id).join(', ')})`,
    );
  const monitor = new Monitor(o.deviceId, deviceKey.publicKey);
  const state = mkdtempSync(join(tmpdir(), 'fareader-kit-'));
  const terminal = new ReferenceTerminal({
    terminalId: 'conformance-kit',
    broker: { url: o.brokerUrl },
    key: loadKeyFile(o.terminalKeyFile),
    trustedDevices: trusted,
    dataDir: state,
    outDir: join(state, 'results'),
    log: createLogger('kit-terminal', { level: 'error', format: 'pretty' }),
    connect: connectMqtt,
  });
  let patient: PatientSide | undefined;
  const caps = new Set<Capability>();
  if (o.patient === 'emulated') {
    if (!o.benchUrl)
      throw new ReaderError(
        ErrorCode.Usage,
        '--patient emulated needs --bench URL (npm start -- --bench prints it)',
      );
    const bench = await Bench.connect(o.benchUrl);
    patient = bench;
    for (const c of ['patient', 'cardStats', 'restart', 'kill'] as const) caps.add(c);
    if (!bench.brokerEmbedded) caps.add('externalBroker');
  } else {
    patient = new OperatorPatient(monitor);
    for (const c of ['patient', 'restart', 'kill'] as const) caps.add(c);
    if (!o.brokerEmbedded) caps.add('externalBroker');
  }
  if (o.brokerControl) caps.add('brokerControl');
  const kit = new Kit({
    deviceId: o.deviceId,
    brokerUrl: o.brokerUrl,
    terminal,
    terminalKey: loadKeyFile(o.terminalKeyFile),
    monitor,
    bench: patient,
    capabilities: caps,
    redeliveryWaitMs: o.redeliveryWaitMs ?? 15_000,
    brokerControl: o.brokerControl,
  });
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const results: CaseResult[] = [];
  await terminal.start();
  try {
    await kit.connect();
    for (const [i, c] of cases.entries()) {
      const r = await kit.runCase(c);
      results.push(r);
      o.onCase?.(r, i, cases.length);
    }
  } finally {
    kit.raw?.end(true);
    await terminal.stop();
    if (patient instanceof OperatorPatient) patient.close();
  }
  const inCases = new Set(results.flatMap((r) => r.violations));
  const report = buildReport(
    {
      kit: `fareader conformance kit ${packageVersion()}`,
      deviceId: o.deviceId,
      broker: o.brokerUrl,
      startedAt,
      durationMs: Math.round(performance.now() - t0),
    },
    results,
    monitor.violations.filter((v) => !inCases.has(v)),
  );
  mkdirSync(o.outDir, { recursive: true });
  writeFileSync(join(o.outDir, 'conformance.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(o.outDir, 'conformance.junit.xml'), junitXml(report));
  writeFileSync(join(o.outDir, 'conformance.html'), htmlReport(report));
  return report;
}
