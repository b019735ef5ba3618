// One conformance run: the kit's terminal and monitor on the broker, the patient side (the
// emulated bench or an operator), the catalogue (or the cases asked for), and the reports.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageVersion } from '../../platform/cli.js';
import { loadKeyFile, loadTrustDir } from '../../platform/keys/keystore.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import type { BrokerSettings } from '../../platform/link/mqtt-options.js';
import { createLogger } from '../../platform/log.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import type { fareader } from '../../protocol/gen/fareader.js';
import { keyIdHex } from '../../protocol/link/keys.js';
import { deviceTopics } from '../../protocol/link/topics.js';
import { ReferenceTerminal } from '../terminal/terminal.js';
import { Bench } from './bench.js';
import { uncoveredReason } from './capabilities.js';
import { IDENTITY_CASES } from './cases-identity.js';
import { LINK_CASES } from './cases-link.js';
import { SESSION_CASES } from './cases-session.js';
import { type BrokerControl, type Capability, type CaseResult, Kit, type KitCase } from './kit.js';
import { Monitor } from './monitor.js';
import { OperatorPatient, type PatientSide } from './patient-side.js';
import { printPdf } from './pdf.js';
import {
  buildReport,
  type Environment,
  htmlReport,
  junitXml,
  type ReaderIdentity,
  type RunReport,
} from './report.js';

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

export const CATALOGUE: readonly KitCase[] = [
  ...IDENTITY_CASES,
  ...LINK_CASES,
  ...SESSION_CASES,
  MONITOR_CASE,
];

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
  /**
   * TLS files and credentials for the kit's connections to the reader's broker (a password is
   * read from a file by the CLI, never taken from its command line).
   */
  readonly brokerAuth?: Omit<BrokerSettings, 'url'>;
  /** The kit owns the broker (--broker-control, its self-test): the Will and outage cases apply. */
  readonly brokerControl?: BrokerControl;
  /** Print conformance.pdf beside the HTML with this Chromium (absent: no PDF). */
  readonly chromium?: string;
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
    broker: { ...o.brokerAuth, url: o.brokerUrl },
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
  if (o.brokerControl) {
    caps.add('brokerControl');
    // The reader connects to the kit's broker, not one inside itself: its Will is observable.
    caps.add('externalBroker');
  }
  const kit = new Kit({
    deviceId: o.deviceId,
    broker: { ...o.brokerAuth, url: o.brokerUrl },
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
  try {
    // The kit's own connection first: a broker that refuses it (TLS, credentials) says why now.
    await kit.connect();
    await terminal.start();
    // The reader's identity comes from its birth: give it the time a reconnection takes (§1.4)
    // when it is only now finding the broker (--broker-control).
    await kit.waitFor(() => firstBirth(monitor), 15_000);
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
  const identity = readerIdentity(o.deviceId, monitor);
  const selected = new Set(cases.map((c) => c.id));
  const report = buildReport(
    {
      kit: `fareader conformance kit ${packageVersion()}`,
      kitVersion: packageVersion(),
      deviceId: o.deviceId,
      broker: o.brokerUrl,
      startedAt,
      durationMs: Math.round(performance.now() - t0),
      identity,
      environment: environmentOf(o, identity),
    },
    results,
    monitor.violations.filter((v) => !inCases.has(v)),
    undefined,
    undefined,
    (clause) => uncoveredReason(clause, CATALOGUE, selected, caps),
  );
  mkdirSync(o.outDir, { recursive: true });
  writeFileSync(join(o.outDir, 'conformance.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(o.outDir, 'conformance.junit.xml'), junitXml(report));
  const htmlFile = join(o.outDir, 'conformance.html');
  writeFileSync(htmlFile, htmlReport(report));
  if (o.chromium) await printPdf(htmlFile, join(o.outDir, 'conformance.pdf'), o.chromium);
  return report;
}

function firstBirth(monitor: Monitor): fareader.v1.DeviceState | undefined {
  return monitor.seen.find((s) => s.kind === 'state' && (s.message as fareader.v1.DeviceState).online)
    ?.message as fareader.v1.DeviceState | undefined;
}

/** The reader as its first verified birth of the run announced it (the monitor checked it). */
function readerIdentity(deviceId: string, monitor: Monitor): ReaderIdentity | undefined {
  const b = firstBirth(monitor);
  if (!b) return undefined;
  return {
    deviceId,
    model: b.model,
    serial: b.serial,
    firmwareVersion: b.firmwareVersion,
    keyId: keyIdHex(monitor.devicePublicKey),
    schema: b.schema,
    capabilities: [...b.capabilities],
    emulated: b.emulated,
    source: `its signed birth on ${deviceTopics(deviceId).state}, verified with the trusted key ${keyIdHex(monitor.devicePublicKey)}`,
  };
}

/** What was emulated: the reader says so in its birth; the kit knows its own patient side. */
function environmentOf(o: ConformanceOptions, id: ReaderIdentity | undefined): Environment {
  const reader = !id
    ? 'unknown (no verified birth)'
    : id.emulated
      ? 'emulated (its birth says emulated = true)'
      : 'real (its birth says emulated = false)';
  const emulatedPatient = o.patient === 'emulated';
  const card = emulatedPatient
    ? "emulated (the bench's card emulator)"
    : id?.emulated !== false
      ? "emulated (placed on the emulated reader's card module)"
      : 'real test cards, placed by the operator';
  const e = {
    reader,
    patient: emulatedPatient
      ? "emulated (the bench's patient)"
      : 'real: a person at the bench (operator mode)',
    card,
    bench: emulatedPatient
      ? 'emulated (the bench server, npm start -- --bench)'
      : 'real: the operator at the reader',
    broker: o.brokerControl
      ? (o.brokerControl.description ?? 'run by the kit')
      : o.brokerEmbedded
        ? 'inside the reader (embedded)'
        : `external: ${o.brokerUrl}`,
  };
  return { ...e, emulated: [e.reader, e.patient, e.card, e.bench].some((v) => !v.startsWith('real')) };
}
