// The liveness challenge's seed for the end-to-end tests' rigs (ApplianceRig `challengeSeed`).
// Tests must be deterministic: with the challenges seeded and the face camera on its frames'
// clock (the rig's default), every run meets the same challenges and the same live subject.
// A bona fide subject rejected by the liveness check is the check's BPCER, which liveness-eval
// measures; it is not what these tests test. 15 is the kit self-test's seed
// (test/helpers/kit-rig.ts): img21's live subject passes its challenges for the card photo img20.
export const RIG_TEST_SEED = 15;
