// Reading and writing page files byte-exactly: the text handed to the core keeps its BOM and line endings, and a
// fixed text is written back in the file's own encoding, only when nothing changed the file meanwhile.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, promises as fsp, readSync, statSync, type BigIntStats } from 'node:fs';
import * as path from 'node:path';

export type Encoding = 'utf8' | 'utf16le' | 'utf16be';

/** What the cache compares to tell an unchanged file without reading it. */
export interface FileStamp {
  readonly size: number;
  /** Size, modification and change times in nanoseconds, inode: `size:mtimeNs:ctimeNs:ino`. */
  readonly key: string;
  /** The later of the modification and change times, in whole milliseconds since the epoch. */
  readonly changedMs: number;
}

function stampOf(s: BigIntStats): FileStamp {
  const changed = s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs;
  return { size: Number(s.size), key: `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`, changedMs: Number(changed / 1_000_000n) };
}

/** The stamp of a regular file, or undefined (missing, unreadable, not a regular file). */
export function statStamp(file: string): FileStamp | undefined {
  try {
    const s = statSync(file, { bigint: true });
    return s.isFile() ? stampOf(s) : undefined;
  } catch {
    return undefined;
  }
}

export type ReadResult =
  | { readonly kind: 'text'; readonly bytes: Buffer; readonly text: string; readonly encoding: Encoding; readonly lossless: boolean; readonly stamp: FileStamp }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'error'; readonly code: string };

function swapBytes(buf: Buffer): Buffer {
  const out = Buffer.from(buf.subarray(0, buf.length - (buf.length % 2)));
  out.swap16();
  return out;
}

/** Decodes by BOM (UTF-16 LE/BE), else UTF-8; the BOM stays in the text, as the core expects. */
export function decode(bytes: Buffer): { text: string; encoding: Encoding; lossless: boolean } {
  let encoding: Encoding = 'utf8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf16le';
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf16be';
  const text = encoding === 'utf16be' ? swapBytes(bytes).toString('utf16le') : bytes.toString(encoding);
  // Invalid UTF-8 decodes to U+FFFD: such a file is checked but never rewritten (that would destroy its bytes).
  const lossless = !text.includes('\uFFFD') || encode(text, encoding).equals(bytes);
  return { text, encoding, lossless };
}

export function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === 'utf16be') return swapBytes(Buffer.from(text, 'utf16le'));
  return Buffer.from(text, encoding);
}

/**
 * Opening without blocking: a FIFO would otherwise wait for a writer. It has no effect on a regular file, the only kind
 * that is read. (Windows has no such flag, and no FIFOs to fear there.)
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** One read buffer for every page (pages are read one at a time); each page's bytes are copied out of it. */
const scratch = Buffer.allocUnsafe(256 * 1024);

/**
 * Reads a page unless it is larger than `maxBytes` or binary (a NUL character); errors carry their code.
 * Synchronous on purpose: the CLI has nothing else to do meanwhile, and a page is a few kilobytes, so one system call
 * each for open, stat, read and close is much cheaper than a round trip through the thread pool for each of them.
 */
export function readPage(file: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(file, OPEN_FLAGS);
    // Taken before the read: a change made while reading changes the stamp, so the next run reads the file again.
    const stat = fstatSync(fd, { bigint: true });
    // Only regular files: a FIFO would block the read forever, a device (/dev/zero) never ends.
    if (!stat.isFile()) return { kind: 'error', code: 'not a regular file' };
    const size = Number(stat.size);
    if (size > maxBytes) return { kind: 'skipped', reason: `larger than ${maxBytes} bytes` };
    // The size the file says it has is read straight into a buffer of that size; then on, in chunks, to the end, at
    // most maxBytes + 1 bytes in all: the file may grow, or lie about its size, while it is read.
    const limit = maxBytes + 1;
    const sized = Buffer.allocUnsafe(size);
    let total = 0;
    while (total < size) {
      const bytesRead = readSync(fd, sized, total, size - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    const chunks: Buffer[] = [total === size ? sized : sized.subarray(0, total)];
    while (total < limit) {
      const bytesRead = readSync(fd, scratch, 0, Math.min(scratch.length, limit - total), null);
      if (bytesRead === 0) break;
      chunks.push(Buffer.from(scratch.subarray(0, bytesRead)));
      total += bytesRead;
    }
    const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    if (bytes.length > maxBytes) return { kind: 'skipped', reason: `larger than ${maxBytes} bytes` };
    const decoded = decode(bytes);
    if (decoded.text.includes('\u0000')) return { kind: 'skipped', reason: 'binary (contains NUL bytes)' };
    // Fields listed: a property after a spread (`{ ...decoded, stamp }`) is slow in V8 11 (see src/core/analysis.ts).
    return { kind: 'text', bytes, text: decoded.text, encoding: decoded.encoding, lossless: decoded.lossless, stamp: stampOf(stat) };
  } catch (e) {
    return { kind: 'error', code: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Nothing was written; a failed close loses nothing.
      }
    }
  }
}

export type WriteResult = { readonly kind: 'written' } | { readonly kind: 'changed' } | { readonly kind: 'error'; readonly code: string };

/**
 * Replaces `file` (a real path, no link) with `text` when its bytes are still `expected`: written to a temporary file
 * in the same folder with the original mode, then renamed over the file, so a reader never sees half a page.
 */
export async function writePageIfUnchanged(file: string, expected: Buffer, text: string, encoding: Encoding): Promise<WriteResult> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const current = await fsp.readFile(file);
    if (!current.equals(expected)) return { kind: 'changed' };
    const mode = (await fsp.stat(file)).mode & 0o7777;
    await fsp.writeFile(tmp, encode(text, encoding), { flag: 'wx', mode });
    // writeFile's mode is filtered by the umask; the page keeps exactly the mode it had.
    await fsp.chmod(tmp, mode);
    await fsp.rename(tmp, file);
    return { kind: 'written' };
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    return { kind: 'error', code: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
}
