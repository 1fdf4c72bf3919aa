// Decodes file bytes as VS Code would for YAML: UTF-8 (BOM stripped), UTF-16 only with a BOM; refuses binary data.

export type DecodeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'nul' | 'utf8' | 'utf16'; /** Byte offset of the first offending byte. */ readonly offset: number };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Offset of the first byte that breaks UTF-8 (only called after decoding failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** Decodes a file's bytes; NUL bytes or invalid UTF-8 make it binary (a finding, never an exception). */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2) {
    const le = bytes[0] === 0xff && bytes[1] === 0xfe;
    const be = bytes[0] === 0xfe && bytes[1] === 0xff;
    if (le || be) {
      try {
        const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
        return text.includes('\0') ? { ok: false, reason: 'nul', offset: 0 } : { ok: true, text };
      } catch {
        return { ok: false, reason: 'utf16', offset: 0 };
      }
    }
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: 'nul', offset: nul };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'utf8', offset: firstInvalidUtf8(bytes) };
  }
}
