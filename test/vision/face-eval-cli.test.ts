// readerctl face eval on the small fixture set (62 photos of 13 people), every pair, 3 folds
// by identity, two cohorts, the DET plot: the report's structure and its arithmetic.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import type { FaceEvalReport } from '../../tools/face/evaluate.js';
import type { FtaReport } from '../../tools/face/evaluate-fta.js';
import { detPlot } from '../../tools/face/evaluate-plot.js';

const dir = mkdtempSync(join(tmpdir(), 'face-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const readerctl = join(import.meta.dirname, '..', '..', 'bin', 'readerctl.mjs');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [readerctl, 'face', 'eval', ...args], { encoding: 'utf8', timeout: 600_000 });

// Who is in ../shared/fixtures/faces (the deepface test set), checked on a contact sheet.
const PEOPLE: Record<string, { photos: string; cohort: 'women' | 'men' }> = {
  angelina_jolie: { photos: '1 2 4 5 6 7 10 11 11_reflection', cohort: 'women' },
  jennifer_aniston: { photos: '3 12 53 54 55 56', cohort: 'women' },
  scarlett_johansson: { photos: '8 9 47 48 49 50 51', cohort: 'women' },
  katy_perry: { photos: '26 27 28 42 43 44 45 46', cohort: 'women' },
  marissa_mayer: { photos: '22 23', cohort: 'women' },
  mark_zuckerberg: { photos: '13 14 15 57 58', cohort: 'men' },
  jack_dorsey: { photos: '16 17 59 61 62', cohort: 'men' },
  elon_musk: { photos: '18 19 67', cohort: 'men' },
  jeff_bezos: { photos: '20 21', cohort: 'men' },
  sundar_pichai: { photos: '24 25', cohort: 'men' },
  matt_damon: { photos: '29 30 31 32 33', cohort: 'men' },
  leonardo_dicaprio: { photos: '34 35 36 37', cohort: 'men' },
  george_clooney: { photos: '38 39 40 41', cohort: 'men' },
};
const photosOf = (id: string): string[] => PEOPLE[id]!.photos.split(' ').map((n) => `img${n}.jpg`);
const ids = Object.keys(PEOPLE);
const choose2 = (n: number): number => (n * (n - 1)) / 2;

describe('readerctl face eval', () => {
  let report: FaceEvalReport;
  let stderr: string;
  beforeAll(() => {
    writeFileSync(
      join(dir, 'ids.csv'),
      `file,identity\n${ids.flatMap((id) => photosOf(id).map((f) => `${f},${id}`)).join('\n')}\n`,
    );
    writeFileSync(
      join(dir, 'cohorts.csv'),
      `identity,cohort\n${ids.map((id) => `${id},${PEOPLE[id]!.cohort}`).join('\n')}\n`,
    );
    const r = run(
      '--images',
      FACES_DIR,
      '--all-impostors',
      '--identities',
      join(dir, 'ids.csv'),
      '--folds',
      '3',
      '--cohorts',
      join(dir, 'cohorts.csv'),
      '--target-far',
      '0.01',
      '--plot',
      join(dir, 'out.svg'),
      '--gates',
      'rivalRank=0',
      '--gates',
      'minSharpness=100000,maxYaw=0.1',
      '--json',
    );
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    report = JSON.parse(r.stdout) as FaceEvalReport;
    stderr = r.stderr;
  }, 600_000);

  it('scores every pair of the set once: n(n−1)/2, genuine = same person, split by cohort', () => {
    expect(report.setup).toMatchObject({ images: 62, identities: 13, pairs: 'all', live: true, folds: 3 });
    expect(report.setup.cohorts).toEqual(['men', 'women']);
    const [all, men, women] = report.tables;
    expect(report.tables.map((t) => t.cohort)).toEqual(['all', 'men', 'women']);
    const scored = (t: typeof all) =>
      t!.genuinePairs + t!.impostorPairs + t!.lostPairs.genuine + t!.lostPairs.impostor;
    expect(scored(all)).toBe(choose2(62));
    const genuine = ids.reduce((s, id) => s + choose2(photosOf(id).length), 0);
    expect(all!.genuinePairs + all!.lostPairs.genuine).toBe(genuine);
    for (const [t, cohort] of [
      [men, 'men'],
      [women, 'women'],
    ] as const) {
      const members = ids.filter((id) => PEOPLE[id]!.cohort === cohort);
      const photos = members.reduce((s, id) => s + photosOf(id).length, 0);
      expect(t!.images).toBe(photos);
      expect(t!.identities).toBe(members.length);
      // Impostor pairs within the cohort only.
      expect(scored(t)).toBe(choose2(photos));
      expect(t!.genuinePairs + t!.lostPairs.genuine).toBe(
        members.reduce((s, id) => s + choose2(photosOf(id).length), 0),
      );
    }
    expect(men!.genuinePairs + women!.genuinePairs).toBe(all!.genuinePairs);
    expect(men!.impostorPairs + women!.impostorPairs).toBeLessThan(all!.impostorPairs);
    // Lost pairs are those touching a failure to acquire, on the side that failed.
    expect(all!.lostPairs.genuine + all!.lostPairs.impostor > 0).toBe(report.failuresToAcquire.length > 0);
    for (const f of report.failuresToAcquire) expect(f.reason).toMatch(/^[a-z-]+$/);
  });

  it('judges each fold pair at a threshold chosen on the other folds, and reports bounds', () => {
    const t = report.threshold;
    expect(t.mode).toBe('folds');
    expect(t.targetFar).toBe(0.01);
    expect(t.heldOut.map((b) => b.folds)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
      [2, 2],
    ]);
    for (const b of t.heldOut) {
      // "all" always; a cohort where the training folds hold at least two of its people.
      expect(b.choices[0]!.cohort).toBe('all');
      for (const c of b.choices.slice(1)) expect(['men', 'women']).toContain(c.cohort);
      // The threshold meets the target in every cohort: the highest of the choices.
      expect(b.threshold).toBe(Math.max(...b.choices.map((c) => c.threshold)));
      // Trained on the folds holding neither person: fewer pairs than the whole set has.
      expect(b.choices[0]!.n).toBeLessThan(report.tables[0]!.impostorPairs);
    }
    expect(t.chosen).toBe(Math.max(...t.chosenBy.map((c) => c.threshold)));
    expect(t.chosenBy[0]!.n).toBe(report.tables[0]!.impostorPairs);
    expect(report.folds.reduce((s, f) => s + f.images, 0)).toBe(62);
    for (const c of report.tables) {
      for (const r of [c.far, c.frr, c.frrWithFta, c.atConfigured.far, c.atConfigured.frr]) {
        expect(r.lower).toBeLessThanOrEqual(r.rate);
        expect(r.upper).toBeGreaterThanOrEqual(r.rate);
        expect(r.upper).toBeGreaterThan(0);
        expect(r.rate).toBeCloseTo(r.n ? r.k / r.n : 0, 12);
        expect(r.method).toBe(r.k === 0 ? 'rule-of-three' : 'wilson');
      }
      expect(c.far.n).toBe(c.impostorPairs);
      expect(c.frr.n).toBe(c.genuinePairs);
      expect(c.frrWithFta.n).toBe(c.genuinePairs + c.lostPairs.genuine);
      // Worst pairs: lowest genuine first, highest impostor first, judged at their fold's threshold.
      const g = c.worstGenuine.map((p) => p.score);
      const i = c.worstImpostor.map((p) => p.score);
      expect(g).toEqual([...g].sort((a, b) => a - b));
      expect(i).toEqual([...i].sort((a, b) => b - a));
      for (const p of [...c.worstGenuine, ...c.worstImpostor]) {
        expect(p.accepted).toBe(p.score >= p.threshold);
        expect(p.enrolled).toMatch(/^img[\d_a-z]+\.jpg$/);
      }
      expect(c.worstImpostor.filter((p) => p.accepted).length).toBeLessThanOrEqual(c.far.k);
    }
    // The small set's faces are far apart: its genuine pairs are accepted at the threshold.
    expect(report.tables[0]!.frr.rate).toBeLessThan(0.1);
    expect(stderr).toMatch(/images embedded 62\/62/);
    expect(JSON.stringify(report)).not.toMatch(/descriptor/);
  });

  it('draws the DET plot: a curve and an operating point per cohort, valid SVG and PNG', async () => {
    const svg = readFileSync(join(dir, 'out.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const c of ['all', 'men', 'women']) {
      expect(svg).toMatch(
        new RegExp(
          `<path class="det-curve" data-cohort="${c}"[^>]* d="M[-\\d.]+,[-\\d.]+(L[-\\d.]+,[-\\d.]+)+"`,
        ),
      );
      expect(svg).toContain(`class="operating-marker" data-cohort="${c}"`);
    }
    expect(svg).toContain('False accept rate');
    expect(svg).toContain('False reject rate');
    expect(svg).toContain('target FAR 1.0 %');
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 960, height: 680 });
    const hiDpi = await detPlot(report, 'png');
    expect(await sharp(hiDpi).metadata()).toMatchObject({ format: 'png', width: 1920, height: 1360 });
    // A saved report prints and plots again without embedding anything.
    writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
    const again = spawnSync(
      process.execPath,
      [readerctl, 'face', 'report', '--from', join(dir, 'report.json'), '--plot', join(dir, 'again.png')],
      { encoding: 'utf8' },
    );
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^== all: 62 images, 13 people/m);
    expect(again.stdout).toMatch(/^ {2}FAR held out /m);
    expect(await sharp(readFileSync(join(dir, 'again.png'))).metadata()).toMatchObject({
      format: 'png',
      width: 1920,
    });
  });

  it('--gates judges the same embeddings again: the shipped limits give the same report, impossible ones no face', () => {
    const [same, none] = report.gateVariants!;
    expect(same!.name).toBe('rivalRank=0');
    expect(same!.failedImages).toBe(new Set(report.failuresToAcquire.map((f) => f.file)).size);
    expect(same!.threshold).toBe(report.threshold.chosen);
    expect(same!.tables.map((t) => [t.cohort, t.far, t.frr])).toEqual(
      report.tables.map((t) => [t.cohort, t.far, t.frr]),
    );
    // Every probe that had a face is now too turned or too blurred: each image fails on a side.
    expect(none!.limits.minSharpness).toBe(100000);
    expect(none!.failedImages).toBe(62);
    expect(none!.tables[0]!.far.n).toBe(0);
  });

  it('--fta-only counts the same failures to acquire as the full eval, per cohort, without matching', () => {
    const r = run(
      '--fta-only',
      '--images',
      FACES_DIR,
      '--identities',
      join(dir, 'ids.csv'),
      '--cohorts',
      join(dir, 'cohorts.csv'),
      '--json',
    );
    expect(r.status).toBe(0);
    const fta = JSON.parse(r.stdout) as FtaReport;
    expect(fta.tables.map((t) => t.cohort)).toEqual(['all', 'men', 'women']);
    const [all, men, women] = fta.tables;
    expect(all!.images).toBe(62);
    expect(men!.images + women!.images).toBe(62);
    expect(men!.failed + women!.failed).toBe(all!.failed);
    // The eval's list, found through detect() with descriptors, is this one, found without.
    const key = (side: string, reason: string | undefined, file: string) => `${side} ${reason} ${file}`;
    const fromFta = fta.failures.flatMap((f) => [
      ...(f.enrolled ? [key('enrolled', f.enrolled, f.file)] : []),
      ...(f.probe ? [key('probe', f.probe, f.file)] : []),
    ]);
    const fromEval = report.failuresToAcquire.map((f) => key(f.side, f.reason, f.file));
    expect(fromFta.sort()).toEqual(fromEval.sort());
    expect(all!.failed).toBe(new Set(report.failuresToAcquire.map((f) => f.file)).size);
    const text = run('--fta-only', '--images', FACES_DIR, '--limit', '5');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^all: \d+ of 5 images \([\d.]+ %\) without a usable face on a side/m);
  }, 600_000);

  it('refuses what it cannot do, with exit 2', () => {
    expect(run('--images', FACES_DIR).status).toBe(2);
    expect(run('--pairs', join(FACES_DIR, 'pairs.csv'), '--folds', '2').status).toBe(2);
    expect(run('--pairs', join(FACES_DIR, 'pairs.csv'), '--plot', 'x.pdf').status).toBe(2);
    expect(run('--fta-only').status).toBe(2);
    expect(run('--pairs', join(FACES_DIR, 'pairs.csv'), '--also-photo').status).toBe(2);
    expect(run('--pairs', join(FACES_DIR, 'pairs.csv'), '--rule', 'lucky').status).toBe(2);
    const help = spawnSync(process.execPath, [readerctl, 'face', '--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/--all-impostors/);
    expect(help.stdout).toMatch(/--target-far/);
  }, 300_000);
});
