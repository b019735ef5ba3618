// Failure to acquire over a whole face set, apart from matching: every image through the paths
// the appliance takes — the enrolled side as the card's photo (the reference detector, with
// chipPhoto first the chip's greyscale JPEG 2000), the probe side as a camera frame (the live
// detector and the kiosk's quality gates) — counted per side and reason. No embedder pass when
// the matcher can locate faces without one, so thousands of images take minutes, not an hour.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImage, type RgbImage } from '../../device/image/decode.js';
import type { FaceMatcher, LocatedFace } from '../../firmware-host/vision/face-matcher.js';
import {
  DEFAULT_LIMITS,
  judgeQuality,
  measureQuality,
  type QualityIssue,
  type QualityLimits,
  type QualityMeasures,
} from '../../firmware-host/vision/quality.js';
import { chipPhoto as toChipPhoto } from '../../sim/card/card-face.js';
import type { EvalImage } from './evaluate-images.js';
import { cameraFrame } from './evaluate-live.js';

export interface Acquisition {
  readonly file: string;
  readonly cohort?: string;
  /** Why the side has no usable face; absent when it has one. */
  readonly enrolled?: QualityIssue;
  readonly probe?: QualityIssue;
  /** The probe's quality measures (numbers only, no landmarks): to judge again under other limits. */
  readonly probeMeasures?: QualityMeasures;
}

export interface FtaTable {
  readonly cohort: string;
  readonly images: number;
  /** Images with no usable face on either side. */
  readonly failed: number;
  readonly enrolled: Readonly<Record<string, number>>;
  readonly probe: Readonly<Record<string, number>>;
}

export interface FtaVariant {
  readonly name: string;
  readonly limits: QualityLimits;
  /** "all" first, then each cohort, as `tables`. */
  readonly tables: readonly FtaTable[];
}

export interface FtaReport {
  readonly matcher: string;
  /** The same images judged under other quality limits (gate variants). */
  readonly variants?: readonly FtaVariant[];
  readonly setup: { readonly dir: string; readonly chipPhoto: boolean; readonly live: boolean };
  /** "all" first, then each cohort. */
  readonly tables: readonly FtaTable[];
  /** Only the images that failed on a side. */
  readonly failures: readonly Acquisition[];
}

function find(matcher: FaceMatcher, img: RgbImage, purpose: 'live' | 'reference'): Promise<LocatedFace[]> {
  return matcher.locate ? matcher.locate(img, purpose) : matcher.detect(img, purpose);
}

function table(cohort: string, list: readonly Acquisition[]): FtaTable {
  const count = (side: 'enrolled' | 'probe'): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const a of list) {
      const r = a[side];
      if (r) out[r] = (out[r] ?? 0) + 1;
    }
    return out;
  };
  return {
    cohort,
    images: list.length,
    failed: list.filter((a) => a.enrolled || a.probe).length,
    enrolled: count('enrolled'),
    probe: count('probe'),
  };
}

export async function measureFta(
  matcher: FaceMatcher,
  images: readonly EvalImage[],
  dir: string,
  opts: {
    readonly chipPhoto?: boolean;
    readonly live?: boolean;
    readonly gates?: readonly { readonly name: string; readonly limits: Partial<QualityLimits> }[];
    readonly onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<FtaReport> {
  const chip = opts.chipPhoto ?? false;
  const live = opts.live ?? true;
  await matcher.load();
  const all: Acquisition[] = [];
  // Every probe's measures, to judge again under the variants' limits.
  const measured: (QualityMeasures | undefined)[] = [];
  for (const [i, im] of images.entries()) {
    const path = join(dir, im.file);
    const photo = await decodeImage(new Uint8Array(readFileSync(path)));
    const asEnrolled = chip ? await decodeImage(await toChipPhoto(path)) : photo;
    const enrolledFaces = await find(matcher, asEnrolled, 'reference');
    let probe: QualityIssue | undefined;
    let probeMeasures: Acquisition['probeMeasures'];
    if (live) {
      const frame = await cameraFrame(photo);
      const faces = await find(matcher, frame, 'live');
      const m = measureQuality(frame, faces);
      measured.push(m);
      const issues = judgeQuality(m);
      if (issues.length) {
        probe = issues[0];
        probeMeasures = m;
      }
    } else if (chip && !(await find(matcher, photo, 'reference')).length) probe = 'no-face';
    all.push({
      file: im.file,
      ...(im.cohort === undefined ? {} : { cohort: im.cohort }),
      ...(enrolledFaces.length ? {} : { enrolled: 'no-face' as const }),
      ...(probe ? { probe, probeMeasures } : {}),
    });
    opts.onProgress?.(i + 1, images.length);
  }
  const cohorts = [...new Set(all.flatMap((a) => (a.cohort === undefined ? [] : [a.cohort])))].sort();
  const tablesOf = (list: readonly Acquisition[]): FtaTable[] => [
    table('all', list),
    ...cohorts.map((c) =>
      table(
        c,
        list.filter((a) => a.cohort === c),
      ),
    ),
  ];
  const variants = live
    ? opts.gates?.map((g): FtaVariant => {
        const limits = { ...DEFAULT_LIMITS, ...g.limits };
        const judged = all.map((a, i): Acquisition => {
          const { probe: _p, probeMeasures: _m, ...rest } = a;
          const issue = judgeQuality(measured[i], limits)[0];
          return issue ? { ...rest, probe: issue } : rest;
        });
        return { name: g.name, limits, tables: tablesOf(judged) };
      })
    : undefined;
  return {
    matcher: matcher.name,
    ...(variants ? { variants } : {}),
    setup: { dir, chipPhoto: chip, live },
    tables: [
      table('all', all),
      ...cohorts.map((c) =>
        table(
          c,
          all.filter((a) => a.cohort === c),
        ),
      ),
    ],
    failures: all.filter((a) => a.enrolled || a.probe),
  };
}
