// The report as a certificate (issue 16, item 7): an honest headline, whole clause texts, the
// terminal's duties apart from the device's gaps, and which SPEC it was judged against.
import { describe, expect, it } from 'vitest';
import type { CaseResult } from './kit.js';
import {
  buildReport,
  type Environment,
  htmlReport,
  specIdentity,
  TERMINAL_SIDE_CLAUSES,
  testableClauses,
} from './report.js';

const meta = {
  kit: 'kit 0.1.0',
  deviceId: 'r1',
  broker: 'mqtt://b',
  startedAt: '2026-12-01T00:00:00Z',
  durationMs: 1,
};
const result = (id: string, clauses: string[], status: CaseResult['status']): CaseResult => ({
  id,
  title: id,
  clauses,
  preconditions: '',
  expected: '',
  status,
  steps: [],
  violations: [],
  durationMs: 1,
});
const clauses = [
  { id: '1.1', text: 'one' },
  { id: '2.1', text: 'two' },
  { id: '9.1', text: 'the terminal publishes' },
];

describe('conformance report', () => {
  it('never says passed with a clause uncovered or a case not applicable', () => {
    const all = buildReport(meta, [result('A', ['1.1', '2.1'], 'passed')], [], clauses);
    expect(all.verdict).toBe('passed');
    expect(all.terminalSide.map((c) => c.id)).toEqual(['9.1']);
    expect(all.uncovered).toEqual([]);
    const gap = buildReport(meta, [result('A', ['1.1'], 'passed')], [], clauses);
    expect([gap.passed, gap.verdict]).toEqual([true, 'incomplete']);
    expect(gap.uncovered.map((c) => c.id)).toEqual(['2.1']);
    const na = buildReport(
      meta,
      [result('A', ['1.1', '2.1'], 'passed'), result('B', [], 'not-applicable')],
      [],
      clauses,
    );
    expect(na.verdict).toBe('incomplete');
    const failed = buildReport(meta, [result('A', ['1.1', '2.1'], 'failed')], [], clauses);
    expect(failed.verdict).toBe('failed');
    const page = htmlReport(gap);
    expect(page).toMatch(
      /incomplete<\/span> 1 passed · 0 failed · 0 not applicable · 1 device clauses uncovered \(§2\.1\)/,
    );
    expect(page).toContain('id="terminal-side"');
    expect(page).toMatch(/SPEC .* \(sha256 [0-9a-f]{16}\)/);
  });

  it('reads each clause whole from protocol/SPEC.md, table rows with their column names', () => {
    const all = testableClauses();
    const text = (id: string): string => all.find((c) => c.id === id)!.text;
    expect(text('8.2')).toMatch(
      /^The device MUST answer every message .* \(nothing of an unverified payload is parsed\)\.$/,
    );
    expect(text('2.1')).toBe(
      'topic fareader/v1/dev/{device_id}/state; publisher device; QoS 1; retain yes; payload type DEVICE_STATE',
    );
    for (const id of TERMINAL_SIDE_CLAUSES)
      expect(
        all.some((c) => c.id === id),
        id,
      ).toBe(true);
    expect(specIdentity()).toMatchObject({
      name: 'fareader.v1',
      sha256: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  it('names the reader from its birth, the kit and SPEC, and says first when anything was emulated', () => {
    const identity = {
      deviceId: 'r1',
      model: 'fareader rpi5-uvc-pn532 (Raspberry Pi 5 Model B Rev 1.0)',
      serial: '10000000abcdef12',
      firmwareVersion: '0.1.0',
      keyId: '0011223344556677',
      schema: 'fareader.v1',
      capabilities: ['session', 'face'],
      emulated: false,
      source: 'its signed birth',
    };
    const real: Environment = {
      emulated: false,
      reader: 'real (its birth says emulated = false)',
      patient: 'real: a person at the bench (operator mode)',
      card: 'real test cards, placed by the operator',
      bench: 'real: the operator at the reader',
      broker: 'external: mqtts://b',
    };
    const r = buildReport({ ...meta, kitVersion: '0.1.0', identity, environment: real }, [], [], clauses);
    const page = htmlReport(r);
    expect(page).not.toContain('id="emulated"');
    for (const v of [
      identity.model,
      identity.serial,
      identity.keyId,
      'kit 0.1.0',
      'fareader.v1, sha256',
      meta.startedAt,
    ])
      expect(page).toContain(v);
    const emulated = htmlReport(
      buildReport(
        {
          ...meta,
          identity: { ...identity, emulated: true },
          environment: { ...real, emulated: true, patient: "emulated (the bench's patient)" },
        },
        [],
        [],
        clauses,
      ),
    );
    const body = emulated.slice(emulated.indexOf('<body>') + 6).trimStart();
    expect(body).toMatch(
      /^<p id="emulated">EMULATED RUN — the patient was emulated: this report certifies no real reader\.<\/p>/,
    );
    // A report whose environment was never recorded cannot pass for a real one.
    expect(htmlReport(buildReport(meta, [], [], clauses))).toContain('id="emulated"');
  });

  it('each uncovered clause carries what to give the kit, in the JSON and on the page', () => {
    const r = buildReport(
      meta,
      [result('A', ['1.1'], 'passed')],
      [],
      clauses,
      undefined,
      (id) => `give --x for ${id}`,
    );
    expect(r.uncovered).toEqual([{ id: '2.1', text: 'two', why: 'give --x for 2.1' }]);
    expect(htmlReport(r)).toContain('<li>§2.1: give --x for 2.1</li>');
  });
});
