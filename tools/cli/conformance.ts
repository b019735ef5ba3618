// readerctl conformance: the kit manufacturers run against their readers (see README
// "For manufacturers: the conformance kit").
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readPasswordFile } from '../../firmware-host/config-secrets.js';
import { EXIT, positiveInt } from '../../platform/cli.js';
import { parseCommand } from '../../platform/cli-spec.js';
import { loadKeyFile, loadTrustDir } from '../../platform/keys/keystore.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { KitBroker } from '../conformance/kit-broker.js';
import { CATALOGUE, runConformance } from '../conformance/run.js';
import { conformanceCommand } from './specs/conformance.js';

export async function conformance(argv: string[]): Promise<number> {
  const { values } = parseCommand(conformanceCommand, argv);
  const say = (s: string): void => void process.stdout.write(`${s}\n`);
  if (values.list) {
    if (values.json)
      say(JSON.stringify(CATALOGUE.map((c) => ({ id: c.id, clauses: c.clauses, title: c.title }))));
    else for (const c of CATALOGUE) say(`${c.id.padEnd(8)} §${c.clauses.join(' §').padEnd(34)} ${c.title}`);
    return EXIT.ok;
  }
  for (const k of ['broker', 'device', 'terminal-key', 'trust'] as const)
    if (!values[k]) throw new ReaderError(ErrorCode.Usage, `--${k} is required (see --help)`);
  if (values.patient !== 'emulated' && values.patient !== 'operator')
    throw new ReaderError(ErrorCode.Usage, '--patient is emulated or operator');
  if (values['broker-control'] && values['broker-embedded'])
    throw new ReaderError(
      ErrorCode.Usage,
      '--broker-control and --broker-embedded exclude each other: the reader connects either to the kit’s broker or to its own',
    );
  if ((values.cert === undefined) !== (values.key === undefined))
    throw new ReaderError(ErrorCode.Usage, '--cert and --key go together (a client certificate and its key)');
  const password = values['password-file'] ? readPasswordFile(values['password-file']) : undefined;
  if (password !== undefined && values.username === undefined)
    throw new ReaderError(ErrorCode.Usage, '--password-file needs --username');
  const brokerAuth = {
    caFile: values.ca,
    certFile: values.cert,
    keyFile: values.key,
    username: values.username,
    password,
    servername: values.servername,
  };
  for (const [opt, file] of [
    ['--ca', values.ca],
    ['--cert', values.cert],
    ['--key', values.key],
  ] as const)
    if (file !== undefined && !existsSync(file))
      throw new ReaderError(ErrorCode.Config_Invalid, `${opt} ${file}: no such file`);
  const brokerControl = values['broker-control']
    ? await startKitBroker(values.broker!, values.device!, values.trust!, values['terminal-key']!)
    : undefined;
  if (brokerControl && !values.json)
    say(`broker: ${brokerControl.description}; the reader's broker.url must be ${brokerControl.url}`);
  const out = resolve(values.out!);
  const report = await runConformance({
    brokerUrl: values.broker!,
    deviceId: values.device!,
    terminalKeyFile: values['terminal-key']!,
    trustedDevicesDir: values.trust!,
    patient: values.patient,
    benchUrl: values.bench,
    brokerEmbedded: values['broker-embedded'],
    only: values.only
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    outDir: out,
    brokerAuth,
    brokerControl,
    chromium: values['no-pdf'] ? undefined : values.chromium,
    redeliveryWaitMs: positiveInt(values['redelivery-wait'], '--redelivery-wait', 15_000),
    onCase: values.json
      ? undefined
      : (r, i, n) =>
          say(
            `[${i + 1}/${n}] ${r.status === 'passed' ? 'PASS' : r.status === 'failed' ? 'FAIL' : 'N/A '} ${r.id} ${r.title}${r.reason ? ` — ${r.reason}` : ''}`,
          ),
  }).finally(() => brokerControl?.stop());
  if (values.json)
    say(
      JSON.stringify({
        passed: report.passed,
        verdict: report.verdict,
        environment: report.environment,
        identity: report.identity ?? null,
        uncovered: report.uncovered.map((c) => ({ id: c.id, why: c.why })),
        terminalSide: report.terminalSide.map((c) => c.id),
        cases: report.cases.map((c) => ({ id: c.id, status: c.status, reason: c.reason })),
      }),
    );
  else {
    const n = (s: string): number => report.cases.filter((c) => c.status === s).length;
    const e = report.environment;
    if (e.emulated)
      say(
        `\nEMULATED RUN: reader ${e.reader}; patient ${e.patient}; card ${e.card}; bench ${e.bench}. This report certifies no real reader.`,
      );
    const id = report.identity;
    say(
      id
        ? `reader: ${id.model}, serial ${id.serial}, firmware ${id.firmwareVersion}, key id ${id.keyId} (from its signed birth)`
        : 'reader: no verified birth during the run: its identity is unknown',
    );
    say(
      `\n${report.verdict.toUpperCase()}: ${n('passed')} passed, ${n('failed')} failed, ${n('not-applicable')} not applicable, ${report.uncovered.length} device clauses uncovered`,
    );
    if (report.uncovered.length) {
      say(`device clauses not covered in this run: §${report.uncovered.map((c) => c.id).join(' §')}`);
      for (const c of report.uncovered) say(`  §${c.id}: ${c.why}`);
    }
    if (report.terminalSide.length)
      say(
        `terminal-side clauses (the kit's terminal meets them): §${report.terminalSide.map((c) => c.id).join(' §')}`,
      );
    say(
      `reports: ${join(out, 'conformance.html')}, conformance.junit.xml, conformance.json${values['no-pdf'] ? '' : ', conformance.pdf'}`,
    );
  }
  return report.passed ? EXIT.ok : EXIT.failure;
}

/** --broker-control: the kit's broker, admitting the device and the kit's terminal by key. */
async function startKitBroker(url: string, deviceId: string, trustDir: string, terminalKeyFile: string) {
  const device = [...loadTrustDir(trustDir).values()].find((t) => t.name === deviceId);
  if (!device)
    throw new ReaderError(ErrorCode.Config_Invalid, `no key for device "${deviceId}" in ${trustDir}`);
  return KitBroker.start({
    url,
    authority: {
      deviceId,
      devicePublicKey: device.publicKey,
      terminalPublicKey: loadKeyFile(terminalKeyFile).publicKey,
    },
  });
}
