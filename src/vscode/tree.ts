// The Actors and Claims views: thin adapters over view/tree.ts.
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import type { ActiveDraft } from './activeDraft';
import type { AnalysisCache, AnalysisState } from './analysisCache';
import type { Settings } from './settings';
import { actorRoots, childrenOf, describeFilter, filterHighlights, isFilterEmpty, present, readingOrder } from './view/tree';
import type { TreeFilter, TreeNode } from './view/tree';

/** The filter both views share; set from the Filter… title action. */
export class FilterState {
  private value: TreeFilter = {};
  private readonly emitter = new vscode.EventEmitter<TreeFilter>();
  readonly onDidChange = this.emitter.event;

  get filter(): TreeFilter {
    return this.value;
  }

  set(filter: TreeFilter): void {
    this.value = filter;
    void vscode.commands.executeCommand('setContext', 'sourceTrace.filtered', !isFilterEmpty(filter));
    this.emitter.fire(filter);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

abstract class DraftTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  protected readonly disposables: vscode.Disposable[] = [this.changed];
  /** Nodes of the last tree built, by id, for getParent and reveal. */
  protected nodes = new Map<string, TreeNode>();
  protected parents = new Map<string, TreeNode>();
  private view: vscode.TreeView<TreeNode> | undefined;
  protected abstract readonly context: 'actors' | 'claims';

  constructor(
    protected readonly drafts: ActiveDraft,
    protected readonly cache: AnalysisCache,
    protected readonly filters: FilterState,
    protected readonly settings: () => Settings,
  ) {
    this.disposables.push(
      drafts.onDidChange(() => this.refresh()),
      filters.onDidChange(() => this.refresh()),
      cache.onDidAnalyze((event) => {
        if (event.document === this.drafts.document) this.refresh();
      }),
    );
  }

  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
  }

  refresh(): void {
    this.changed.fire();
  }

  protected abstract roots(analysis: Analysis): TreeNode[];

  async getChildren(element?: TreeNode): Promise<TreeNode[]> {
    if (element) return childrenOf(element);
    const document = this.drafts.document;
    if (!document) {
      this.setMessage(undefined);
      return [];
    }
    // This version's analysis if it is done or under way, else the last one (a newer one is debounced and
    // will refresh the view). Only a draft never analysed is analysed here, unless runs are manual.
    let state: AnalysisState | undefined = (await this.cache.current(document)) ?? this.cache.last(document);
    if (!state && this.settings().run !== 'manual') state = await this.cache.get(document);
    if (!state) {
      this.setMessage(this.settings().run === 'manual' ? 'Run "Source Trace: Refresh" to analyse this draft.' : undefined);
      return [];
    }
    if (state.kind !== 'ready') {
      this.setMessage(state.message);
      return [];
    }
    const roots = this.roots(state.analysis);
    this.index(roots);
    const filter = describeFilter(this.filters.filter);
    this.setMessage(filter || state.analysis.notice || undefined);
    return roots;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const look = present(node, this.context);
    const highlights = filterHighlights(look.label, this.filters.filter);
    const item = new vscode.TreeItem(
      highlights.length > 0 ? { label: look.label, highlights } : look.label,
      look.collapsible === 'none'
        ? vscode.TreeItemCollapsibleState.None
        : look.collapsible === 'expanded'
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = node.id;
    item.description = look.description;
    item.tooltip = new vscode.MarkdownString(look.tooltip);
    item.iconPath = new vscode.ThemeIcon(look.icon);
    item.contextValue = look.contextValue;
    item.accessibilityInformation = { label: look.description ? `${look.label}, ${look.description}` : look.label };
    const document = this.drafts.document;
    if (look.reveal && document) {
      item.command = {
        command: 'sourceTrace.revealRange',
        title: 'Reveal in Editor',
        arguments: [document.uri.toString(), look.reveal.start, look.reveal.end, true],
      };
    }
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node.id);
  }

  /** Shows a node by id (after the tree has been built), selecting it. */
  async reveal(id: string): Promise<boolean> {
    if (!this.view) return false;
    if (!this.nodes.has(id)) await this.getChildren();
    const node = this.nodes.get(id);
    if (!node) return false;
    await this.view.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  private index(roots: TreeNode[]): void {
    this.nodes = new Map();
    this.parents = new Map();
    const walk = (node: TreeNode, parent: TreeNode | undefined) => {
      this.nodes.set(node.id, node);
      if (parent) this.parents.set(node.id, parent);
      for (const child of childrenOf(node)) walk(child, node);
    };
    for (const root of roots) walk(root, undefined);
  }

  private setMessage(message: string | undefined): void {
    if (this.view) this.view.message = message;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export class ActorsTreeProvider extends DraftTreeProvider {
  protected readonly context = 'actors' as const;

  protected roots(analysis: Analysis): TreeNode[] {
    return actorRoots(analysis, this.filters.filter);
  }
}

export class ClaimsTreeProvider extends DraftTreeProvider {
  protected readonly context = 'claims' as const;

  protected roots(analysis: Analysis): TreeNode[] {
    return readingOrder(analysis, this.filters.filter);
  }
}
