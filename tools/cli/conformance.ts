// readerctl conformance: the kit manufacturers run against their readers (see README
// "For manufacturers: the conformance kit").
import { join, resolve } from 'node:path';
import { EXIT, parseCli, positiveInt } from '../../platform/cli.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { CATALOGUE, runConformance } from '../conformance/run.js';

const HELP = `Usage: readerctl conformance --broker URL --device ID --terminal-key FILE --trust DIR
                             [--patient emulated|operator] [--bench URL] [--only IDS]
                             [--out DIR] [--redelivery-wait MS] [--broker-embedded] [--json]
       readerctl conformance --list

Plays the clinic terminal over MQTT (signed commands and acknowledgements with a terminal key
the device trusts) and the patient (the emulated bench, or you at the bench following prompts),
runs the catalogue of cases traced to protocol/SPEC.md, and watches every message the device
publishes with the monitor. Writes conformance.json, conformance.junit.xml and conformance.html.

  --broker URL          the broker the device uses (mqtt:// or mqtts://)
  --device ID           the device id
  --terminal-key FILE   a terminal private key in the device's trust store
  --trust DIR           trusted device keys (PEM, named by device id)
  --patient MODE        emulated (default; needs --bench) or operator (prompts on this terminal)
  --bench URL           the emulated bench's control URL (npm start -- --bench prints it)
  --only IDS            comma-separated case ids (see --list)
  --out DIR             report folder (default conformance-report)
  --redelivery-wait MS  longest wait for an unacknowledged result to come again (default 15000)
  --broker-embedded     operator mode: the broker runs inside the device (no Will to observe)
  --list                print the catalogue: ids, clauses, titles

Exit codes: 0 every case that ran passed and the monitor saw no violation; 1 a case failed;
2 usage; 3 keys or trust store.`;

export async function conformance(argv: string[]): Promise<number> {
  const { values } = parseCli(argv, {
    broker: { type: 'string' },
    device: { type: 'string' },
    'terminal-key': { type: 'string' },
    trust: { type: 'string' },
    patient: { type: 'string', default: 'emulated' },
    bench: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string', default: 'conformance-report' },
    'redelivery-wait': { type: 'string' },
    'broker-embedded': { type: 'boolean' },
    list: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const say = (s: string): void => void process.stdout.write(`${s}\n`);
  if (values.help) {
    say(HELP);
    return EXIT.ok;
  }
  if (values.list) {
    for (const c of CATALOGUE) say(`${c.id.padEnd(8)} §${c.clauses.join(' §').padEnd(34)} ${c.title}`);
    return EXIT.ok;
  }
  for (const k of ['broker', 'device', 'terminal-key', 'trust'] as const)
    if (!values[k]) throw new ReaderError(ErrorCode.Usage, `--${k} is required (see --help)`);
  if (values.patient !== 'emulated' && values.patient !== 'operator')
    throw new ReaderError(ErrorCode.Usage, '--patient is emulated or operator');
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
    redeliveryWaitMs: positiveInt(values['redelivery-wait'], '--redelivery-wait', 15_000),
    onCase: values.json
      ? undefined
      : (r, i, n) =>
          say(
            `[${i + 1}/${n}] ${r.status === 'passed' ? 'PASS' : r.status === 'failed' ? 'FAIL' : 'N/A '} ${r.id} ${r.title}${r.reason ? ` — ${r.reason}` : ''}`,
          ),
  });
  if (values.json)
    say(
      JSON.stringify({
        passed: report.passed,
        cases: report.cases.map((c) => ({ id: c.id, status: c.status, reason: c.reason })),
      }),
    );
  else {
    const n = (s: string): number => report.cases.filter((c) => c.status === s).length;
    say(
      `\n${report.passed ? 'PASSED' : 'FAILED'}: ${n('passed')} passed, ${n('failed')} failed, ${n('not-applicable')} not applicable`,
    );
    if (report.uncovered.length)
      say(`testable clauses not covered in this run: §${report.uncovered.map((c) => c.id).join(' §')}`);
    say(`reports: ${join(out, 'conformance.html')}, conformance.junit.xml, conformance.json`);
  }
  return report.passed ? EXIT.ok : EXIT.failure;
}
