// The kit's three reports: JSON (for machines), JUnit XML (for CI), and HTML (for people:
// summary, clause coverage with links to the cases, each case's steps and evidence).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult } from './kit.js';
import type { Violation } from './monitor.js';

export interface Clause {
  readonly id: string;
  readonly text: string;
}

export interface RunReport {
  readonly kit: string;
  readonly deviceId: string;
  readonly broker: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly cases: readonly CaseResult[];
  /** Violations outside any case (between cases, during setup). */
  readonly monitorViolations: readonly Violation[];
  readonly coverage: { readonly clause: Clause; readonly cases: readonly string[] }[];
  readonly uncovered: readonly Clause[];
  readonly passed: boolean;
}

export const SPEC_FILE = join(import.meta.dirname, '..', '..', 'protocol', 'SPEC.md');

/** The clauses marked testable ([T]) in protocol/SPEC.md, with their first line of text. */
export function testableClauses(spec = readFileSync(SPEC_FILE, 'utf8')): Clause[] {
  const out: Clause[] = [];
  for (const m of spec.matchAll(/\*\*(\d+\.\d+) \[T\]\*\*\s*\|?\s*([^\n]*)/g)) {
    out.push({ id: m[1]!, text: m[2]!.replace(/\|.*$/, '').replace(/[`*]/g, '').trim() });
  }
  return out;
}

export function buildReport(
  meta: { kit: string; deviceId: string; broker: string; startedAt: string; durationMs: number },
  cases: readonly CaseResult[],
  monitorViolations: readonly Violation[],
  clauses: readonly Clause[] = testableClauses(),
): RunReport {
  const ran = cases.filter((c) => c.status !== 'not-applicable');
  const coverage = clauses.map((clause) => ({
    clause,
    cases: ran.filter((c) => c.clauses.includes(clause.id)).map((c) => c.id),
  }));
  return {
    ...meta,
    cases,
    monitorViolations,
    coverage,
    uncovered: coverage.filter((c) => c.cases.length === 0).map((c) => c.clause),
    passed: ran.length > 0 && ran.every((c) => c.status === 'passed') && monitorViolations.length === 0,
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
            : '<b class="warn">not covered</b>'
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
.passed{background:#2b7a3d}.failed{background:#a4161a}.not-applicable{background:#6b7177}
.warn{color:#a4161a}li.bad{color:#a4161a}pre{white-space:pre-wrap;background:#f3f5f7;padding:4px;margin:2px 0}
.case{border-top:1px solid #ccd;margin-top:12px}.meta{color:#5c6b77;font-size:14px}
#verdict{font-size:22px}
</style></head><body>
<h1>fareader conformance report</h1>
<p id="verdict">${r.passed ? badge('passed') : badge('failed')} device <b>${html(r.deviceId)}</b> on ${html(r.broker)} · ${html(r.startedAt)} · ${(r.durationMs / 1000).toFixed(1)} s · ${html(r.kit)}</p>
<h2>Summary</h2>
<table id="summary"><tr><th>passed</th><th>failed</th><th>not applicable</th><th>monitor violations outside cases</th><th>testable clauses covered</th></tr>
<tr><td>${count('passed')}</td><td>${count('failed')}</td><td>${count('not-applicable')}</td><td>${r.monitorViolations.length}</td><td>${r.coverage.length - r.uncovered.length} / ${r.coverage.length}</td></tr></table>
<h2>Cases</h2>
<table id="cases"><tr><th>case</th><th>status</th><th>title</th><th>clauses</th></tr>
${r.cases.map((c) => `<tr><td><a href="#case-${c.id}">${c.id}</a></td><td>${badge(c.status)}</td><td>${html(c.title)}</td><td>${c.clauses.map((id) => `<a href="#clause-${id}">§${id}</a>`).join(' ')}</td></tr>`).join('\n')}
</table>
<h2>Clause coverage</h2>
${r.uncovered.length ? `<p class="warn" id="uncovered">Testable clauses with no case in this run: ${r.uncovered.map((c) => `<a href="#clause-${c.id}">§${c.id}</a>`).join(' ')}</p>` : '<p id="uncovered">Every testable clause has a case in this run.</p>'}
<table id="coverage"><tr><th>clause</th><th>text</th><th>cases</th></tr>
${clauseRows}
</table>
<h2>Case details</h2>
${caseBlocks}
${r.monitorViolations.length ? `<h2>Monitor violations outside cases</h2><ul>${r.monitorViolations.map((v) => `<li>§${v.clause} ${html(v.topic)}: ${html(v.what)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
