// The DET curve of an evaluation as an SVG drawing (no plotting library: a few hundred lines of
// paths and text): FRR against FAR on probit axes, one curve per cohort, each cohort's held-out
// operating point with its 95 % intervals as error bars, and the target FAR as a dashed line.
// PNG through sharp (librsvg) from the same SVG.
import sharp from 'sharp';
import { type DetPoint, probit } from '../../protocol/vision/det.js';
import type { FaceEvalReport } from './evaluate.js';

const W = 960;
const H = 680;
const M = { left: 90, right: 300, top: 64, bottom: 78 };
const COLOURS = ['#1f4e9c', '#c0392b', '#2a9d3c', '#8e44ad', '#d35400', '#16a085'];
/** FAR axis end; the FRR axis ends there too unless an operating point lies above it. */
const MAX = 0.5;
const HIGH_FRR_TICKS = [0.8, 0.9, 0.95];

const esc = (s: string): string =>
  s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** An axis label: 0.1 %, 1 %, 20 % (no trailing zeros). */
const tickLabel = (x: number): string => `${Number((x * 100).toPrecision(3))} %`;

export function percent(x: number): string {
  if (x === 0) return '0 %';
  const p = x * 100;
  const digits = p >= 10 ? 0 : p >= 1 ? 1 : Math.min(6, Math.ceil(-Math.log10(p)) + 1);
  return `${p.toFixed(digits)} %`;
}

/** The decade at or below x (for the axis range). */
const decadeBelow = (x: number): number => 10 ** Math.floor(Math.log10(x) + 1e-9);

function ticks(min: number, max: number): { value: number; major: boolean }[] {
  const out: { value: number; major: boolean }[] = [];
  for (let d = decadeBelow(min); d < MAX; d *= 10)
    for (const m of [1, 2, 5]) {
      const v = d * m;
      if (v >= min * 0.999 && v <= MAX * 1.001) out.push({ value: v, major: m === 1 || v >= 0.1 });
    }
  for (const v of HIGH_FRR_TICKS) if (v <= max * 1.001) out.push({ value: v, major: true });
  return out;
}

