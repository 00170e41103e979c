// Stage 1: Markdown → prose with an exact offset map.
//
// Instead of extracting text and keeping a table of offsets, we MASK: every character that is not
// prose (front matter, code, comments, URLs, markup) is replaced by a space, and soft line breaks
// become spaces. The masked string has the same length as the file, so an offset in the prose IS an
// offset in the file, and `file.slice(start, end)` is always the text of a reported span.
// Blocks (paragraphs, headings, list items, table rows) are kept as ranges, so later stages never
// join text across them by accident.

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'blockquote' | 'table-row';

export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
}

export interface ProseDocument {
  source: string;
  /** Same length as `source`; non-prose characters are spaces. */
  prose: string;
  blocks: Block[];
}

const SPACE = 32;

interface Line {
  start: number;
  /** End of the line's content, before "\r\n" or "\n". */
  end: number;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 10 || code === 13) {
      lines.push({ start, end: i });
      if (code === 13 && source.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: source.length });
  return lines;
}

function decode(codes: Uint16Array): string {
  let out = '';
  const chunk = 8192;
  for (let i = 0; i < codes.length; i += chunk) {
    out += String.fromCharCode.apply(null, codes.subarray(i, i + chunk) as unknown as number[]);
  }
  return out;
}

class Masker {
  readonly codes: Uint16Array;
  constructor(readonly source: string) {
    this.codes = new Uint16Array(source.length);
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      // Control characters, line breaks and tabs read as spaces; NUL bytes too.
      this.codes[i] = code < 32 || code === 0x2028 || code === 0x2029 ? SPACE : code;
    }
    // Some wire and newspaper copy writes a double quotation mark as two apostrophes (''…''): read the
    // pair as one mark, so later stages see an ordinary quote (the lengths, and so offsets, stay equal).
    for (let i = 0; i + 1 < source.length; i++) {
      if (this.codes[i] === 39 && this.codes[i + 1] === 39 && this.codes[i + 2] !== 39) {
        const opening = i === 0 || /\s/.test(source[i - 1]);
        this.codes[i] = opening ? SPACE : 34;
        this.codes[i + 1] = opening ? 34 : SPACE;
        i++;
      }
    }
  }
  blank(start: number, end: number): void {
    for (let i = Math.max(0, start); i < Math.min(end, this.codes.length); i++) this.codes[i] = SPACE;
  }
}

/** Plain text: paragraphs are separated by blank lines; nothing is masked but control characters. */
export function plainTextToProse(source: string): ProseDocument {
  const masker = new Masker(source);
  const blocks: Block[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  for (const line of splitLines(source)) {
    if (isBlank(source, line)) {
      if (blockStart >= 0) blocks.push({ start: blockStart, end: blockEnd, kind: 'paragraph' });
      blockStart = -1;
    } else {
      if (blockStart < 0) blockStart = line.start;
      blockEnd = line.end;
    }
  }
  if (blockStart >= 0) blocks.push({ start: blockStart, end: blockEnd, kind: 'paragraph' });
  return { source, prose: decode(masker.codes), blocks: blocks.map((b) => trimBlock(source, b)).filter(nonEmpty) };
}

function isBlank(source: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = source.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function trimBlock(text: string, block: Block): Block {
  let { start, end } = block;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end, kind: block.kind };
}

function nonEmpty(block: Block): boolean {
  return block.end > block.start;
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}((\*[ \t]*){3,}|(-[ \t]*){3,}|(_[ \t]*){3,})$/;
const LIST_MARKER = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const BLOCKQUOTE_MARKER = /^[ \t]{0,3}>[ \t]?/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S+/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/;
const IMAGE_ONLY = /^[ \t]*!\[[^\]]*\]\([^)]*\)[ \t]*$/;

