// The liveness challenge's seed for the end-to-end tests' rigs (ApplianceRig `challengeSeed`).
// Tests must be deterministic: with the challenges seeded and the face camera on its frames'
// clock (the rig's default), every run meets the same challenges and the same live subject.
// Each presentation (a session's patient: the photo, live or which attack, what is worn) draws
// from a stream of its own, from this seed and the scene (sim/appliance/scene-face-camera.ts
// `challengeRandomFor`), and the live subject's behaviour is seeded by the same description
// (`presentationSeed`): a test's challenge does not depend on which tests ran before it in the
// same rig. A bona fide subject rejected by the liveness check is the check's BPCER, which
// liveness-eval measures; it is not what these tests test (a test that meets one gives its
// presentation a `seed` of its own). 15 is the kit self-test's seed (test/helpers/kit-rig.ts).
export const RIG_TEST_SEED = 15;
