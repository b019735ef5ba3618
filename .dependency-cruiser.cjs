// The import rules (README "Architecture"): protocol ← device ← platform ← firmware-host ← tools,
// a folder importing only from folders to its left; sim/ only where an emulator is the point;
// nothing imports test/. `npm run lint:imports` checks the tree; `npm test` runs it.
//
// Tests colocated with the code (*.test.ts) are tests wherever they live: they may import what
// a test needs (emulators, test helpers, the tools they test); the rules bind the code that ships
// or runs as a tool.
const TEST = '\\.test\\.ts$';
const ours = (...dirs) => `^(${dirs.join('|')})/`;

/** Who may import sim/: the demo, the conformance kit's self-test pieces, readerctl's
 * emulators and --emulated modes, face evaluation's chip-photo and attack simulation, the bench
 * and fuzz rigs, their bin/ entry points, and tests. */
const SIM_USERS = [
  '^sim/',
  '^test/',
  TEST,
  '^tools/demo(\\.ts$|/)',
  '^tools/cli/sim[^/]*\\.ts$',
  '^tools/cli/card\\.ts$', // readerctl card --emulated: names the emulated card profiles
  '^tools/card/open-module\\.ts$', // readerctl card --emulated: the composition root
  '^tools/cli/face-liveness\\.ts$', // readerctl face liveness-eval: names the simulated attacks
  '^tools/cli/specs/(sim|card|face)\\.ts$', // their option tables list the emulated profiles and attacks
  '^tools/face/', // face eval: chip photos and presentation attacks are simulated
  '^tools/bench/',
  '^tools/fuzz/',
  '^tools/rig/',
  '^bin/(demo|bench|fuzz)\\.mjs$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'protocol-imports-only-protocol',
      comment: 'protocol/ is the pure layer: it imports nothing of ours but protocol/.',
      severity: 'error',
      from: { path: '^protocol/', pathNot: TEST },
      to: { path: ours('device', 'platform', 'firmware-host', 'sim', 'tools', 'test', 'bin') },
    },
    {
      name: 'protocol-no-node-builtins',
      comment: 'protocol/ does no I/O: no Node built-ins (Uint8Array, not Buffer).',
      severity: 'error',
      // protocol/gen/generate.mjs is the build tool that writes protocol/gen/fareader.js from
      // the .proto files (npm run proto:gen); it runs at build time and is not imported.
      from: { path: '^protocol/', pathNot: ['^protocol/gen/generate\\.mjs$', TEST] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'device-imports-protocol',
      comment: 'device/ drivers take injected transports: they import protocol/ and device/ only.',
      severity: 'error',
      from: { path: '^device/', pathNot: TEST },
      to: { path: ours('platform', 'firmware-host', 'sim', 'tools', 'test', 'bin') },
    },
    {
      name: 'platform-imports-device-protocol',
      comment: 'platform/ is below every CLI, readerd and the terminal: protocol/, device/, platform/ only.',
      severity: 'error',
      from: { path: '^platform/', pathNot: TEST },
      to: { path: ours('firmware-host', 'sim', 'tools', 'test', 'bin') },
    },
    {
      name: 'firmware-host-not-tools-or-sim',
      comment: 'firmware-host/ (readerd) imports protocol/, device/, platform/ only: no emulator, no tool.',
      severity: 'error',
      from: { path: '^firmware-host/', pathNot: TEST },
      to: { path: ours('sim', 'tools', 'test', 'bin') },
    },
    {
      name: 'sim-imports-below-firmware-host',
      comment:
        'sim/ emulators import protocol/, device/, platform/; only the emulated and misbehaving ' +
        'appliance (sim/appliance, sim/faults) compose firmware-host/ seams.',
      severity: 'error',
      from: { path: '^sim/', pathNot: ['^sim/(appliance|faults)/', TEST] },
      to: { path: ours('firmware-host', 'tools', 'test', 'bin') },
    },
    {
      name: 'sim-composition-roots-not-tools',
      comment: 'sim/appliance and sim/faults may compose firmware-host/, never tools/ or test/.',
      severity: 'error',
      from: { path: '^sim/(appliance|faults)/', pathNot: TEST },
      to: { path: ours('tools', 'test', 'bin') },
    },
    {
      name: 'reference-terminal-not-appliance',
      comment: 'The reference terminal is the other party of the link: it stands on platform/, not readerd.',
      severity: 'error',
      from: { path: '^tools/terminal/', pathNot: TEST },
      to: { path: '^firmware-host/' },
    },
    {
      name: 'sim-only-where-allowed',
      comment:
        'Emulators are imported only by the demo, the kit self-test, readerctl sim/--emulated, bench, fuzz and tests.',
      severity: 'error',
      from: { pathNot: SIM_USERS },
      to: { path: '^sim/' },
    },
    {
      name: 'nothing-imports-test',
      comment: 'test/ is imported by tests only; what a tool needs lives outside test/.',
      severity: 'error',
      from: { pathNot: ['^test/', TEST] },
      to: { path: '^test/' },
    },
    {
      name: 'imports-resolve',
      comment: 'Every import resolves: a path the checker cannot follow is a rule it cannot check.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules/', '^protocol/gen/fareader\\.(js|d\\.ts)$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.cjs', '.d.ts', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
