// The shipped matcher's operating point, apart from its models so the configuration schema can
// bound `session.faceAttempts` by it without loading onnxruntime: a threshold holds FAR ≤ 0.1 %
// per session only for the number of attempts it was calibrated for (an impostor gets in if
// any attempt accepts him: per-attempt FAR ≤ 0.1 % / N).

/** Attempts per session the threshold below was calibrated for (target 0.1 % / this). */
export const FR_ONNX_CALIBRATED_ATTEMPTS = 1;

/**
 * Accept at or above. The nested-margin rule (protocol/vision/nested-margin.ts, fixed before
 * it was run) at 0.1 % / N per attempt, applied to every pair of the faces-lfw set the eval
 * runs on — all 184 East-Asian photos (the cohort that binds it) + 59 others, 243 images — with
 * the chip photo enrolled (the appliance's pairing), the probe through the camera path, live
 * frames without their mirror image (fr-onnx `live1`) and the quality limits of quality.ts:
 * 0.47187, rounded up (`readerctl face eval … --chip-photo`, README "Face matching",
 * 2026-12-01 15:06 UTC). The same rule gave 0.4940 with the live mirror and 0.4696 with the
 * older, stricter quality limits.
 */
export const FR_ONNX_THRESHOLD = 0.472;