export function detSvg(report: FaceEvalReport): string {
  const tables = report.tables;
  const fars = tables.map((t) => 1 / Math.max(1, t.impostorPairs));
  const frrs = tables.map((t) => 1 / Math.max(1, t.genuinePairs));
  const xMin = Math.max(1e-7, decadeBelow(Math.min(...fars, report.threshold.targetFar / 2)));
  const yMin = Math.max(1e-5, decadeBelow(Math.min(...frrs, 1e-2)));
  // A threshold set for a very low FAR can reject most genuine pairs: keep those points on the plot.
  const yMax = tables.some((t) => t.frr.upper > 0.45) ? 0.95 : MAX;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const px = (far: number): number =>
    M.left +
    ((probit(Math.min(0.99, Math.max(far, xMin / 3))) - probit(xMin)) / (probit(MAX) - probit(xMin))) * pw;
  const py = (frr: number): number =>
    M.top +
    ph -
    ((probit(Math.min(0.99, Math.max(frr, yMin / 3))) - probit(yMin)) / (probit(yMax) - probit(yMin))) * ph;
  const f = (v: number): string => v.toFixed(1);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<defs><clipPath id="plot"><rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}"/></clipPath></defs>`,
  );
  // Grid and ticks.
  // Labels from the top of each axis down, skipping any too close to the last one drawn:
  // the probit scale crowds the low decades together.
  let lastLabel = Number.POSITIVE_INFINITY;
  for (const t of ticks(xMin, MAX).reverse()) {
    const x = px(t.value);
    parts.push(
      `<line x1="${f(x)}" y1="${M.top}" x2="${f(x)}" y2="${M.top + ph}" stroke="${t.major ? '#d0d0d0' : '#ececec'}"/>`,
    );
    const label = tickLabel(t.value);
    if (t.major && lastLabel - x >= 14 + label.length * 7) {
      lastLabel = x;
      parts.push(
        `<text x="${f(x)}" y="${M.top + ph + 18}" font-size="12" text-anchor="middle" fill="#333">${esc(label)}</text>`,
      );
    }
  }
  lastLabel = Number.NEGATIVE_INFINITY;
  for (const t of ticks(yMin, yMax).reverse()) {
    const y = py(t.value);
    parts.push(
      `<line x1="${M.left}" y1="${f(y)}" x2="${M.left + pw}" y2="${f(y)}" stroke="${t.major ? '#d0d0d0' : '#ececec'}"/>`,
    );
    if (t.major && y - lastLabel >= 16) {
      lastLabel = y;
      parts.push(
        `<text x="${M.left - 8}" y="${f(y + 4)}" font-size="12" text-anchor="end" fill="#333">${esc(tickLabel(t.value))}</text>`,
      );
    }
  }
  parts.push(
    `<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`,
    `<text x="${M.left + pw / 2}" y="${H - 40}" font-size="14" text-anchor="middle" fill="#111">False accept rate (FAR): impostor pairs accepted</text>`,
    `<text x="22" y="${M.top + ph / 2}" font-size="14" text-anchor="middle" fill="#111" transform="rotate(-90 22 ${M.top + ph / 2})">False reject rate (FRR): genuine pairs rejected</text>`,
    `<text x="${M.left}" y="26" font-size="16" font-weight="bold" fill="#111">${esc(cut(`DET: ${report.matcher}`, 86))}</text>`,
    `<text x="${M.left}" y="46" font-size="12" fill="#444">${esc(setupLine(report))}</text>`,
  );
  // Target FAR.
  const tx = px(report.threshold.targetFar);
  parts.push(
    `<line x1="${f(tx)}" y1="${M.top}" x2="${f(tx)}" y2="${M.top + ph}" stroke="#555" stroke-dasharray="6 4"/>`,
    `<text x="${f(tx + 4)}" y="${M.top + ph - 8}" font-size="11" fill="#555">target FAR ${esc(percent(report.threshold.targetFar))}</text>`,
  );
  // Curves and operating points.
  const legendX = M.left + pw + 20;
  let legendY = M.top + 10;
  tables.forEach((t, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const pts = t.det.filter((p: DetPoint) => p.far <= 1 && p.frr <= 1);
    if (pts.length)
      parts.push(
        `<path class="det-curve" data-cohort="${esc(t.cohort)}" clip-path="url(#plot)" fill="none" stroke="${colour}" stroke-width="2" d="${pts
          .map((p, j) => `${j ? 'L' : 'M'}${f(px(p.far))},${f(py(p.frr))}`)
          .join('')}"/>`,
      );
    // A zero rate cannot sit on a probit axis: the marker goes on the edge, the bar shows the bound.
    const ox = Math.max(M.left, Math.min(M.left + pw, px(t.far.rate)));
    const oy = Math.max(M.top, Math.min(M.top + ph, py(t.frr.rate)));
    parts.push(
      `<g class="operating-point" data-cohort="${esc(t.cohort)}" clip-path="url(#plot)" stroke="${colour}" stroke-width="1.5">`,
      `<line x1="${f(px(t.far.lower))}" y1="${f(oy)}" x2="${f(px(t.far.upper))}" y2="${f(oy)}"/>`,
      `<line x1="${f(ox)}" y1="${f(py(t.frr.lower))}" x2="${f(ox)}" y2="${f(py(t.frr.upper))}"/>`,
      '</g>',
      `<circle class="operating-marker" data-cohort="${esc(t.cohort)}" cx="${f(ox)}" cy="${f(oy)}" r="5.5" fill="#fff" stroke="${colour}" stroke-width="2.5"/>`,
    );
    parts.push(
      `<line x1="${legendX}" y1="${legendY}" x2="${legendX + 26}" y2="${legendY}" stroke="${colour}" stroke-width="2"/>`,
      `<circle cx="${legendX + 13}" cy="${legendY}" r="4.5" fill="#fff" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${legendX + 34}" y="${legendY + 4}" font-size="13" font-weight="bold" fill="#111">${esc(t.cohort)}</text>`,
      `<text x="${legendX + 34}" y="${legendY + 21}" font-size="11" fill="#333">${esc(`FAR ${percent(t.far.rate)} (≤ ${percent(t.far.upper)})`)}</text>`,
      `<text x="${legendX + 34}" y="${legendY + 36}" font-size="11" fill="#333">${esc(`FRR ${percent(t.frr.rate)} (${percent(t.frr.lower)}–${percent(t.frr.upper)})`)}</text>`,
      `<text x="${legendX + 34}" y="${legendY + 51}" font-size="11" fill="#666">${esc(`${t.genuinePairs} genuine, ${t.impostorPairs} impostor pairs`)}</text>`,
    );
    legendY += 72;
  });
  const thr =
    report.threshold.mode === 'folds'
      ? `○ held-out operating point, threshold chosen per fold (shipped value ${report.threshold.chosen.toFixed(4)})`
      : `○ operating point at threshold ${report.threshold.chosen.toFixed(4)} (${report.threshold.mode})`;
  parts.push(
    `<text x="${legendX}" y="${legendY + 4}" font-size="11" fill="#444">bars: 95 % intervals</text>`,
    `<text x="${M.left}" y="${H - 12}" font-size="11" fill="#444">${esc(thr)}</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}

/** A line cut to `max` characters (the title's width at its font size). */
const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function setupLine(r: FaceEvalReport): string {
  const s = r.setup;
  return [
    `${s.images} images, ${s.identities} people`,
    s.pairs === 'all' ? 'all pairs' : 'listed pairs',
    s.live ? 'probe: live camera path' : 'probe: reference path',
    s.chipPhoto ? 'enrolled: chip photo (JPEG 2000)' : 'enrolled: photo',
    s.folds > 1
      ? `${s.folds} folds by identity`
      : r.threshold.mode === 'fixed'
        ? 'fixed threshold'
        : 'no folds',
  ].join(' · ');
}

/** The plot as SVG or, for a .png name, rasterised by sharp. */
export async function detPlot(report: FaceEvalReport, format: 'svg' | 'png'): Promise<Uint8Array> {
  const svg = detSvg(report);
  if (format === 'svg') return new TextEncoder().encode(svg);
  return new Uint8Array(await sharp(Buffer.from(svg), { density: 144 }).png().toBuffer());
}
