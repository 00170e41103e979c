// Reading inputs for the CLI: size limit, binary detection, decoding, input format by extension.
// The checks are pure functions over bytes; the fs access is injected so it can be faked in tests.
import { promises as nodeFs } from 'node:fs';
import * as path from 'node:path';
import type { InputFormat } from './args';

/** How many leading bytes are inspected for NUL bytes and invalid UTF-8. */
export const SNIFF_BYTES = 8 * 1024;

export type LoadResult = { ok: true; text: string } | { ok: false; reason: string };

/** The name shown for standard input in messages and reports. */
export const STDIN_NAME = '<stdin>';

/** `.txt` → text; `.md`, `.markdown` and everything else (stdin included) → markdown. */
export function formatForPath(file: string, forced: InputFormat | null): InputFormat {
  if (forced) return forced;
  if (file === '-') return 'markdown';
  return path.extname(file).toLowerCase() === '.txt' ? 'text' : 'markdown';
}

export function displayName(file: string): string {
  return file === '-' ? STDIN_NAME : file;
}

/** Why these bytes are not a text draft, or null when they look like UTF-8 text. */
export function binaryReason(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return 'binary file (contains NUL bytes)';
  try {
    // `stream: true` tolerates a multi-byte character cut by the 8 KB window; anything else invalid throws.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return 'binary file (not valid UTF-8)';
  }
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

export function tooLargeReason(size: number | null, maxSize: number): string {
  const actual = size === null ? 'more than ' + formatBytes(maxSize) : formatBytes(size);
  return `file too large (${actual}; the limit is ${formatBytes(maxSize)}, see --max-size)`;
}

/** Checks and decodes a whole input. A UTF-8 byte order mark is dropped, as editors do. */
export function decodeInput(bytes: Uint8Array, maxSize: number): LoadResult {
  if (bytes.length > maxSize) return { ok: false, reason: tooLargeReason(bytes.length, maxSize) };
  const binary = binaryReason(bytes);
  if (binary) return { ok: false, reason: binary };
  // Past the sniffed head, stray invalid bytes become U+FFFD rather than refusing the whole draft.
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'no such file (a parent is not a directory)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export interface FileSystem {
  stat(file: string): Promise<{ isDirectory(): boolean; isFile(): boolean; size: number }>;
  readFile(file: string): Promise<Uint8Array>;
}

export async function loadFile(file: string, maxSize: number, fs: FileSystem = nodeFs): Promise<LoadResult> {
  try {
    const info = await fs.stat(file);
    if (info.isDirectory()) return { ok: false, reason: 'is a directory' };
    // Regular files are refused before reading; pipes and devices are checked once read.
    if (info.isFile() && info.size > maxSize) return { ok: false, reason: tooLargeReason(info.size, maxSize) };
    return decodeInput(await fs.readFile(file), maxSize);
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
}

/** Reads a stream to the end, giving up as soon as it passes `maxSize` bytes. */
export async function loadStream(stream: AsyncIterable<Uint8Array | string>, maxSize: number): Promise<LoadResult> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      size += bytes.length;
      if (size > maxSize) return { ok: false, reason: tooLargeReason(null, maxSize) };
      chunks.push(bytes);
    }
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
  return decodeInput(Buffer.concat(chunks), maxSize);
}