/** Markdown: mask everything that is not prose and record the blocks of prose. */
export function markdownToProse(source: string): ProseDocument {
  const masker = new Masker(source);
  const lines = splitLines(source);
  const blocks: Block[] = [];
  let open: Block | null = null;
  const close = (): void => {
    if (open) blocks.push(open);
    open = null;
  };
  const extend = (kind: BlockKind, start: number, end: number, fresh: boolean): void => {
    if (!open || fresh || open.kind !== kind) {
      close();
      open = { start, end, kind };
    } else open.end = end;
  };

  let index = 0;
  index = skipFrontMatter(source, lines, masker);

  let fence: string | null = null;
  let inComment = false;
  let previousBlank = true;
  for (; index < lines.length; index++) {
    const line = lines[index];
    const text = source.slice(line.start, line.end);

    if (inComment) {
      const endComment = text.indexOf('-->');
      if (endComment < 0) {
        masker.blank(line.start, line.end);
        continue;
      }
      masker.blank(line.start, line.start + endComment + 3);
      inComment = false;
      if (text.slice(endComment + 3).trim() === '') {
        close();
        continue;
      }
    }
    if (fence !== null) {
      masker.blank(line.start, line.end);
      const closing = FENCE.exec(text);
      if (closing && closing[1][0] === fence[0] && closing[1].length >= fence.length && text.trim() === closing[1]) fence = null;
      continue;
    }
    const opening = FENCE.exec(text);
    if (opening) {
      close();
      fence = opening[1];
      masker.blank(line.start, line.end);
      previousBlank = false;
      continue;
    }
    if (text.trim() === '') {
      close();
      previousBlank = true;
      continue;
    }
    // Indented code: only after a blank line and outside lists, so wrapped list items stay prose.
    if (previousBlank && /^( {4}|\t)/.test(text) && (!open || (open as Block).kind !== 'list-item') && blocks.length > 0 && blocks[blocks.length - 1].kind !== 'list-item') {
      close();
      masker.blank(line.start, line.end);
      continue;
    }
    previousBlank = false;

    let contentStart = line.start;
    let kind: BlockKind = 'paragraph';
    let fresh = false;
    // Container prefixes: blockquote markers (possibly nested), then a list marker.
    let rest = text;
    let quoted = false;
    for (let guard = 0; guard < 8; guard++) {
      const quoteMarker = BLOCKQUOTE_MARKER.exec(rest);
      if (!quoteMarker) break;
      masker.blank(contentStart, contentStart + quoteMarker[0].length);
      contentStart += quoteMarker[0].length;
      rest = rest.slice(quoteMarker[0].length);
      quoted = true;
    }
    if (quoted) {
      kind = 'blockquote';
      if (rest.trim() === '') {
        close();
        continue;
      }
    }
    const list = LIST_MARKER.exec(rest);
    if (list && !THEMATIC_BREAK.test(rest)) {
      masker.blank(contentStart, contentStart + list[0].length);
      contentStart += list[0].length;
      rest = rest.slice(list[0].length);
      kind = 'list-item';
      fresh = true;
    } else if (!quoted && open && (open as Block).kind === 'list-item' && /^[ \t]+/.test(rest)) {
      kind = 'list-item'; // continuation of a list item
    }

    if (THEMATIC_BREAK.test(rest)) {
      close();
      masker.blank(contentStart, line.end);
      continue;
    }
    if (!quoted && kind !== 'list-item' && open && (open as Block).kind === 'paragraph' && SETEXT_UNDERLINE.test(rest)) {
      // The paragraph above was a heading.
      (open as Block).kind = 'heading';
      masker.blank(contentStart, line.end);
      close();
      continue;
    }
    const heading = ATX_HEADING.exec(rest);
    if (heading) {
      masker.blank(contentStart, contentStart + heading[0].length);
      // Closing hashes: "## Title ##"
      const closingHashes = /[ \t]+#+[ \t]*$/.exec(rest);
      if (closingHashes) masker.blank(line.end - closingHashes[0].length, line.end);
      close();
      maskInline(source, masker, contentStart + heading[0].length, line.end);
      blocks.push({ start: contentStart + heading[0].length, end: line.end, kind: 'heading' });
      continue;
    }
    if (LINK_DEFINITION.test(rest) || IMAGE_ONLY.test(rest)) {
      close();
      masker.blank(contentStart, line.end);
      continue;
    }
    if (/^[ \t]*</.test(rest) && /^[ \t]*<\/?[A-Za-z!]/.test(rest)) {
      // HTML block or comment at line start.
      const commentStart = rest.indexOf('<!--');
      if (commentStart >= 0 && rest.trimStart().startsWith('<!--')) {
        const commentEnd = rest.indexOf('-->', commentStart + 4);
        if (commentEnd < 0) {
          close();
          masker.blank(contentStart, line.end);
          inComment = true;
          continue;
        }
        if (rest.slice(commentEnd + 3).trim() === '') {
          close();
          masker.blank(contentStart, line.end);
          continue;
        }
      }
    }
    if (TABLE_DELIMITER.test(rest) && rest.includes('-') && rest.includes('|')) {
      if (open && (open as Block).kind === 'paragraph') (open as Block).kind = 'table-row';
      close();
      masker.blank(contentStart, line.end);
      continue;
    }
    if (rest.includes('|') && /^\s*\|/.test(rest)) {
      // Table row: each row is its own block; pipes are not prose.
      close();
      for (let i = contentStart; i < line.end; i++) if (source.charCodeAt(i) === 124) masker.codes[i] = SPACE;
      maskInline(source, masker, contentStart, line.end);
      blocks.push({ start: contentStart, end: line.end, kind: 'table-row' });
      continue;
    }

    const unclosedComment = maskInline(source, masker, contentStart, line.end);
    extend(kind, contentStart, line.end, fresh);
    if (unclosedComment) inComment = true;
  }
  close();
  const prose = decode(masker.codes);
  const trimmed = blocks.map((block) => trimBlock(prose, block)).filter(nonEmpty);
  return { source, prose, blocks: trimmed };
}

