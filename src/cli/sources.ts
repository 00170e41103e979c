// Source material and the source register for the CLI: `--sources GLOB`, the nearest `sources/`
// folder, a draft's front matter `sources:` globs, and `.source-trace/sources.yaml`.
// Node-only (file system); the matching and indexing themselves live in src/core.
import { promises as nodeFs } from 'node:fs';
import * as path from 'node:path';
import { createEvidenceIndex, SOURCE_EXTENSIONS, type EvidenceIndex } from '../core/evidence';
import { parseRegister, REGISTER_FILE, sourceGlobsFromFrontMatter } from '../core/register';
import type { RegisterEntry, SourceDocument } from '../core/types';

/** Default glob of source material, relative to the folder that holds `sources/`. */
export const DEFAULT_SOURCES_GLOB = 'sources/**';

/** Folders never walked into. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Source files larger than this are skipped (a transcript is rarely over a few MB). */
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 5000;

export interface SourcesFs {
  stat(file: string): Promise<{ isDirectory(): boolean; isFile(): boolean; size: number }>;
  readFile(file: string): Promise<Uint8Array>;
  readdir(dir: string): Promise<string[]>;
}

const defaultFs: SourcesFs = {
  stat: (file) => nodeFs.stat(file),
  readFile: (file) => nodeFs.readFile(file),
  readdir: (dir) => nodeFs.readdir(dir),
};

// ---------------------------------------------------------------------------------------------
// Globs

/**
 * A glob as a regular expression over "/"-separated relative paths: `**` any folders (also none),
 * `*` and `?` within one name, `{a,b}` alternatives, `[abc]` classes. A glob naming a folder
 * (`sources`, `sources/`) means everything under it.
 */
