// View model of the Actors and Claims trees. Pure: the adapter in ../tree.ts turns nodes into TreeItems.
import { actorById, claimsOf } from '../../core/chains';
import type { Actor, ActorKind, Analysis, Claim, Range, Span } from '../../core/types';
import {
  CLAIM_TYPE_ICONS,
  CLAIM_TYPE_LABELS,
  KIND_ICONS,
  KIND_LABELS,
  KIND_ORDER,
  KIND_SINGULAR,
  UNATTRIBUTED_ICON,
  actorWithTitle,
  claimBadges,
  escapeMarkdown,
  excerpt,
  plural,
} from './labels';
import { evidenceBadge, evidenceSummary, evidenceTargets, registerBadge, registerFacts, registerTooltip } from './evidence';
import type { RegisterFact } from './evidence';

/** What the user narrowed the views to. Empty filter shows everything. */
export interface TreeFilter {
  kinds?: readonly ActorKind[];
  /** Case-insensitive substring of actor names, titles, aliases or claim text. */
  text?: string;
}

export interface GroupNode {
  type: 'group';
  id: string;
  kind: ActorKind;
  actors: ActorNode[];
}

export interface ActorNode {
  type: 'actor';
  id: string;
  actor: Actor;
  claims: ClaimNode[];
}

export interface ClaimNode {
  type: 'claim';
  id: string;
  claim: Claim;
  actor: Actor | null;
  /** Id of the actor node this claim hangs under in the Actors view. */
  parentId: string | null;
}

export interface UnattributedNode {
  type: 'unattributed';
  id: string;
  span: Span;
}

/** One fact of an actor's source-register entry (role, on the record or not, reason, how they know). */
export interface RegisterNode {
  type: 'register';
  id: string;
  actorId: string;
  fact: RegisterFact;
}

export type TreeNode = GroupNode | ActorNode | ClaimNode | UnattributedNode | RegisterNode;

/** How a node looks, independent of the editor API. */
export interface NodePresentation {
  label: string;
  description?: string;
  /** Markdown. */
  tooltip: string;
  /** Codicon id. */
  icon: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** The draft range to reveal when the node is clicked. */
  reveal: Range | null;
  /** For `contextValue`, so menus can target node types. */
  contextValue: string;
}

export function isFilterEmpty(filter: TreeFilter | undefined): boolean {
  return !filter || ((!filter.kinds || filter.kinds.length === 0) && !filter.text?.trim());
}

export function describeFilter(filter: TreeFilter | undefined): string {
  if (isFilterEmpty(filter) || !filter) return '';
  const parts: string[] = [];
  if (filter.kinds && filter.kinds.length > 0) parts.push(filter.kinds.map((kind) => KIND_LABELS[kind]).join(', '));
  if (filter.text?.trim()) parts.push(`"${filter.text.trim()}"`);
  return `Filtered: ${parts.join(' · ')}`;
}

function textMatches(needle: string, ...haystacks: (string | null | undefined)[]): boolean {
  return haystacks.some((haystack) => haystack != null && haystack.toLowerCase().includes(needle));
}

function actorMatchesText(actor: Actor, needle: string): boolean {
  return textMatches(needle, actor.name, actor.title, ...actor.aliases);
}

function claimMatchesText(claim: Claim, actor: Actor | null, needle: string): boolean {
  return (
    textMatches(needle, claim.content.text, claim.cue?.text, claim.source?.text) ||
    (actor !== null && actorMatchesText(actor, needle))
  );
}

function claimNode(claim: Claim, actor: Actor | null): ClaimNode {
  return { type: 'claim', id: `claim:${claim.id}`, claim, actor, parentId: actor ? `actor:${actor.id}` : null };
}

/**
 * Root of the Actors view: one group per kind that has actors, in a fixed order.
 * Each actor carries the claims it is the source of, in reading order.
 */
