// Source material and the source register, read from the workspace for the engine: a thin adapter.
// Files are read with `vscode.workspace.fs` (works in virtual and web workspaces); the evidence index is
// built by the engine (src/core/evidence.ts) once per change of the material, and reused by every analysis.
import * as vscode from 'vscode';
import type { EvidenceIndex } from '../core/evidence';
import type { AnalyzeOptions, RegisterEntry, SourceDocument } from '../core/types';
import type { DraftOptions } from './analysisCache';
import type { Settings } from './settings';

/** Extensions of source material: plain text, Markdown, and timed transcripts. */
export const SOURCE_EXTENSIONS = ['.txt', '.md', '.vtt', '.srt'] as const;
/** The workspace register file, looked up from the draft's folder upwards to its workspace folder. */
export const REGISTER_FILE = '.source-trace/sources.yaml';

interface EvidenceCore {
  createEvidenceIndex(docs: readonly SourceDocument[]): EvidenceIndex;
}
interface RegisterCore {
  parseRegister(yamlText: string): RegisterEntry[];
  sourceGlobsFromFrontMatter(draftText: string): string[];
}

let evidenceCore: Promise<EvidenceCore> | undefined;
let registerCore: Promise<RegisterCore> | undefined;

/** Loaded on first use, like the engine: nothing of it runs at activation. */
function loadEvidenceCore(): Promise<EvidenceCore> {
  evidenceCore ??= import('../core/evidence');
  return evidenceCore;
}
function loadRegisterCore(): Promise<RegisterCore> {
  registerCore ??= import('../core/register');
  return registerCore;
}

function isSourceFile(uri: vscode.Uri): boolean {
  const path = uri.path.toLowerCase();
  return SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension));
}

