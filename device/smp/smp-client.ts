// The MCUmgr commands an engineer needs, over an SmpLink. Payload shapes per the Zephyr SMP
// documentation; answers are checked so a garbled one is a named error, not a crash. Image
// lists come in two forms: Zephyr's img_mgmt (every flag, `splitStatus`) and MCUboot serial
// recovery's boot_serial.c (only the flags that are true, `hash` optional, no `active`).
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { SmpCmd, SmpGroup, type SmpPayload } from '../../protocol/smp/smp-packet.js';
import type { SmpLink } from './smp-link.js';

export interface ImageSlotState {
  readonly image: number;
  readonly slot: number;
  readonly version: string;
  /** The SHA256 TLV; MCUboot serial recovery built without MCUBOOT_SERIAL_IMG_GRP_HASH omits it. */
  readonly hash?: Uint8Array;
  /** Undefined when the target reports no flags at all (MCUboot serial recovery by default). */
  readonly bootable?: boolean;
  readonly pending: boolean;
  readonly confirmed: boolean;
  readonly active: boolean;
  readonly permanent: boolean;
}

export interface McumgrParams {
  readonly bufSize: number;
  readonly bufCount: number;
}

function field<T>(p: SmpPayload, key: string, check: (v: unknown) => v is T, what: string): T {
  const v = p[key];
  if (!check(v))
    throw new ReaderError(ErrorCode.Link_Protocol, `the target's answer has no valid "${key}" (${what})`, {
      payload: p,
    });
  return v;
}
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;
const FLAGS = ['bootable', 'pending', 'confirmed', 'active', 'permanent'] as const;
const isMap = (v: unknown): v is SmpPayload =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

export class SmpClient {
  constructor(
    readonly link: SmpLink,
    private readonly timeoutMs = 3000,
  ) {}

  private call(
    group: number,
    id: number,
    write: boolean,
    payload: SmpPayload = {},
    timeoutMs = this.timeoutMs,
    signal?: AbortSignal,
  ) {
    return this.link.request({ group, id, write, payload, timeoutMs, signal });
  }

  async echo(text: string): Promise<string> {
    return field(await this.call(SmpGroup.os, SmpCmd.os.echo, true, { d: text }), 'r', isStr, 'echoed text');
  }

  async reset(force = false): Promise<void> {
    // os_mgmt.c decodes "force" with zcbor_bool_decode: a boolean, not a number.
    await this.call(SmpGroup.os, SmpCmd.os.reset, true, force ? { force: true } : {});
  }

  /** The target's receive buffer size and count; MCUboot without the command gets its defaults. */
  async params(): Promise<McumgrParams> {
    try {
      const p = await this.call(SmpGroup.os, SmpCmd.os.params, false);
      return {
        bufSize: field(p, 'buf_size', isNum, 'bytes'),
        bufCount: field(p, 'buf_count', isNum, 'buffers'),
      };
    } catch (e) {
      // No handler for the command: MGMT_ERR_ENOTSUP as a plain {rc}, in v1 and v2 alike.
      if (
        e instanceof ReaderError &&
        e.code === ErrorCode.Link_PeerError &&
        e.context.rc === 8 &&
        e.context.group === undefined
      ) {
        return { bufSize: 1024, bufCount: 1 }; // MCUboot serial recovery defaults
      }
      throw e;
    }
  }

  async osInfo(format = 'a'): Promise<string> {
    return field(await this.call(SmpGroup.os, SmpCmd.os.info, false, { format }), 'output', isStr, 'text');
  }

  /** Without a query: `{bootloader: "MCUboot"}`; with `query: "mode"`: `{mode, no-downgrade?}`. */
  async bootloaderInfo(query?: string): Promise<SmpPayload> {
    return this.call(SmpGroup.os, SmpCmd.os.bootloaderInfo, false, query === undefined ? {} : { query });
  }

  private static slots(p: SmpPayload): ImageSlotState[] {
    const images = p.images;
    if (!Array.isArray(images))
      throw new ReaderError(ErrorCode.Link_Protocol, 'the image state answer has no "images" list');
    const entries = images.map((raw: unknown, i): SmpPayload => {
      if (!isMap(raw))
        throw new ReaderError(
          ErrorCode.Link_Protocol,
          `the image state answer's entry ${i} is not a map (${raw === null ? 'null' : typeof raw})`,
          { payload: p },
        );
      return raw;
    });
    // Zephyr's frugal list and MCUboot leave out flags that are false; MCUboot without
    // BOOT_SERIAL_IMG_GRP_IMAGE_STATE reports none, so "bootable" is then unknown, not false.
    const reportsFlags = entries.some((e) => FLAGS.some((f) => Object.hasOwn(e, f)));
    return entries.map((e) => SmpClient.slot(e, reportsFlags));
  }

  private static slot(raw: SmpPayload, reportsFlags: boolean): ImageSlotState {
    return {
      image: isNum(raw.image) ? raw.image : 0,
      slot: field(raw, 'slot', isNum, 'slot number'),
      version: field(raw, 'version', isStr, 'version'),
      hash: raw.hash === undefined ? undefined : field(raw, 'hash', isBytes, 'SHA256 TLV'),
      bootable: reportsFlags ? raw.bootable === true : undefined,
      pending: raw.pending === true,
      confirmed: raw.confirmed === true,
      active: raw.active === true,
      permanent: raw.permanent === true,
    };
  }

  async imageList(): Promise<ImageSlotState[]> {
    return SmpClient.slots(await this.call(SmpGroup.image, SmpCmd.image.state, false));
  }

  /** Marks the image with this hash to be tried at the next boot (reverted unless confirmed). */
  async imageTest(hash: Uint8Array): Promise<ImageSlotState[]> {
    return SmpClient.slots(
      await this.call(SmpGroup.image, SmpCmd.image.state, true, { hash, confirm: false }),
    );
  }

  /** Confirms the running image (no hash) or makes the image with this hash permanent. */
  async imageConfirm(hash?: Uint8Array): Promise<ImageSlotState[]> {
    return SmpClient.slots(
      await this.call(
        SmpGroup.image,
        SmpCmd.image.state,
        true,
        hash ? { hash, confirm: true } : { confirm: true },
      ),
    );
  }

  async erase(slot?: number): Promise<void> {
    await this.call(SmpGroup.image, SmpCmd.image.erase, true, slot === undefined ? {} : { slot }, 30_000);
  }

  async shellExec(argv: readonly string[]): Promise<{ output: string; ret: number }> {
    const p = await this.call(SmpGroup.shell, SmpCmd.shell.exec, true, { argv: [...argv] });
    return { output: field(p, 'o', isStr, 'output'), ret: isNum(p.ret) ? p.ret : 0 };
  }
}
