// The two error forms a Zephyr MCUmgr target answers (subsys/mgmt/mcumgr/smp/src/smp.c):
// - a handler that returns an MGMT_ERR_* code (a request zcbor could not decode, a command
//   without a handler) gets `{rc}` from smp_build_err_rsp, in SMP v1 and v2 alike;
// - a handler that reports a group error with smp_add_cmd_err answers `{err: {group, rc}}` with
//   the group's own code in SMP v2; for an SMP v1 request smp_handle_single_req translates it
//   with the group's mg_translate_error into `{rc}` (img_mgmt.c img_mgmt_translate_error_code,
//   os_mgmt.c os_mgmt_translate_error_code, shell_mgmt.c shell_mgmt_translate_error_code).
import { ImgMgmtErr, OsMgmtErr, SmpGroup } from '../../protocol/smp/smp-packet.js';
import type { ZMap } from './zcbor-encode.js';

/** include/zephyr/mgmt/mcumgr/mgmt/mgmt_defines.h enum mcumgr_err_t. */
export const MgmtErr = {
  eok: 0,
  eunknown: 1,
  enomem: 2,
  einval: 3,
  etimeout: 4,
  enoent: 5,
  ebadstate: 6,
  emsgsize: 7,
  enotsup: 8,
  ecorrupt: 9,
  ebusy: 10,
  eaccessdenied: 11,
  unsupportedTooOld: 12,
  unsupportedTooNew: 13,
} as const;

/** shell_mgmt.h enum shell_mgmt_err_code_t. */
export const ShellMgmtErr = { unknown: 1, commandTooLong: 2, emptyCommand: 3 } as const;

export function mgmtError(rc: number): ZMap {
  return { rc };
}

function translate(group: number, rc: number): number {
  const I = ImgMgmtErr;
  if (group === SmpGroup.image) {
    if (rc === I.noImage || rc === I.noTlvs) return MgmtErr.enoent;
    if (rc === I.noFreeSlot || rc === I.currentVersionIsNewer || rc === I.imageAlreadyPending)
      return MgmtErr.ebadstate;
    if (rc === I.noFreeMemory) return MgmtErr.enomem;
    const einval: number[] = [
      I.invalidSlot,
      I.invalidPageOffset,
      I.invalidOffset,
      I.invalidLength,
      I.invalidImageHeader,
      I.invalidHash,
      I.invalidFlashAddress,
    ];
    return einval.includes(rc) ? MgmtErr.einval : MgmtErr.eunknown;
  }
  if (group === SmpGroup.os) {
    if (rc === OsMgmtErr.invalidFormat) return MgmtErr.einval;
    if (rc === OsMgmtErr.queryYieldsNoAnswer || rc === OsMgmtErr.rtcNotSet) return MgmtErr.enoent;
    return MgmtErr.eunknown;
  }
  if (group === SmpGroup.shell) {
    return rc === ShellMgmtErr.commandTooLong || rc === ShellMgmtErr.emptyCommand
      ? MgmtErr.einval
      : MgmtErr.eunknown;
  }
  return MgmtErr.eunknown;
}

/** A group error as the request's SMP version gets it (header version 1 = SMP v2). */
export function groupError(version: number, group: number, rc: number): ZMap {
  return version >= 1 ? { err: { group, rc } } : { rc: translate(group, rc) };
}