const GLOB_CHARS = /[*?{[]/;

/** Everything the engine needs besides the draft: the evidence index and the register. */
export interface DraftInputs {
  evidence?: EvidenceIndex;
  register?: RegisterEntry[];
  /** The material came from the workspace glob only (the draft lists none of its own). */
  implicit: boolean;
}

export class EvidenceStore implements vscode.Disposable {
  private readonly texts = new Map<string, Promise<SourceDocument | undefined>>();
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly indexes = new Map<string, Promise<EvidenceIndex>>();
  private readonly listings = new Map<string, Promise<vscode.Uri[]>>();
  private readonly registers = new Map<string, Promise<RegisterEntry[] | undefined>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires (debounced) when source material or a register changed: analyses must be redone. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(private readonly settings: () => Settings) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,md,vtt,srt,yaml}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.fileChanged(uri, true)),
      watcher.onDidDelete((uri) => this.fileChanged(uri, true)),
      watcher.onDidChange((uri) => this.fileChanged(uri, false)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reset()),
    );
  }

  /** Inputs for one draft's analysis. Never throws: unreadable material is skipped. */
  async inputsFor(document: vscode.TextDocument, text: string): Promise<DraftInputs> {
    const settings = this.settings();
    const [{ files, implicit }, register] = await Promise.all([this.materialFor(document, text, settings), this.registerFor(document)]);
    const inputs: DraftInputs = { implicit };
    if (register && register.length > 0) inputs.register = register;
    if (files.length > 0) inputs.evidence = await this.indexOf(files);
    return inputs;
  }

  /** Options to pass to `analyze` for this draft (evidence only when there is material). */
  async optionsFor(document: vscode.TextDocument, text: string): Promise<DraftOptions> {
    const inputs = await this.inputsFor(document, text);
    const options: Pick<AnalyzeOptions, 'evidence' | 'register'> = {};
    if (inputs.evidence !== undefined) options.evidence = inputs.evidence;
    if (inputs.register) options.register = inputs.register;
    return { options, implicitMaterial: inputs.implicit };
  }

  /** The file a verdict names ("sources/call-readout.txt"), for Open Evidence. */
  resolve(path: string, near?: vscode.Uri): vscode.Uri | undefined {
    const known = this.uris.get(path);
    if (known) return known;
    const folder = (near && vscode.workspace.getWorkspaceFolder(near)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, path) : undefined;
  }

  /**
   * Forgets everything read so far (the next analysis reads the material again). `announce` tells the
   * extension to re-analyse open drafts; Refresh re-analyses the active one itself.
   */
  reset(announce = true): void {
    this.generation += 1;
    this.texts.clear();
    this.indexes.clear();
    this.listings.clear();
    this.registers.clear();
    if (announce) this.changedSoon();
  }

  private fileChanged(uri: vscode.Uri, listingChanged: boolean): void {
    const path = uri.path;
    if (path.endsWith(`/${REGISTER_FILE}`)) {
      this.registers.clear();
      this.generation += 1;
      this.changedSoon();
      return;
    }
    if (!isSourceFile(uri)) return;
    const key = uri.toString();
    if (listingChanged) {
      // A new or removed file may belong to any glob: list again; a removed one is dropped from the index.
      if (!this.texts.has(key) && !this.mayBeMaterial(uri)) return;
      this.texts.delete(key);
      this.listings.clear();
    } else {
      // Edits of drafts (which are not material) must not re-read every draft.
      if (!this.texts.has(key)) return;
      this.texts.delete(key);
    }
    this.generation += 1;
    this.indexes.clear();
    this.changedSoon();
  }

  /** Could a new file be source material? Under the workspace glob, or in a folder a draft lists. */
  private mayBeMaterial(uri: vscode.Uri): boolean {
    const settings = this.settings();
    const relative = vscode.workspace.asRelativePath(uri, false);
    const literal = settings.sourcesGlob.split(GLOB_CHARS)[0];
    if (relative.startsWith(literal)) return true;
    // Per-draft lists: a listing made for a folder that holds this file (or reaching out of it with "../").
    const file = uri.toString();
    return [...this.listings.keys()].some((key) => {
      if (!key.startsWith('draft:')) return false;
      const [base, glob] = key.slice('draft:'.length).split('\u0000');
      return glob.startsWith('..') || glob.startsWith('/') || file.startsWith(`${base}/`);
    });
  }

  private changedSoon(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.emitter.fire();
    }, 250);
  }

  private async materialFor(document: vscode.TextDocument, text: string, settings: Settings): Promise<{ files: vscode.Uri[]; implicit: boolean }> {
    const found = new Map<string, vscode.Uri>();
    for (const uri of await this.listing('workspace', settings.sourcesGlob, undefined)) found.set(uri.toString(), uri);
    // The draft's own `sources:` list (paths or globs relative to the draft), read by the engine's parser.
    const paths = /^\uFEFF?---/.test(text) ? (await loadRegisterCore()).sourceGlobsFromFrontMatter(text) : [];
    if (paths.length > 0 && document.uri.scheme !== 'untitled') {
      const base = vscode.Uri.joinPath(document.uri, '..');
      for (const entry of paths) {
        for (const uri of await this.listing(`draft:${base.toString()}`, entry, base)) found.set(uri.toString(), uri);
      }
    }
    // The draft itself is never its own evidence.
    found.delete(document.uri.toString());
    return { files: [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString())), implicit: paths.length === 0 };
  }

  /** Files matching a glob: workspace-wide (every folder) or relative to a draft's folder. */
  private listing(scope: string, glob: string, base: vscode.Uri | undefined): Promise<vscode.Uri[]> {
    const key = `${scope}\u0000${glob}`;
    let listing = this.listings.get(key);
    if (!listing) {
      listing = this.list(glob, base).catch(() => []);
      this.listings.set(key, listing);
    }
    return listing;
  }

  private async list(glob: string, base: vscode.Uri | undefined): Promise<vscode.Uri[]> {
    const clean = glob.replace(/^\.\//, '');
    if (base) {
      if (!GLOB_CHARS.test(clean)) {
        // A plain path: a file, or a folder meaning everything in it.
        const target = vscode.Uri.joinPath(base, clean);
        try {
          const stat = await vscode.workspace.fs.stat(target);
          if (stat.type & vscode.FileType.Directory) return this.list(`${clean.replace(/\/+$/, '')}/**`, base);
          return isSourceFile(target) ? [target] : [];
        } catch {
          return [];
        }
      }
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(base, clean), '**/node_modules/**', 2000);
      return uris.filter(isSourceFile);
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    const lists = await Promise.all(
      folders.map((folder) => vscode.workspace.findFiles(new vscode.RelativePattern(folder, clean), '**/node_modules/**', 2000)),
    );
    return lists.flat().filter(isSourceFile);
  }

  private indexOf(files: readonly vscode.Uri[]): Promise<EvidenceIndex> {
    const key = files.map((uri) => uri.toString()).join('\n');
    let index = this.indexes.get(key);
    if (!index) {
      index = this.buildIndex(files);
      this.indexes.set(key, index);
    }
    return index;
  }

  private async buildIndex(files: readonly vscode.Uri[]): Promise<EvidenceIndex> {
    const [core, documents] = await Promise.all([loadEvidenceCore(), Promise.all(files.map((uri) => this.read(uri)))]);
    return core.createEvidenceIndex(documents.filter((document): document is SourceDocument => document !== undefined));
  }

  private read(uri: vscode.Uri): Promise<SourceDocument | undefined> {
    const key = uri.toString();
    let text = this.texts.get(key);
    if (!text) {
      text = (async () => {
        try {
          const path = vscode.workspace.asRelativePath(uri, false);
          this.uris.set(path, uri);
          return { path, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
        } catch {
          return undefined;
        }
      })();
      this.texts.set(key, text);
    }
    return text;
  }

  /** The nearest register file from the draft's folder up to its workspace folder (or the workspace root). */
  private registerFor(document: vscode.TextDocument): Promise<RegisterEntry[] | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
    const start = document.uri.scheme === 'untitled' || !vscode.workspace.getWorkspaceFolder(document.uri) ? folder?.uri : vscode.Uri.joinPath(document.uri, '..');
    if (!start) return Promise.resolve(undefined);
    const key = start.toString();
    let register = this.registers.get(key);
    if (!register) {
      register = this.findRegister(start, folder?.uri);
      this.registers.set(key, register);
    }
    return register;
  }

  private async findRegister(start: vscode.Uri, root: vscode.Uri | undefined): Promise<RegisterEntry[] | undefined> {
    let dir = start;
    for (let depth = 0; depth < 32; depth += 1) {
      const candidate = vscode.Uri.joinPath(dir, REGISTER_FILE);
      let bytes: Uint8Array | undefined;
      try {
        bytes = await vscode.workspace.fs.readFile(candidate);
      } catch {
        bytes = undefined;
      }
      if (bytes) {
        try {
          const core = await loadRegisterCore();
          return core.parseRegister(new TextDecoder().decode(bytes));
        } catch (error) {
          void vscode.window.showWarningMessage(`Source Trace: could not read ${vscode.workspace.asRelativePath(candidate)}: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        }
      }
      if (!root || dir.toString() === root.toString() || dir.path === '/' || !dir.path.startsWith(root.path)) return undefined;
      dir = vscode.Uri.joinPath(dir, '..');
    }
    return undefined;
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
