// @vladmandic/human (blazeface + facemesh + faceres 1024-D) on the tfjs wasm backend: the
// second candidate measured against face-api. Its models ship in the package; Node's fetch
// cannot read file:// URLs, so they are served to it from a loopback HTTP server while loading.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { RgbImage } from '../../device/image/decode.js';
import type { FaceFound, FaceMatcher } from './face-matcher.js';
import { selectFaces } from './face-select.js';

const require = createRequire(import.meta.url);

interface HumanFace {
  box: [number, number, number, number];
  score: number;
  mesh: [number, number, number][];
  embedding?: number[];
  /** Head pose from the mesh's 3D points, radians. */
  rotation?: { angle: { roll: number; yaw: number; pitch: number } };
}
export interface HumanLib {
  load(): Promise<void>;
  detect(input: unknown): Promise<{ face: HumanFace[] }>;
  match: { similarity(a: number[], b: number[]): number };
  tf: { tensor3d(d: Uint8Array, s: number[], t: string): { dispose(): void } };
}

/**
 * The library on its wasm backend with the face detector and mesh on (`face`: more of its face
 * options, e.g. the description model), everything else off; `top`: its other options.
 */
export async function openHuman(face: object = {}, top: object = {}): Promise<HumanLib> {
  // The package's exports map hides the wasm bundle: require it by its path.
  const root = join(dirname(require.resolve('@vladmandic/human')), '..');
  const models = join(root, 'models');
  const server = createServer((req, res) => {
    readFile(join(models, basename(req.url ?? ''))).then(
      (b) => res.end(b),
      () => {
        res.statusCode = 404;
        res.end();
      },
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { Human } = require(join(root, 'dist', 'human.node-wasm.js')) as {
      Human: new (c: object) => HumanLib;
    };
    const human = new Human({
      backend: 'wasm',
      wasmPath: `${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '..', 'dist')}/`,
      modelBasePath: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
      debug: false,
      body: { enabled: false },
      hand: { enabled: false },
      object: { enabled: false },
      gesture: { enabled: false },
      segmentation: { enabled: false },
      face: {
        enabled: true,
        detector: { rotation: false, maxDetected: 5 },
        mesh: { enabled: true },
        iris: { enabled: false },
        description: { enabled: false },
        emotion: { enabled: false },
        antispoof: { enabled: false },
        liveness: { enabled: false },
        ...face,
      },
      ...top,
    });
    await human.load();
    return human;
  } finally {
    server.close();
  }
}

/** The head pose human's face mesh reads in a picture (radians), or undefined without a face. */
export async function humanHeadPose(
  human: HumanLib,
  image: RgbImage,
): Promise<{ yaw: number; pitch: number; roll: number } | undefined> {
  const x = human.tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
  try {
    return (await human.detect(x)).face[0]?.rotation?.angle;
  } finally {
    x.dispose();
  }
}

export class HumanMatcher implements FaceMatcher {
  readonly modelId = 'human-faceres';
  readonly version = '3.3';
  readonly name = 'human/faceres@3.3';
  readonly threshold: number;
  private human?: HumanLib;

  constructor(opts: { threshold?: number } = {}) {
    this.threshold = opts.threshold ?? 0.5;
  }

  async load(): Promise<void> {
    this.human ??= await openHuman({ description: { enabled: true } });
  }

  async detect(image: RgbImage): Promise<FaceFound[]> {
    const h = this.human;
    if (!h) throw new Error('HumanMatcher.load() first');
    const x = h.tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
    try {
      const r = await h.detect(x);
      const faces = r.face
        .filter((f) => f.embedding?.length)
        .map((f) => ({
          box: { x: f.box[0], y: f.box[1], width: f.box[2], height: f.box[3] },
          score: f.score,
          landmarks: f.mesh.map((p) => [p[0], p[1]] as const),
          descriptor: Float32Array.from(f.embedding!),
        }));
      return selectFaces(faces, image.width, image.height);
    } finally {
      x.dispose();
    }
  }

  similarity(a: Float32Array, b: Float32Array): number {
    return this.human!.match.similarity([...a], [...b]);
  }

  dispose(): void {}
}
