// The kit's three reports: JSON (for machines), JUnit XML (for CI), and HTML (for people:
// summary, clause coverage with links to the cases, each case's steps and evidence).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult } from './kit.js';
import type { Violation } from './monitor.js';

export interface Clause {
  readonly id: string;
  readonly text: string;
}

/** The reader as it announced itself in its signed birth (SPEC 3.7), never typed in. */
export interface ReaderIdentity {
  readonly deviceId: string;
  readonly model: string;
  readonly serial: string;
  readonly firmwareVersion: string;
  /** SPEC 4.3 key id of the key the birth verified with (the trust store's key for the device). */
  readonly keyId: string;
  readonly schema: string;
  readonly capabilities: readonly string[];
  readonly emulated: boolean;
  /** Where it was read: the retained birth on the state topic, verified by the monitor. */
  readonly source: string;
}

/** What was real and what was emulated in this run: said first, never in a footnote. */
export interface Environment {
  /** Any part below was emulated: the report certifies no real reader. */
  readonly emulated: boolean;
  readonly reader: string;
  readonly patient: string;
  readonly card: string;
  readonly bench: string;
  readonly broker: string;
}

export interface UncoveredClause extends Clause {
  /** Why no case covered it, and what to give the kit so one does. */
  readonly why: string;
}

export interface ReportMeta {
  readonly kit: string;
  readonly kitVersion?: string;
  readonly deviceId: string;
  readonly broker: string;
  readonly startedAt: string;
  readonly durationMs: number;
  /** Absent: the reader announced no verified birth during the run. */
  readonly identity?: ReaderIdentity;
  readonly environment?: Environment;
}

const UNKNOWN_ENVIRONMENT: Environment = {
  emulated: true,
  reader: 'not recorded',
  patient: 'not recorded',
  card: 'not recorded',
  bench: 'not recorded',
  broker: 'not recorded',
};

export interface RunReport {
  readonly kit: string;
  readonly kitVersion?: string;
  readonly deviceId: string;
  readonly broker: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly identity?: ReaderIdentity;
  readonly environment: Environment;
  readonly cases: readonly CaseResult[];
  /** Violations outside any case (between cases, during setup). */
  readonly monitorViolations: readonly Violation[];
  readonly coverage: { readonly clause: Clause; readonly cases: readonly string[] }[];
  /** Device clauses no case of this run covered: the run's gaps, each with what would close it. */
  readonly uncovered: readonly UncoveredClause[];
  /** The terminal's own duties: met by the kit's reference terminal, not a gap of the device. */
  readonly terminalSide: readonly Clause[];
  /** Every case that ran passed and the monitor saw no violation (the exit code follows it). */
  readonly passed: boolean;
  /**
   * The headline: `passed` only with nothing failed, nothing not applicable and every device
   * clause covered; `incomplete` when nothing failed but some of that is missing.
   */
  readonly verdict: 'passed' | 'failed' | 'incomplete';
  /** The SPEC the clauses were read from: its name and the SHA-256 of its text (first 16 hex). */
  readonly spec: { readonly name: string; readonly sha256: string };
}

/**
 * Testable clauses that bind the terminal, not the device (SPEC §4.6, §7.5, §9): the kit's own
 * reference terminal fulfils them, so they are never listed among the device's gaps.
 */
export const TERMINAL_SIDE_CLAUSES: readonly string[] = ['4.6', '7.5', '9.1', '9.2', '9.3'];

export const SPEC_FILE = join(import.meta.dirname, '..', '..', 'protocol', 'SPEC.md');

/**
 * The clauses marked testable ([T]) in protocol/SPEC.md, each with its whole text: a bullet up
 * to the next bullet, blank line or heading; a table row as its cells under the header's names.
 */