export function actorGroups(analysis: Analysis, filter?: TreeFilter): GroupNode[] {
  const needle = filter?.text?.trim().toLowerCase() ?? '';
  const kinds = filter?.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  const groups: GroupNode[] = [];
  for (const kind of KIND_ORDER) {
    if (kinds && !kinds.has(kind)) continue;
    const actors: ActorNode[] = [];
    for (const actor of analysis.actors) {
      if (actor.kind !== kind) continue;
      let claims = claimsOf(analysis, actor.id);
      if (needle && !actorMatchesText(actor, needle)) {
        claims = claims.filter((claim) => claimMatchesText(claim, actor, needle));
        if (claims.length === 0) continue;
      }
      actors.push({ type: 'actor', id: `actor:${actor.id}`, actor, claims: claims.map((claim) => claimNode(claim, actor)) });
    }
    if (actors.length > 0) groups.push({ type: 'group', id: `group:${kind}`, kind, actors });
  }
  return groups;
}

/** Root of the Claims view: claims and unattributed sentences, in reading order. */
export function readingOrder(analysis: Analysis, filter?: TreeFilter): (ClaimNode | UnattributedNode)[] {
  const needle = filter?.text?.trim().toLowerCase() ?? '';
  const kinds = filter?.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  const nodes: (ClaimNode | UnattributedNode)[] = [];
  for (const claim of analysis.claims) {
    const actor = actorById(analysis, claim.actor);
    if (kinds && (!actor || !kinds.has(actor.kind))) continue;
    if (needle && !claimMatchesText(claim, actor, needle)) continue;
    nodes.push(claimNode(claim, actor));
  }
  // Unattributed sentences have no actor, so a kind filter hides them.
  if (!kinds) {
    for (const span of analysis.unattributed) {
      if (needle && !textMatches(needle, span.text)) continue;
      nodes.push({ type: 'unattributed', id: `unattributed:${span.start}`, span });
    }
  }
  return nodes.sort((a, b) => startOf(a) - startOf(b));
}

function startOf(node: ClaimNode | UnattributedNode): number {
  return node.type === 'claim' ? node.claim.content.start : node.span.start;
}

export function childrenOf(node: TreeNode): TreeNode[] {
  switch (node.type) {
    case 'group':
      return node.actors;
    case 'actor':
      return [...registerNodes(node.actor), ...node.claims];
    default:
      return [];
  }
}

/** Register facts shown above an actor's claims. Contact notes are never among them. */
export function registerNodes(actor: Actor): RegisterNode[] {
  if (!actor.register) return [];
  return registerFacts(actor.register).map((fact) => ({ type: 'register', id: `actor:${actor.id}/register/${fact.key}`, actorId: actor.id, fact }));
}

/** The first place the actor is named, preferring its name over a pronoun. */
export function firstMention(actor: Actor): Range | null {
  if (actor.mentions.length === 0) return null;
  const named = actor.mentions.find((mention) => mention.text === actor.name);
  const mention = named ?? actor.mentions.reduce((first, next) => (next.start < first.start ? next : first));
  return { start: mention.start, end: mention.end };
}