function skipFrontMatter(source: string, lines: Line[], masker: Masker): number {
  if (lines.length === 0) return 0;
  const first = source.slice(lines[0].start, lines[0].end);
  const delimiter = first.replace(/^\uFEFF/, '').trimEnd();
  if (delimiter !== '---' && delimiter !== '+++') return 0;
  for (let i = 1; i < lines.length; i++) {
    const text = source.slice(lines[i].start, lines[i].end).trimEnd();
    if (text === delimiter || (delimiter === '---' && text === '...')) {
      masker.blank(0, lines[i].end);
      return i + 1;
    }
  }
  return 0; // no closing delimiter: not front matter
}

/**
 * Masks inline markup between start and end: code spans, HTML tags and comments, link targets,
 * images, autolinks, bare URLs, emphasis markers and backslash escapes. Returns true when an
 * HTML comment opens and does not close on this line.
 */
function maskInline(source: string, masker: Masker, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const c = source.charCodeAt(i);
    if (c === 92 /* \ */ && i + 1 < end && /[!-\/:-@\[-`{-~]/.test(source[i + 1])) {
      masker.codes[i] = SPACE;
      i += 2;
      continue;
    }
    if (c === 96 /* ` */) {
      let run = 1;
      while (source.charCodeAt(i + run) === 96) run++;
      const marker = '`'.repeat(run);
      const close = source.indexOf(marker, i + run);
      if (close >= 0 && close < end) {
        masker.blank(i, close + run);
        i = close + run;
        continue;
      }
      masker.blank(i, i + run);
      i += run;
      continue;
    }
    if (c === 60 /* < */) {
      if (source.startsWith('<!--', i)) {
        const close = source.indexOf('-->', i + 4);
        if (close < 0 || close >= end) {
          masker.blank(i, end);
          return true;
        }
        masker.blank(i, close + 3);
        i = close + 3;
        continue;
      }
      const tag = /^<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?|[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/.exec(source.slice(i, Math.min(end, i + 500)));
      if (tag) {
        masker.blank(i, i + tag[0].length);
        i += tag[0].length;
        continue;
      }
    }
    if (c === 33 /* ! */ && source.charCodeAt(i + 1) === 91 /* [ */) {
      const image = matchLink(source, i + 1, end);
      if (image) {
        masker.blank(i, image.end);
        i = image.end;
        continue;
      }
    }
    if (c === 91 /* [ */) {
      const link = matchLink(source, i, end);
      if (link) {
        masker.codes[i] = SPACE;
        masker.blank(link.textEnd, link.end);
        // The link text is prose, but may itself hold markup.
        maskInline(source, masker, i + 1, link.textEnd);
        i = link.end;
        continue;
      }
    }
    if ((c === 104 /* h */ || c === 119 /* w */) && /^(?:https?:\/\/|www\.)/.test(source.slice(i, i + 8))) {
      const before = i > start ? source[i - 1] : ' ';
      if (!/[A-Za-z0-9]/.test(before)) {
        let j = i;
        while (j < end && !/[\s<>"'“”‘’)\]]/.test(source[j])) j++;
        while (j > i && /[.,;:!?]/.test(source[j - 1])) j--;
        masker.blank(i, j);
        i = j;
        continue;
      }
    }
    if (c === 42 /* * */ || c === 126 /* ~ */) {
      masker.codes[i] = SPACE;
      i++;
      continue;
    }
    if (c === 95 /* _ */) {
      // Intraword underscores (snake_case) are text; flanking ones are emphasis.
      const before = i > start ? source[i - 1] : ' ';
      const after = i + 1 < end ? source[i + 1] : ' ';
      if (!(/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after))) masker.codes[i] = SPACE;
      i++;
      continue;
    }
    i++;
  }
  return false;
}

interface LinkMatch {
  textEnd: number;
  end: number;
}

/** `[text](target "title")`, `[text][ref]` or `[text][]` starting at `[`. */
function matchLink(source: string, open: number, end: number): LinkMatch | null {
  let depth = 0;
  let i = open;
  for (; i < end; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) break;
    }
  }
  if (i >= end || depth !== 0) return null;
  const textEnd = i;
  const next = source[i + 1];
  if (next === '(') {
    let parens = 0;
    for (let j = i + 1; j < end; j++) {
      if (source[j] === '(') parens++;
      else if (source[j] === ')') {
        parens--;
        if (parens === 0) return { textEnd, end: j + 1 };
      }
    }
    return null;
  }
  if (next === '[') {
    const close = source.indexOf(']', i + 2);
    if (close >= 0 && close < end) return { textEnd, end: close + 1 };
  }
  return null;
}

export function toProse(source: string, format: 'markdown' | 'text'): ProseDocument {
  return format === 'text' ? plainTextToProse(source) : markdownToProse(source);
}