export function testableClauses(spec = readFileSync(SPEC_FILE, 'utf8')): Clause[] {
  const out: Clause[] = [];
  const lines = spec.split('\n');
  let header: string[] = [];
  for (const [i, line] of lines.entries()) {
    const cells = line.startsWith('|')
      ? line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim())
      : undefined;
    const m = /\*\*(\d+\.\d+) \[T\]\*\*/.exec(line);
    if (cells && !m && !/^-+$/.test(cells[0] ?? '')) header = cells;
    if (!m) continue;
    let text: string;
    if (cells)
      text = cells
        .slice(1)
        .map((c, k) => `${header[k + 1] ?? ''} ${c}`.trim())
        .join('; ');
    else {
      const body = [line.slice(m.index + m[0].length)];
      for (let j = i + 1; j < lines.length && /^\s+\S/.test(lines[j]!); j++) body.push(lines[j]!);
      text = body.join(' ');
    }
    out.push({ id: m[1]!, text: text.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim() });
  }
  return out;
}

export function specIdentity(spec = readFileSync(SPEC_FILE, 'utf8')): RunReport['spec'] {
  const name = /^# [^\n`]*`([^`\n]+)`/m.exec(spec)?.[1] ?? 'protocol/SPEC.md';
  return { name, sha256: createHash('sha256').update(spec).digest('hex').slice(0, 16) };
}

export function buildReport(
  meta: ReportMeta,
  cases: readonly CaseResult[],
  monitorViolations: readonly Violation[],
  clauses: readonly Clause[] = testableClauses(),
  spec: RunReport['spec'] = specIdentity(),
  /** Why a clause had no case (capabilities.ts: uncoveredReason); the default says only that. */
  why: (clauseId: string) => string = () => 'no case of this run covers it',
): RunReport {
  const ran = cases.filter((c) => c.status !== 'not-applicable');
  const coverage = clauses.map((clause) => ({
    clause,
    cases: ran.filter((c) => c.clauses.includes(clause.id)).map((c) => c.id),
  }));
  const open = coverage.filter((c) => c.cases.length === 0).map((c) => c.clause);
  const uncovered = open
    .filter((c) => !TERMINAL_SIDE_CLAUSES.includes(c.id))
    .map((c) => ({ ...c, why: why(c.id) }));
  const passed = ran.length > 0 && ran.every((c) => c.status === 'passed') && monitorViolations.length === 0;
  const complete = uncovered.length === 0 && ran.length === cases.length;
  return {
    ...meta,
    environment: meta.environment ?? UNKNOWN_ENVIRONMENT,
    spec,
    cases,
    monitorViolations,
    coverage,
    uncovered,
    terminalSide: open.filter((c) => TERMINAL_SIDE_CLAUSES.includes(c.id)),
    passed,
    verdict: !passed ? 'failed' : complete ? 'passed' : 'incomplete',
  };
}

const xml = (s: string): string =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

