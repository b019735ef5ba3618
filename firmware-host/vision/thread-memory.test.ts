import { describe, expect, it } from 'vitest';
import { threadMemory, trackWasmMemories } from './thread-memory.js';

describe('threadMemory', () => {
  it("names each wasm memory made after trackWasmMemories() by its size, outside the heap's external memory", () => {
    trackWasmMemories();
    const before = threadMemory();
    const memory = new WebAssembly.Memory({ initial: 64 }); // 4 MiB
    expect(memory).toBeInstanceOf(WebAssembly.Memory);
    const after = threadMemory();
    expect(after.wasmMb.length).toBe(before.wasmMb.length + 1);
    expect(after.wasmMb.at(-1)).toBe(4);
    memory.grow(16);
    expect(threadMemory().wasmMb.at(-1)).toBe(5);
    // The 4 MiB are the wasm memory's, not counted again as external memory.
    expect(after.externalMb - before.externalMb).toBeLessThan(1);
    expect(after.heapMb).toBeGreaterThan(0);
  });

  it('names a memory a module defines and exports, made by instantiate() or new Instance()', async () => {
    trackWasmMemories();
    // (module (memory (export "m") 1)): one page, 64 KiB.
    const bytes = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 5, 3, 1, 0, 1, 7, 5, 1, 1, 0x6d, 2, 0]);
    const before = threadMemory().wasmMb.length;
    const { instance } = await WebAssembly.instantiate(bytes);
    const again = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    expect(instance.exports.m).toBeInstanceOf(WebAssembly.Memory);
    const after = threadMemory().wasmMb;
    expect(after.length).toBe(before + 2);
    expect(after.slice(-2)).toEqual([0.1, 0.1]);
    expect(again.exports.m).toBeDefined();
  });
});