/** How one node looks. `context` says which view asks (claims read differently without their parent actor). */
export function present(node: TreeNode, context: 'actors' | 'claims' = 'actors'): NodePresentation {
  switch (node.type) {
    case 'group':
      return {
        label: KIND_LABELS[node.kind],
        description: String(node.actors.length),
        tooltip: `${plural(node.actors.length, KIND_SINGULAR[node.kind], pluralKind(node.kind))} in this draft`,
        icon: KIND_ICONS[node.kind],
        collapsible: 'expanded',
        reveal: null,
        contextValue: 'group',
      };
    case 'actor': {
      const { actor } = node;
      const count = plural(node.claims.length, 'claim');
      const tooltip = [`**${escapeMarkdown(actor.name)}**`];
      if (actor.title) tooltip.push(escapeMarkdown(actor.title));
      tooltip.push(`${capitalise(KIND_SINGULAR[actor.kind])} · ${count} · ${plural(actor.mentions.length, 'mention')}`);
      const aliases = actor.aliases.filter((alias) => alias !== actor.name);
      if (aliases.length > 0) tooltip.push(`Also: ${aliases.map(escapeMarkdown).join(', ')}`);
      if (actor.register) tooltip.push(registerTooltip(actor.register));
      const description = [actor.title, count, actor.register ? registerBadge(actor.register) : null].filter(Boolean).join(' · ');
      return {
        label: actor.name,
        description,
        tooltip: tooltip.join('\n\n'),
        icon: KIND_ICONS[actor.kind],
        collapsible: node.claims.length > 0 || actor.register ? 'collapsed' : 'none',
        reveal: firstMention(actor),
        contextValue: 'actor',
      };
    }
    case 'claim': {
      const { claim, actor } = node;
      const badges = claimBadges(claim);
      const parts: string[] = [];
      if (context === 'claims') parts.push(actor ? actor.name : claim.source?.text ?? 'unknown source');
      if (claim.cue) parts.push(claim.cue.text);
      if (claim.hedges.length > 0) parts.push('hedged');
      if (claim.tone === 'loaded') parts.push('loaded verb');
      const badge = evidenceBadge(claim);
      if (badge) parts.push(badge);
      const tooltip = [`${CLAIM_TYPE_LABELS[claim.type]}`, `> ${escapeMarkdown(excerpt(claim.content.text, 400))}`];
      const who = actor ? actorWithTitle(actor) : claim.source?.text;
      tooltip.push(who ? `Source: ${escapeMarkdown(who)}${claim.cue ? ` (${escapeMarkdown(claim.cue.text)})` : ''}` : 'Source: not identified');
      for (const badge of badges) tooltip.push(`⚑ ${escapeMarkdown(badge)}`);
      for (const evidence of claim.evidence ?? []) tooltip.push(`Evidence: ${escapeMarkdown(evidenceSummary(evidence))}`);
      return {
        label: excerpt(claim.content.text, 70),
        description: parts.join(' · ') || undefined,
        tooltip: tooltip.join('\n\n'),
        icon: CLAIM_TYPE_ICONS[claim.type],
        collapsible: 'none',
        reveal: { start: claim.content.start, end: claim.content.end },
        // `.evidence` lets the Open Evidence row action show only where there is a line to open.
        contextValue: evidenceTargets([claim]).length > 0 ? `claim.${claim.type}.evidence` : `claim.${claim.type}`,
      };
    }
    case 'unattributed':
      return {
        label: excerpt(node.span.text, 70),
        description: 'no source',
        tooltip: `**No source:** this sentence states a fact without attribution.\n\n> ${escapeMarkdown(excerpt(node.span.text, 400))}`,
        icon: UNATTRIBUTED_ICON,
        collapsible: 'none',
        reveal: { start: node.span.start, end: node.span.end },
        contextValue: 'unattributed',
      };
    case 'register':
      return {
        label: `${node.fact.label}: ${node.fact.value}`,
        description: node.fact.missing ? 'missing from the register' : undefined,
        tooltip: `*Source register* · ${escapeMarkdown(node.fact.label)}: ${escapeMarkdown(node.fact.value)}`,
        icon: node.fact.missing ? 'warning' : node.fact.key === 'standing' ? 'shield' : 'info',
        collapsible: 'none',
        reveal: null,
        contextValue: `register.${node.fact.key}`,
      };
  }
}

function pluralKind(kind: ActorKind): string {
  switch (kind) {
    case 'person':
      return 'people';
    case 'country':
      return 'countries or governments';
    default:
      return `${KIND_SINGULAR[kind]}s`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where a text filter occurs in a label, case-insensitively, for TreeItemLabel highlights. */
export function filterHighlights(label: string, filter: TreeFilter | undefined): [number, number][] {
  const needle = filter?.text?.trim().toLowerCase();
  if (!needle) return [];
  const haystack = label.toLowerCase();
  const ranges: [number, number][] = [];
  for (let index = haystack.indexOf(needle); index !== -1; index = haystack.indexOf(needle, index + needle.length)) {
    ranges.push([index, index + needle.length]);
  }
  return ranges;
}
