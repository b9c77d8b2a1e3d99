// Writes a tiny random-weight Llama-architecture GGUF (byte-level vocabulary, one layer, F32), so the llama-cpp path
// can be tested with no real weights. Its output is noise; it exists only to exercise loading, streaming, seeds and
// abort. Format: GGUF v3 as documented in the llama.cpp repository (docs/gguf.md / ggml/include/gguf.h).
import { writeFile } from 'node:fs/promises';
import { seededRandom } from './demo';

const ALIGN = 32;
enum T {
  UINT32 = 4,
  INT32 = 5,
  FLOAT32 = 6,
  STRING = 8,
  ARRAY = 9,
}
type Value = { t: T.UINT32 | T.INT32 | T.FLOAT32; v: number } | { t: T.STRING; v: string } | { t: T.ARRAY; of: T.STRING | T.FLOAT32 | T.INT32; v: Array<string | number> };

class Writer {
  private parts: Buffer[] = [];
  length = 0;
  push(b: Buffer) {
    this.parts.push(b);
    this.length += b.length;
  }
  u32(n: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    this.push(b);
  }
  i32(n: number) {
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    this.push(b);
  }
  u64(n: number) {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    this.push(b);
  }
  f32(n: number) {
    const b = Buffer.alloc(4);
    b.writeFloatLE(n);
    this.push(b);
  }
  str(s: string) {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.push(b);
  }
  scalar(t: T, v: string | number) {
    if (t === T.STRING) this.str(v as string);
    else if (t === T.UINT32) this.u32(v as number);
    else if (t === T.INT32) this.i32(v as number);
    else this.f32(v as number);
  }
  pad() {
    const rem = this.length % ALIGN;
    if (rem) this.push(Buffer.alloc(ALIGN - rem));
  }
  buffer() {
    return Buffer.concat(this.parts);
  }
}

export interface TinyGgufOptions {
  seed?: number;
  embd?: number;
  ff?: number;
  heads?: number;
  contextLength?: number;
}

/** Writes the model to `path` and returns its size in bytes. */
export async function writeTinyGguf(path: string, options: TinyGgufOptions = {}): Promise<number> {
  const rng = seededRandom(options.seed ?? 1);
  const embd = options.embd ?? 64;
  const ff = options.ff ?? 128;
  const heads = options.heads ?? 4;
  const ctx = options.contextLength ?? 512;

  // Vocabulary: <unk> <s> </s>, the 256 byte tokens, then printable ASCII characters as normal tokens.
  const tokens: string[] = ['<unk>', '<s>', '</s>'];
  const types: number[] = [2, 3, 3]; // unknown, control, control
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(6); // byte
  }
  for (let c = 32; c < 127; c++) {
    tokens.push(c === 32 ? '\u2581' : String.fromCharCode(c));
    types.push(1); // normal
  }
  const vocab = tokens.length;

  const kv: Array<[string, Value]> = [
    ['general.architecture', { t: T.STRING, v: 'llama' }],
    ['general.name', { t: T.STRING, v: 'pnyx-tiny-random' }],
    ['llama.context_length', { t: T.UINT32, v: ctx }],
    ['llama.embedding_length', { t: T.UINT32, v: embd }],
    ['llama.block_count', { t: T.UINT32, v: 1 }],
    ['llama.feed_forward_length', { t: T.UINT32, v: ff }],
    ['llama.attention.head_count', { t: T.UINT32, v: heads }],
    ['llama.attention.head_count_kv', { t: T.UINT32, v: heads }],
    ['llama.attention.layer_norm_rms_epsilon', { t: T.FLOAT32, v: 1e-5 }],
    ['llama.rope.dimension_count', { t: T.UINT32, v: embd / heads }],
    ['llama.vocab_size', { t: T.UINT32, v: vocab }],
    ['tokenizer.ggml.model', { t: T.STRING, v: 'llama' }],
    ['tokenizer.ggml.tokens', { t: T.ARRAY, of: T.STRING, v: tokens }],
    ['tokenizer.ggml.scores', { t: T.ARRAY, of: T.FLOAT32, v: tokens.map((_, i) => -i) }],
    ['tokenizer.ggml.token_type', { t: T.ARRAY, of: T.INT32, v: types }],
    ['tokenizer.ggml.bos_token_id', { t: T.UINT32, v: 1 }],
    ['tokenizer.ggml.eos_token_id', { t: T.UINT32, v: 2 }],
    ['tokenizer.ggml.unknown_token_id', { t: T.UINT32, v: 0 }],
  ];

  const tensors: Array<{ name: string; dims: number[]; norm?: boolean }> = [
    { name: 'token_embd.weight', dims: [embd, vocab] },
    { name: 'output_norm.weight', dims: [embd], norm: true },
    { name: 'output.weight', dims: [embd, vocab] },
    { name: 'blk.0.attn_norm.weight', dims: [embd], norm: true },
    { name: 'blk.0.attn_q.weight', dims: [embd, embd] },
    { name: 'blk.0.attn_k.weight', dims: [embd, embd] },
    { name: 'blk.0.attn_v.weight', dims: [embd, embd] },
    { name: 'blk.0.attn_output.weight', dims: [embd, embd] },
    { name: 'blk.0.ffn_norm.weight', dims: [embd], norm: true },
    { name: 'blk.0.ffn_gate.weight', dims: [embd, ff] },
    { name: 'blk.0.ffn_up.weight', dims: [embd, ff] },
    { name: 'blk.0.ffn_down.weight', dims: [ff, embd] },
  ];

  const w = new Writer();
  w.push(Buffer.from('GGUF', 'ascii'));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(kv.length);
  for (const [key, value] of kv) {
    w.str(key);
    w.u32(value.t);
    if (value.t === T.ARRAY) {
      w.u32(value.of);
      w.u64(value.v.length);
      for (const item of value.v) w.scalar(value.of, item);
    } else w.scalar(value.t, value.v);
  }
  let offset = 0;
  const sizes = tensors.map((t) => t.dims.reduce((a, b) => a * b, 1) * 4);
  tensors.forEach((t, i) => {
    w.str(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(0); // F32
    w.u64(offset);
    offset += Math.ceil(sizes[i]! / ALIGN) * ALIGN;
  });
  w.pad();
  tensors.forEach((t, i) => {
    const data = Buffer.alloc(sizes[i]!);
    const scale = 1 / Math.sqrt(t.dims[0]!);
    for (let k = 0; k < data.length / 4; k++) data.writeFloatLE(t.norm ? 1 : (rng() * 2 - 1) * scale * 2, k * 4);
    w.push(data);
    w.pad();
  });
  const buffer = w.buffer();
  await writeFile(path, buffer);
  return buffer.length;
}