export function junitXml(r: RunReport): string {
  const failures = r.cases.filter((c) => c.status === 'failed').length;
  const skipped = r.cases.filter((c) => c.status === 'not-applicable').length;
  const cases = r.cases.map((c) => {
    const steps = c.steps
      .map((s) => `${s.ok ? 'ok  ' : 'FAIL'} +${s.ms}ms ${s.text}${s.evidence ? ` — ${s.evidence}` : ''}`)
      .join('\n');
    const inner =
      c.status === 'failed'
        ? `<failure message="${xml(c.reason ?? 'failed')}">${xml(steps)}</failure>`
        : c.status === 'not-applicable'
          ? `<skipped message="${xml(c.reason ?? '')}"/>`
          : `<system-out>${xml(steps)}</system-out>`;
    return `    <testcase classname="fareader.conformance.${xml(r.deviceId)}" name="${xml(`${c.id} ${c.title} [SPEC ${c.clauses.join(', ')}]`)}" time="${(c.durationMs / 1000).toFixed(3)}">${inner}</testcase>`;
  });
  const monitor = r.monitorViolations.length
    ? `    <testcase classname="fareader.conformance.${xml(r.deviceId)}" name="monitor (outside cases)" time="0"><failure message="${r.monitorViolations.length} violations">${xml(r.monitorViolations.map((v) => `§${v.clause} ${v.topic}: ${v.what}`).join('\n'))}</failure></testcase>\n`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="fareader conformance" tests="${r.cases.length}" failures="${failures}" skipped="${skipped}" time="${(r.durationMs / 1000).toFixed(3)}">
  <testsuite name="${xml(r.deviceId)}" tests="${r.cases.length}" failures="${failures}" skipped="${skipped}" timestamp="${r.startedAt}">
${cases.join('\n')}
${monitor}  </testsuite>
</testsuites>
`;
}

const html = xml;

export function htmlReport(r: RunReport): string {
  const count = (s: string): number => r.cases.filter((c) => c.status === s).length;
  const badge = (s: string): string => `<span class="st ${s}">${s === 'not-applicable' ? 'n/a' : s}</span>`;
  const clauseRows = r.coverage
    .map(
      (c) =>
        `<tr id="clause-${c.clause.id}"><td>§${c.clause.id}</td><td>${html(c.clause.text)}</td><td>${
          c.cases.length
            ? c.cases.map((id) => `<a href="#case-${id}">${id}</a>`).join(' ')
            : TERMINAL_SIDE_CLAUSES.includes(c.clause.id)
              ? 'terminal side'
              : `<b class="warn">not covered</b> — ${html(r.uncovered.find((u) => u.id === c.clause.id)?.why ?? '')}`
        }</td></tr>`,
    )
    .join('\n');
  const caseBlocks = r.cases
    .map(
      (c) => `<section class="case" id="case-${c.id}">
<h3>${badge(c.status)} ${c.id} — ${html(c.title)}</h3>
<p class="meta">SPEC ${c.clauses.map((id) => `<a href="#clause-${id}">§${id}</a>`).join(' ')} · ${c.durationMs} ms</p>
<p><b>Preconditions:</b> ${html(c.preconditions)}<br><b>Expected:</b> ${html(c.expected)}</p>
${c.reason ? `<p class="${c.status === 'failed' ? 'warn' : ''}"><b>${c.status === 'failed' ? 'Failed' : 'Not run'}:</b> ${html(c.reason)}</p>` : ''}
${c.steps.length ? `<ol>${c.steps.map((s) => `<li class="${s.ok ? 'ok' : 'bad'}"><code>+${s.ms} ms</code> ${html(s.text)}${s.evidence ? `<pre>${html(s.evidence)}</pre>` : ''}</li>`).join('')}</ol>` : ''}
${c.violations.length ? `<p class="warn">Monitor:</p><ul>${c.violations.map((v) => `<li>§${v.clause} ${html(v.topic)}: ${html(v.what)}</li>`).join('')}</ul>` : ''}
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Conformance report — ${html(r.deviceId)}</title>
<style>
body{font-family:sans-serif;margin:24px;color:#10202c;max-width:1100px}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccd;padding:4px 8px;text-align:left;vertical-align:top}
.st{display:inline-block;padding:1px 8px;border-radius:6px;color:#fff;font-size:13px}
.passed{background:#2b7a3d}.failed{background:#a4161a}.not-applicable{background:#6b7177}.incomplete{background:#b36b00}
.warn{color:#a4161a}li.bad{color:#a4161a}pre{white-space:pre-wrap;background:#f3f5f7;padding:4px;margin:2px 0}
.case{border-top:1px solid #ccd;margin-top:12px}.meta{color:#5c6b77;font-size:14px}
#verdict{font-size:22px}
#emulated{background:#b36b00;color:#fff;padding:8px 12px;font-size:18px;font-weight:bold;border-radius:6px}
#certificate th{width:220px;background:#f3f5f7}
@page{size:A4;margin:14mm}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}.case{break-inside:avoid-page}}
</style></head><body>
${environmentBanner(r)}
<h1>fareader conformance report</h1>
<p id="verdict">${badge(r.verdict)} ${count('passed')} passed · ${count('failed')} failed · ${count('not-applicable')} not applicable · ${r.uncovered.length} device clauses uncovered${r.uncovered.length ? ` (${r.uncovered.map((c) => `§${c.id}`).join(' ')})` : ''}</p>
<p id="identity">device <b>${html(r.deviceId)}</b> on ${html(r.broker)} · ${html(r.startedAt)} · ${(r.durationMs / 1000).toFixed(1)} s · ${html(r.kit)} · SPEC ${html(r.spec.name)} (sha256 ${html(r.spec.sha256)})</p>
${certificateTable(r)}
<h2>Summary</h2>
<table id="summary"><tr><th>passed</th><th>failed</th><th>not applicable</th><th>monitor violations outside cases</th><th>testable clauses covered</th></tr>
<tr><td>${count('passed')}</td><td>${count('failed')}</td><td>${count('not-applicable')}</td><td>${r.monitorViolations.length}</td><td>${r.coverage.length - r.uncovered.length} / ${r.coverage.length}</td></tr></table>
<h2>Cases</h2>
<table id="cases"><tr><th>case</th><th>status</th><th>title</th><th>clauses</th></tr>
${r.cases.map((c) => `<tr><td><a href="#case-${c.id}">${c.id}</a></td><td>${badge(c.status)}</td><td>${html(c.title)}</td><td>${c.clauses.map((id) => `<a href="#clause-${id}">§${id}</a>`).join(' ')}</td></tr>`).join('\n')}
</table>
<h2>Clause coverage</h2>
${r.uncovered.length ? `<p class="warn" id="uncovered">Device clauses with no case in this run: ${r.uncovered.map((c) => `<a href="#clause-${c.id}">§${c.id}</a>`).join(' ')}</p><ul id="uncovered-why">${r.uncovered.map((c) => `<li>§${c.id}: ${html(c.why)}</li>`).join('')}</ul>` : '<p id="uncovered">Every testable device clause has a case in this run.</p>'}
${r.terminalSide.length ? `<p id="terminal-side">The terminal's own duties, met by the kit's reference terminal (not the device's): ${r.terminalSide.map((c) => `<a href="#clause-${c.id}">§${c.id}</a>`).join(' ')}</p>` : ''}
<table id="coverage"><tr><th>clause</th><th>text</th><th>cases</th></tr>
${clauseRows}
</table>
<h2>Case details</h2>
${caseBlocks}
${r.monitorViolations.length ? `<h2>Monitor violations outside cases</h2><ul>${r.monitorViolations.map((v) => `<li>§${v.clause} ${html(v.topic)}: ${html(v.what)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}

/** The first lines of the report when anything was emulated: no certifier can miss it. */
function environmentBanner(r: RunReport): string {
  const e = r.environment;
  if (!e.emulated) return '';
  const parts = [
    ['the reader', e.reader],
    ['the patient', e.patient],
    ['the card', e.card],
    ['the bench', e.bench],
  ] as const;
  const list = (what: string): string[] => parts.filter(([, v]) => v.startsWith(what)).map(([k]) => k);
  const said = (names: string[], what: string): string =>
    names.length ? `${names.join(', ')} ${names.length === 1 ? 'was' : 'were'} ${what}` : '';
  const unknown = parts.filter(([, v]) => !v.startsWith('real') && !v.startsWith('emulated')).map(([k]) => k);
  const text = [said(list('emulated'), 'emulated'), said(unknown, 'not recorded')].filter(Boolean).join('; ');
  return `<p id="emulated">EMULATED RUN — ${text}: this report certifies no real reader.</p>`;
}

/** Who and what was tested, from what the reader announced, and with what. */
function certificateTable(r: RunReport): string {
  const i = r.identity;
  const e = r.environment;
  const rows: [string, string][] = [
    ['Reader model', i?.model || 'not announced'],
    ['Serial number', i?.serial || 'not announced'],
    ['Firmware / software version', i?.firmwareVersion || 'not announced'],
    ['Device id', r.deviceId],
    ['Device key id (SPEC 4.3)', i?.keyId ?? 'no verified birth'],
    ['Capabilities', i?.capabilities.join(', ') || '—'],
    ['Identity read from', i?.source ?? 'the reader published no verified birth during the run'],
    ['Kit', r.kitVersion && !r.kit.includes(r.kitVersion) ? `${r.kit} ${r.kitVersion}` : r.kit],
    ['SPEC', `${r.spec.name}, sha256 ${r.spec.sha256}`],
    ['Date', r.startedAt],
    ['Reader hardware', e.reader],
    ['Patient', e.patient],
    ['Card', e.card],
    ['Bench', e.bench],
    ['Broker', e.broker],
  ];
  return `<table id="certificate">${rows.map(([k, v]) => `<tr><th>${html(k)}</th><td>${html(v)}</td></tr>`).join('')}</table>`;
}
