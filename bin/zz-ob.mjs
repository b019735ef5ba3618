import { register } from 'tsx/esm/api';

register();
const { ocrBench } = await import('../test/bench/ocr.bench.ts');
const { printTable } = await import('../test/bench/table.ts');
printTable('ocr', await ocrBench(200));
process.exit(0);
