// readerctl conformance: the kit manufacturers run against their readers (see README
// "For manufacturers: the conformance kit").
import { join, resolve } from 'node:path';
import { EXIT, positiveInt } from '../../platform/cli.js';
import { parseCommand } from '../../platform/cli-spec.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
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
        verdict: report.verdict,
        uncovered: report.uncovered.map((c) => c.id),
        terminalSide: report.terminalSide.map((c) => c.id),
        cases: report.cases.map((c) => ({ id: c.id, status: c.status, reason: c.reason })),
      }),
    );
  else {
    const n = (s: string): number => report.cases.filter((c) => c.status === s).length;
    say(
      `\n${report.verdict.toUpperCase()}: ${n('passed')} passed, ${n('failed')} failed, ${n('not-applicable')} not applicable, ${report.uncovered.length} device clauses uncovered`,
    );
    if (report.uncovered.length)
      say(`device clauses not covered in this run: §${report.uncovered.map((c) => c.id).join(' §')}`);
    if (report.terminalSide.length)
      say(
        `terminal-side clauses (the kit's terminal meets them): §${report.terminalSide.map((c) => c.id).join(' §')}`,
      );
    say(`reports: ${join(out, 'conformance.html')}, conformance.junit.xml, conformance.json`);
  }
  return report.passed ? EXIT.ok : EXIT.failure;
}
