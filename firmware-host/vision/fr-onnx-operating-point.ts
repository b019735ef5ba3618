// The shipped matcher's operating point, apart from its models so the configuration schema can
// bound `session.faceAttempts` by it without loading onnxruntime: a threshold holds FAR ≤ 0.1 %
// per session only for the number of attempts it was calibrated for (an impostor gets in if
// any attempt accepts him: per-attempt FAR ≤ 0.1 % / N).

/** Attempts per session the threshold below was calibrated for (target 0.1 % / this). */
export const FR_ONNX_CALIBRATED_ATTEMPTS = 1;

/**
 * Accept at or above. The nested-margin rule (protocol/vision/nested-margin.ts, fixed before
 * it was run) at 0.1 % / N per attempt, applied to every pair of the faces-lfw set the eval
 * runs on — all 184 East-Asian photos (the cohort that binds it) + 59 others, 243 images, 29,403
 * pairs — with the chip photo enrolled (the appliance's pairing) and the probe through the camera
 * path, live frames without their mirror image (fr-onnx `live1`): 0.46431 (the bound rule,
 * East-Asian) + margin 0.00528 = 0.46960, rounded up (`readerctl face eval … --chip-photo`,
 * README "Face matching", 2026-12-01 14:41 UTC). With the live mirror (the pipeline before) the
 * same rule gave 0.4940.
 */
export const FR_ONNX_THRESHOLD = 0.47;
