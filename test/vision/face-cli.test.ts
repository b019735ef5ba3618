// readerctl face at the bench: a chip photo against a camera video of the same or another person.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chipPhoto } from '../../sim/card/card-face.js';
import { FACES_DIR } from '../../sim/card/card-profiles.js';
import { missing } from '../helpers/system.js';

const dir = mkdtempSync(join(tmpdir(), 'face-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const readerctl = join(import.meta.dirname, '..', '..', 'bin', 'readerctl.mjs');

describe.skipIf(missing('ffmpeg', 'ffmpeg'))('readerctl face verify', () => {
  it('matches the chip photo with a camera video of the same person, not of another', async () => {
    writeFileSync(join(dir, 'chip.j2k'), await chipPhoto(join(FACES_DIR, 'img20.jpg')));
    for (const [img, name] of [
      ['img21.jpg', 'same'],
      ['img1.jpg', 'other'],
    ] as const) {
      execFileSync('ffmpeg', [
        '-loglevel',
        'error',
        '-y',
        '-loop',
        '1',
        '-i',
        join(FACES_DIR, img),
        '-vf',
        'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2',
        '-t',
        '0.5',
        '-r',
        '10',
        '-pix_fmt',
        'yuv420p',
        join(dir, `${name}.mp4`),
      ]);
    }
    const run = (video: string) =>
      spawnSync(
        process.execPath,
        [
          readerctl,
          'face',
          'verify',
          '--card-photo',
          join(dir, 'chip.j2k'),
          '--camera',
          join(dir, video),
          '--json',
        ],
        { encoding: 'utf8' },
      );
    const same = run('same.mp4');
    expect(same.status).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ match: true });
    const other = run('other.mp4');
    expect(other.status).toBe(5);
    expect(JSON.parse(other.stdout)).toMatchObject({ match: false });
  }, 120_000);
});
