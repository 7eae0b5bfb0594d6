// Typed arrays for short-lived per-text results, carved from large shared ArrayBuffers. Allocating a
// fresh ArrayBuffer per small array was a leading fixed cost of featurizing short comments; here most
// calls only bump an offset. A full slab is replaced, never reused, so every view handed out stays
// valid (a slab is freed once no view of it is left).
export class Slab {
  private buffer: ArrayBuffer;
  private used = 0;

  constructor(private readonly size = 256 * 1024) {
    this.buffer = new ArrayBuffer(size);
  }

  /** Reserves `bytes` fresh (zeroed) bytes, 4-aligned; read `slab.current` for the buffer they lie in. */
  reserve(bytes: number): number {
    if (this.used + bytes > this.buffer.byteLength) {
      this.buffer = new ArrayBuffer(Math.max(this.size, bytes));
      this.used = 0;
    }
    const at = this.used;
    this.used = (at + bytes + 3) & ~3;
    return at;
  }

  /** The buffer the last reserve() came from. */
  get current(): ArrayBuffer {
    return this.buffer;
  }
}
