// The benchmark report: each figure beside its goal and an anchor measured in the same run.
export interface Row {
  readonly figure: string;
  readonly measured: number;
  readonly unit: string;
  /** Goal as text, and a predicate on the measured value. */
  readonly goal?: { readonly text: string; readonly met: (v: number) => boolean };
  /** An anchor measured in the same run (a physical limit or a reference implementation). */
  readonly anchor?: { readonly name: string; readonly value: number };
}

const fmt = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(3));

export function printTable(title: string, rows: readonly Row[]): void {
  const lines = rows.map((r) => [
    r.figure,
    `${fmt(r.measured)} ${r.unit}`,
    r.goal ? `${r.goal.text} ${r.goal.met(r.measured) ? 'MET' : 'MISSED'}` : '-',
    r.anchor ? `${r.anchor.name}: ${fmt(r.anchor.value)} ${r.unit}` : '-',
    r.anchor ? `${(r.measured / r.anchor.value).toFixed(2)}×` : '-',
  ]);
  const head = ['figure', 'measured', 'goal', 'anchor (same run)', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  process.stdout.write(
    `\n## ${title}\n\n${row(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`,
  );
  for (const l of lines) process.stdout.write(`${row(l)}\n`);
}
