// Decoding catalog bytes: BOMs, Windows-1252 detected from its first non-ASCII byte, UTF-16,
// characters split across chunks, and files that switch encoding refused with a clear message.
import { describe, expect, it } from 'vitest';
import { decodeText, type DecodeReport } from '../../../src/catalog/decode.ts';
import { CatalogFileError } from '../../../src/catalog/product.ts';

async function decode(chunks: Uint8Array[]): Promise<{ text: string; report: DecodeReport }> {
  const report: DecodeReport = { encoding: 'utf-8', bom: false };
  async function* source() {
    yield* chunks;
  }
  let text = '';
  for await (const part of decodeText(source(), report)) text += part;
  return { text, report };
}

const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeText', () => {
  it('drops a UTF-8 BOM and joins a character split across chunks', async () => {
    const whole = bytes([0xef, 0xbb, 0xbf], 'Title\nCrème');
    const at = whole.indexOf(0xc3) + 1; // between the two bytes of è
    const { text, report } = await decode([whole.subarray(0, at), whole.subarray(at)]);
    expect(text).toBe('Title\nCrème');
    expect(report).toEqual({ encoding: 'utf-8', bom: true });
  });

  it('reads Windows-1252 when the first non-ASCII bytes are not UTF-8, even chunks later', async () => {
    const { text, report } = await decode([bytes('Handle,Title\n'), bytes('balm,Cr', [0xe8], 'me ', [0x80], '5\n')]);
    expect(text).toBe('Handle,Title\nbalm,Crème €5\n');
    expect(report.encoding).toBe('windows-1252');
  });

  it('reads UTF-16 little-endian with its BOM (spreadsheet "Unicode text")', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\ttitle\nA1\tCrème\n', 'utf16le')]);
    const { text, report } = await decode([utf16.subarray(0, 7), utf16.subarray(7)]);
    expect(text).toBe('id\ttitle\nA1\tCrème\n');
    expect(report).toEqual({ encoding: 'utf-16le', bom: true });
  });

  it('refuses a file that is UTF-8 and then not', async () => {
    const failure = await decode([bytes('id,title\n1,Crème\n'), bytes('2,Cr', [0xe8], 'me\n')]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(CatalogFileError);
    expect((failure as Error).message).toMatch(/UTF-8 up to about byte 18 and then has bytes that are not UTF-8; save it again as UTF-8/);
  });

  it('refuses a file cut in the middle of a UTF-8 character', async () => {
    const failure = await decode([bytes('id,title\n1,Cr', [0xc3])]).then(
      () => null,
      (e: unknown) => e,
    );
    expect((failure as Error).message).toMatch(/middle of a UTF-8 character/);
  });
});
