// The benchmark report: each figure beside its goal and an anchor measured in the same run.
// Every printed table is also kept as data, so `--json` can hand a script the same figures.
export interface Row {
  readonly figure: string;
  readonly measured: number;
  readonly unit: string;
  /** Goal as text, and a predicate on the measured value. */
  readonly goal?: { readonly text: string; readonly met: (v: number) => boolean };
  /** An anchor measured in the same run (a physical limit or a reference implementation). */
  readonly anchor?: { readonly name: string; readonly value: number };
}

/** A row as JSON: the goal's verdict instead of its predicate, the ratio to the anchor. */
export interface RowJson {
  readonly figure: string;
  readonly measured: number;
  readonly unit: string;
  readonly goal?: string;
  readonly met?: boolean;
  readonly anchor?: { readonly name: string; readonly value: number };
  readonly ratio?: number;
}

export interface TableJson {
  readonly name: string;
  readonly title: string;
  readonly rows: readonly RowJson[];
}

const fmt = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(3));

export function rowJson(r: Row): RowJson {
  return {
    figure: r.figure.trim(),
    measured: r.measured,
    unit: r.unit,
    ...(r.goal ? { goal: r.goal.text, met: r.goal.met(r.measured) } : {}),
    ...(r.anchor ? { anchor: r.anchor, ratio: r.measured / r.anchor.value } : {}),
  };
}

/** The table as markdown text (one line per row). */
export function formatTable(title: string, rows: readonly Row[]): string {
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
  return [
    `\n## ${title}\n`,
    row(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.map(row),
    '',
  ].join('\n');
}

export function printTable(title: string, rows: readonly Row[]): void {
  process.stdout.write(formatTable(title, rows));
}