export function globToRegExp(glob: string): RegExp {
  let g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  if (g.endsWith('/')) g += '**';
  let out = '';
  let depth = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        const slashAfter = g[i + 2] === '/';
        const atStart = i === 0 || g[i - 1] === '/';
        if (atStart && slashAfter) {
          out += '(?:[^/]*/)*';
          i += 2;
        } else {
          out += '.*';
          i += 1;
        }
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      depth++;
      out += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (c === ',' && depth > 0) out += '|';
    else if (c === '[') {
      const close = g.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        const body = g.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** The folder part of a glob before its first wildcard: where walking starts. */
export function globBase(glob: string): string {
  const parts = glob.replace(/\\/g, '/').split('/');
  const base: string[] = [];
  for (const part of parts) {
    if (/[*?{[]/.test(part)) break;
    base.push(part);
  }
  // A glob without wildcards is a file or a folder: walk from its parent.
  if (base.length === parts.length) base.pop();
  return base.join('/') || '.';
}

function isSourceFile(file: string): boolean {
  const lower = file.toLowerCase();
  return SOURCE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

async function walk(dir: string, fs: SourcesFs, out: string[]): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  names.sort();
  for (const name of names) {
    if (out.length >= MAX_FILES) return;
    if (SKIP_DIRS.has(name)) continue;
    const full = path.join(dir, name);
    let info;
    try {
      info = await fs.stat(full);
    } catch {
      continue;
    }
    if (info.isDirectory()) await walk(full, fs, out);
    else if (info.isFile()) out.push(full);
  }
}

/**
 * Source files (.txt .md .vtt .srt) matching globs relative to `root`, as paths relative to `root`
 * with "/" separators. A glob that names a file or folder exactly matches it (and a folder's contents).
 */
export async function findSourceFiles(globs: readonly string[], root: string, fs: SourcesFs = defaultFs, exclude: readonly string[] = []): Promise<string[]> {
  const found = new Set<string>();
  const excluded = new Set(exclude.map((file) => path.resolve(file)));
  for (const glob of globs) {
    const clean = glob.replace(/\\/g, '/').replace(/^\.\//, '');
    const pattern = globToRegExp(clean);
    const folder = globToRegExp(clean.replace(/\/+$/, '') + '/**');
    const base = path.resolve(root, globBase(clean));
    const files: string[] = [];
    try {
      const info = await fs.stat(path.resolve(root, clean));
      if (info.isFile()) files.push(path.resolve(root, clean));
    } catch {
      // not a plain path: a pattern
    }
    await walk(base, fs, files);
    const absolute = path.isAbsolute(clean);
    for (const file of files) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      // An absolute glob is matched against absolute paths; either way files are named relative to root.
      const subject = absolute ? path.resolve(file).split(path.sep).join('/') : relative;
      if (!isSourceFile(relative) || excluded.has(path.resolve(file))) continue;
      if (pattern.test(subject) || folder.test(subject) || subject === clean) found.add(relative);
    }
  }
  return [...found].sort();
}

// ---------------------------------------------------------------------------------------------
// Finding the workspace

/** The draft's folder or its nearest ancestor holding `name` (a folder or file), or null. */
export async function nearestWith(start: string, name: string, fs: SourcesFs = defaultFs): Promise<string | null> {
  let dir = path.resolve(start);
  for (;;) {
    try {
      await fs.stat(path.join(dir, name));
      return dir;
    } catch {
      // keep climbing
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

async function readText(file: string, fs: SourcesFs): Promise<string | null> {
  try {
    const info = await fs.stat(file);
    if (!info.isFile() || info.size > MAX_SOURCE_BYTES) return null;
    const bytes = await fs.readFile(file);
    if (bytes.subarray(0, 8192).includes(0)) return null;
    return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

export interface SourceMaterial {
  /** Files indexed, relative to `root` (how verdicts name them). */
  files: string[];
  /** The folder paths in verdicts are relative to. */
  root: string;
  index: EvidenceIndex;
  /** Found by the default lookup (nearest `sources/`), not asked for. */
  implicit: boolean;
}

export interface SourceLoaderOptions {
  /** `--sources GLOB…`, relative to `cwd`. Empty: the draft's front matter, else the nearest `sources/`. */
  globs: readonly string[];
  cwd: string;
  fs?: SourcesFs;
}

/**
 * Loads and indexes source material for drafts, once per distinct set of files (several drafts
 * of one folder share one index).
 */
export class SourceLoader {
  private readonly indexes = new Map<string, SourceMaterial>();
  private readonly registers = new Map<string, RegisterEntry[] | Error>();
  private readonly fs: SourcesFs;

  constructor(private readonly options: SourceLoaderOptions) {
    this.fs = options.fs ?? defaultFs;
  }

  /** The material for a draft (`file` relative to cwd, or "-" for stdin), or null when there is none. */
  async materialFor(file: string, draftText: string): Promise<SourceMaterial | null> {
    const { cwd } = this.options;
    const draftDir = file === '-' ? cwd : path.dirname(path.resolve(cwd, file));
    const draftPath = file === '-' ? null : path.resolve(cwd, file);
    let root: string;
    let globs: readonly string[];
    let implicit = false;
    if (this.options.globs.length > 0) {
      root = cwd;
      globs = this.options.globs;
    } else {
      const fromDraft = sourceGlobsFromFrontMatter(draftText);
      if (fromDraft.length > 0) {
        // Front matter globs are relative to the draft; verdicts name files relative to cwd.
        root = cwd;
        globs = fromDraft.map((g) => path.relative(cwd, path.resolve(draftDir, g)).split(path.sep).join('/') || '.');
      } else {
        const holder = await nearestWith(draftDir, 'sources', this.fs);
        if (!holder) return null;
        root = holder;
        globs = [DEFAULT_SOURCES_GLOB];
        implicit = true;
      }
    }
    const files = await findSourceFiles(globs, root, this.fs, draftPath ? [draftPath] : []);
    if (files.length === 0) return null;
    const key = `${implicit}\u0000${root}\u0000${files.join('\u0000')}`;
    const cached = this.indexes.get(key);
    if (cached) return cached;
    const documents: SourceDocument[] = [];
    for (const relative of files) {
      const text = await readText(path.join(root, relative), this.fs);
      if (text !== null) documents.push({ path: relative, text });
    }
    const material: SourceMaterial = { files: documents.map((d) => d.path), root, index: createEvidenceIndex(documents), implicit };
    this.indexes.set(key, material);
    return material;
  }

  /**
   * Entries of the nearest `.source-trace/sources.yaml` above the draft (empty when none).
   * Throws the parse error of an invalid file.
   */
  async registerFor(file: string): Promise<{ entries: RegisterEntry[]; file: string | null }> {
    const { cwd } = this.options;
    const draftDir = file === '-' ? cwd : path.dirname(path.resolve(cwd, file));
    const holder = await nearestWith(draftDir, REGISTER_FILE, this.fs);
    if (!holder) return { entries: [], file: null };
    const registerFile = path.join(holder, REGISTER_FILE);
    let cached = this.registers.get(registerFile);
    if (!cached) {
      const text = await readText(registerFile, this.fs);
      try {
        cached = text === null ? [] : parseRegister(text);
      } catch (error) {
        cached = error instanceof Error ? error : new Error(String(error));
      }
      this.registers.set(registerFile, cached);
    }
    if (cached instanceof Error) throw Object.assign(new Error(`${path.relative(cwd, registerFile) || registerFile}: ${cached.message}`), { cause: cached });
    return { entries: cached, file: registerFile };
  }
}
