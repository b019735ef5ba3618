// One thread's own memory, as readerd's memory report gives it per thread (issue 17): its V8
// heap (what the isolate has committed, and uses), the memory its ArrayBuffers hold outside the
// heap, and the WebAssembly memories made on it (each runtime's linear memory: a wasm heap only
// grows). The process's RSS is shared by every thread; these are the parts a thread can name.
import { getHeapStatistics } from 'node:v8';

export interface ThreadMemory {
  /** The isolate's heap, committed (MB). */
  readonly heapMb: number;
  /** Of it in use (MB). */
  readonly heapUsedMb: number;
  /** ArrayBuffers and other memory outside the heap that V8 is told of (MB); wasm memories excluded. */
  readonly externalMb: number;
  /** Each WebAssembly.Memory made on this thread since trackWasmMemories(), its size (MB). */
  readonly wasmMb: readonly number[];
}

const MB = 1048576;
const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;
const memories: WeakRef<WebAssembly.Memory>[] = [];
let tracking = false;

/**
 * From now on WebAssembly memories made on this thread are counted: those made from JS (a
 * subclass of the global constructor, so `instanceof WebAssembly.Memory` holds; onnxruntime-web
 * makes its memory so) and those a module defines and exports (OpenJPEG's, emscripten's default),
 * seen as its instance is made. Call it before a runtime loads.
 */
export function trackWasmMemories(): void {
  if (tracking) return;
  tracking = true;
  const Base = WebAssembly.Memory;
  const note = (m: unknown): void => {
    if (m instanceof Base && !memories.some((r) => r.deref() === m)) memories.push(new WeakRef(m));
  };
  const exported = (instance: WebAssembly.Instance): void => {
    for (const v of Object.values(instance.exports)) note(v);
  };
  // instanceof still holds for memories made elsewhere (a module's own, another thread's).
  WebAssembly.Memory = class extends Base {
    static override [Symbol.hasInstance](x: unknown): boolean {
      return x instanceof Base;
    }
    constructor(descriptor: WebAssembly.MemoryDescriptor) {
      super(descriptor);
      note(this);
    }
  } as typeof WebAssembly.Memory;
  const BaseInstance = WebAssembly.Instance;
  WebAssembly.Instance = class extends BaseInstance {
    static override [Symbol.hasInstance](x: unknown): boolean {
      return x instanceof BaseInstance;
    }
    constructor(module: WebAssembly.Module, imports?: WebAssembly.Imports) {
      super(module, imports);
      exported(this);
    }
  } as typeof WebAssembly.Instance;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = (async (...args: Parameters<typeof instantiate>) => {
    const made = await instantiate(...args);
    exported(
      made instanceof BaseInstance ? made : (made as WebAssembly.WebAssemblyInstantiatedSource).instance,
    );
    return made;
  }) as typeof instantiate;
}

export function threadMemory(): ThreadMemory {
  const h = getHeapStatistics();
  const wasm = memories.flatMap((r) => {
    const m = r.deref();
    return m && m.buffer.byteLength > 0 ? [m.buffer.byteLength] : [];
  });
  const wasmBytes = wasm.reduce((a, b) => a + b, 0);
  return {
    heapMb: mb(h.total_heap_size),
    heapUsedMb: mb(h.used_heap_size),
    // V8 counts a wasm memory's buffer as external too: taken out, it is in wasmMb.
    externalMb: mb(Math.max(0, h.external_memory - wasmBytes)),
    wasmMb: wasm.map(mb),
  };
}
