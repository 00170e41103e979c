import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import {
  binaryReason,
  decodeInput,
  displayName,
  formatBytes,
  formatForPath,
  loadFile,
  loadStream,
  SNIFF_BYTES,
  STDIN_NAME,
} from '../../src/cli/files';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('cli files: input format and names', () => {
  it('picks text for .txt and markdown for everything else', () => {
    assert.equal(formatForPath('notes.txt', null), 'text');
    assert.equal(formatForPath('NOTES.TXT', null), 'text');
    assert.equal(formatForPath('draft.md', null), 'markdown');
    assert.equal(formatForPath('draft.markdown', null), 'markdown');
    assert.equal(formatForPath('draft', null), 'markdown');
    assert.equal(formatForPath('draft.rst', null), 'markdown');
    assert.equal(formatForPath('-', null), 'markdown');
  });

  it('lets --format win over the extension', () => {
    assert.equal(formatForPath('notes.txt', 'markdown'), 'markdown');
    assert.equal(formatForPath('draft.md', 'text'), 'text');
    assert.equal(formatForPath('-', 'text'), 'text');
  });

  it('names standard input', () => {
    assert.equal(displayName('-'), STDIN_NAME);
    assert.equal(displayName('a.md'), 'a.md');
  });

  it('formats byte counts', () => {
    assert.equal(formatBytes(12), '12 bytes');
    assert.equal(formatBytes(2048), '2 KB');
    assert.equal(formatBytes(5 * 1024 * 1024), '5 MB');
    assert.equal(formatBytes(1.5 * 1024 * 1024), '1.5 MB');
  });
});

describe('cli files: binary detection', () => {
  it('accepts UTF-8 text, emoji and curly quotes included', () => {
    assert.equal(binaryReason(utf8('“Hello,” she said. 😀 Brasília\r\n')), null);
    assert.equal(binaryReason(new Uint8Array()), null);
  });

  it('refuses NUL bytes in the first 8 KB', () => {
    assert.match(binaryReason(new Uint8Array([0x48, 0x00, 0x49]))!, /NUL/);
  });

  it('refuses invalid UTF-8 in the first 8 KB', () => {
    assert.match(binaryReason(new Uint8Array([0x48, 0xff, 0x49]))!, /UTF-8/);
    assert.match(binaryReason(new Uint8Array([0xc3, 0x28]))!, /UTF-8/); // bad continuation byte
  });

  it('refuses a Latin-1 file', () => {
    assert.match(binaryReason(Buffer.from('Bras\u00edlia said', 'latin1'))!, /UTF-8/);
  });

  it('does not blame a character cut by the 8 KB window', () => {
    const bytes = utf8('a'.repeat(SNIFF_BYTES - 1) + '€ and more'); // "€" is 3 bytes, split at 8192
    assert.equal(binaryReason(bytes), null);
  });

  it('only looks at the first 8 KB', () => {
    const bytes = Buffer.concat([utf8('a'.repeat(SNIFF_BYTES)), new Uint8Array([0, 0xff])]);
    assert.equal(binaryReason(bytes), null);
  });
});

describe('cli files: decodeInput', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    assert.deepEqual(decodeInput(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Hi “there”')]), 100), { ok: true, text: 'Hi “there”' });
  });

  it('keeps CRLF as it is', () => {
    assert.deepEqual(decodeInput(utf8('a\r\nb'), 100), { ok: true, text: 'a\r\nb' });
  });

  it('refuses inputs over the limit', () => {
    const result = decodeInput(utf8('x'.repeat(11)), 10);
    assert.equal(result.ok, false);
    assert.match((result as { reason: string }).reason, /too large \(11 bytes; the limit is 10 bytes, see --max-size\)/);
    assert.equal(decodeInput(utf8('x'.repeat(10)), 10).ok, true);
  });
});

describe('cli files: loadFile and loadStream', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'source-trace-files-'));
    writeFileSync(path.join(dir, 'ok.md'), 'Hello.\n');
    writeFileSync(path.join(dir, 'big.md'), 'x'.repeat(2048));
    writeFileSync(path.join(dir, 'bin.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file', async () => {
    assert.deepEqual(await loadFile(path.join(dir, 'ok.md'), 100), { ok: true, text: 'Hello.\n' });
  });

  it('explains a missing file, a directory, a binary file and a file too large', async () => {
    assert.deepEqual(await loadFile(path.join(dir, 'nope.md'), 100), { ok: false, reason: 'no such file' });
    assert.deepEqual(await loadFile(dir, 100), { ok: false, reason: 'is a directory' });
    assert.match(((await loadFile(path.join(dir, 'bin.md'), 100)) as { reason: string }).reason, /^binary file/);
    assert.match(((await loadFile(path.join(dir, 'big.md'), 1024)) as { reason: string }).reason, /too large \(2 KB; the limit is 1 KB/);
  });

  it('reads a stream, and stops at the size limit', async () => {
    assert.deepEqual(await loadStream(Readable.from([utf8('“A,” '), utf8('she said.')]), 100), { ok: true, text: '“A,” she said.' });
    const big = await loadStream(Readable.from([utf8('x'.repeat(60)), utf8('x'.repeat(60))]), 100);
    assert.equal(big.ok, false);
    assert.match((big as { reason: string }).reason, /too large \(more than 100 bytes/);
  });

  it('joins a multi-byte character split across chunks', async () => {
    const bytes = utf8('😀');
    assert.deepEqual(await loadStream(Readable.from([bytes.subarray(0, 2), bytes.subarray(2)]), 100), { ok: true, text: '😀' });
  });
});
