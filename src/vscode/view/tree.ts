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
  NO_HOLDER_LABEL,
  STANCE_EXPLAINED,
  STANCE_ICON,
  STANCE_WORD,
  UNATTRIBUTED_ICON,
  actorWithTitle,
  claimBadges,
  escapeMarkdown,
  excerpt,
  plural,
  stanceHolder,
  stanceWords,
  stancesIn,
  stancesOf,
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
  /** The stances the actor holds, shown after its claims. */
  stances: StanceNode[];
}

export interface ClaimNode {
  type: 'claim';
  id: string;
  claim: Claim;
  actor: Actor | null;
  /** Id of the actor node this claim hangs under in the Actors view. */
  parentId: string | null;
}

/** A stance (`Analysis.stances`): a stated position, not a quote. Its own node type, so nothing treats it as a claim. */
export interface StanceNode {
  type: 'stance';
  id: string;
  stance: Claim;
  actor: Actor | null;
  /** Id of the node this stance hangs under in the Actors view (an actor, or the no-holder group). */
  parentId: string;
}

/** The Actors view's last root: stances whose holder is not an identified actor ("was accused of…"). */
export interface StanceGroupNode {
  type: 'stance-group';
  id: string;
  stances: StanceNode[];
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

export type TreeNode = GroupNode | ActorNode | ClaimNode | StanceNode | StanceGroupNode | UnattributedNode | RegisterNode;

/** Id of the group of stances with no named holder. */
export const NO_HOLDER_GROUP_ID = 'group:stances-no-holder';

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

function stanceNode(stance: Claim, actor: Actor | null): StanceNode {
  return { type: 'stance', id: `stance:${stance.id}`, stance, actor, parentId: actor ? `actor:${actor.id}` : NO_HOLDER_GROUP_ID };
}

/**
 * One group per kind that has actors, in a fixed order. Each actor carries the claims it is the source of,
 * then the stances it holds, each in reading order.
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
      let stances = stancesOf(analysis, actor.id);
      if (needle && !actorMatchesText(actor, needle)) {
        claims = claims.filter((claim) => claimMatchesText(claim, actor, needle));
        stances = stances.filter((stance) => claimMatchesText(stance, actor, needle));
        if (claims.length === 0 && stances.length === 0) continue;
      }
      actors.push({
        type: 'actor',
        id: `actor:${actor.id}`,
        actor,
        claims: claims.map((claim) => claimNode(claim, actor)),
        stances: stances.map((stance) => stanceNode(stance, actor)),
      });
    }
    if (actors.length > 0) groups.push({ type: 'group', id: `group:${kind}`, kind, actors });
  }
  return groups;
}

/**
 * Root of the Actors view: the kind groups, then (when any) the stances with no named holder. That group has
 * no kind, so a kind filter hides it, as it hides unattributed sentences in the Claims view.
 */
export function actorRoots(analysis: Analysis, filter?: TreeFilter): (GroupNode | StanceGroupNode)[] {
  const roots: (GroupNode | StanceGroupNode)[] = actorGroups(analysis, filter);
  if (filter?.kinds && filter.kinds.length > 0) return roots;
  const needle = filter?.text?.trim().toLowerCase() ?? '';
  const known = new Set(analysis.actors.map((actor) => actor.id));
  const unheld = stancesIn(analysis).filter(
    (stance) => (stance.actor === null || !known.has(stance.actor)) && (!needle || claimMatchesText(stance, null, needle)),
  );
  if (unheld.length > 0) roots.push({ type: 'stance-group', id: NO_HOLDER_GROUP_ID, stances: unheld.map((stance) => stanceNode(stance, null)) });
  return roots;
}

/** Root of the Claims view: claims, stances (marked as such) and unattributed sentences, in reading order. */
export function readingOrder(analysis: Analysis, filter?: TreeFilter): (ClaimNode | StanceNode | UnattributedNode)[] {
  const needle = filter?.text?.trim().toLowerCase() ?? '';
  const kinds = filter?.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  const nodes: (ClaimNode | StanceNode | UnattributedNode)[] = [];
  for (const claim of analysis.claims) {
    const actor = actorById(analysis, claim.actor);
    if (kinds && (!actor || !kinds.has(actor.kind))) continue;
    if (needle && !claimMatchesText(claim, actor, needle)) continue;
    nodes.push(claimNode(claim, actor));
  }
  for (const stance of stancesIn(analysis)) {
    const actor = actorById(analysis, stance.actor);
    if (kinds && (!actor || !kinds.has(actor.kind))) continue;
    if (needle && !claimMatchesText(stance, actor, needle)) continue;
    nodes.push(stanceNode(stance, actor));
  }
  // Unattributed sentences have no actor, so a kind filter hides them.
  if (!kinds) {
    for (const span of analysis.unattributed) {
      if (needle && !textMatches(needle, span.text)) continue;
      nodes.push({ type: 'unattributed', id: `unattributed:${span.start}`, span });
    }
  }
  return nodes.sort((a, b) => startOf(a) - startOf(b) || TIE_ORDER[a.type] - TIE_ORDER[b.type]);
}

// At the same offset: a claim, then the unattributed sentence, then a stance inside it (the sort is stable).
const TIE_ORDER = { claim: 0, unattributed: 1, stance: 2 } as const;

function startOf(node: ClaimNode | StanceNode | UnattributedNode): number {
  switch (node.type) {
    case 'claim':
      return node.claim.content.start;
    case 'stance':
      return node.stance.content.start;
    case 'unattributed':
      return node.span.start;
  }
}

export function childrenOf(node: TreeNode): TreeNode[] {
  switch (node.type) {
    case 'group':
      return node.actors;
    case 'actor':
      return [...registerNodes(node.actor), ...node.claims, ...node.stances];
    case 'stance-group':
      return node.stances;
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
      // Stances are counted apart from claims, and only when there are some.
      const count = [plural(node.claims.length, 'claim'), ...(node.stances.length > 0 ? [plural(node.stances.length, STANCE_WORD)] : [])].join(' · ');
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
        collapsible: node.claims.length > 0 || node.stances.length > 0 || actor.register ? 'collapsed' : 'none',
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
    case 'stance':
      return presentStance(node, context);
    case 'stance-group':
      return {
        label: NO_HOLDER_LABEL,
        description: String(node.stances.length),
        tooltip: `${plural(node.stances.length, STANCE_WORD)} whose holder is not an identified actor ("was accused of…", "the board criticized…").\n\n${STANCE_EXPLAINED}`,
        icon: STANCE_ICON,
        collapsible: 'collapsed',
        reveal: null,
        contextValue: 'stanceGroup',
      };
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

/**
 * A stance row: a different icon and a description beginning with "stance", so it never reads as a quote.
 * No lint badges: stances are never linted.
 */
function presentStance(node: StanceNode, context: 'actors' | 'claims'): NodePresentation {
  const { stance, actor } = node;
  const holder = stanceHolder(stance, actor);
  const parts: string[] = [STANCE_WORD];
  // Under an actor the holder is the parent row; in the Claims view it is named; in the no-holder group the
  // draft's words are shown when there are any ("The board").
  if (context === 'claims') parts.push(holder ?? 'no named holder');
  else if (!actor && holder) parts.push(holder);
  const who = actor
    ? escapeMarkdown(actorWithTitle(actor))
    : stance.source
      ? `${escapeMarkdown(stance.source.text)} (not identified as an actor)`
      : 'nobody named';
  const tooltip = [
    `**Stance** · ${STANCE_EXPLAINED}`,
    `> ${escapeMarkdown(excerpt(stance.content.text, 400))}`,
    `Held by: ${who}${stance.cue ? ` (${escapeMarkdown(stance.cue.text)})` : ''}`,
  ];
  if (stance.hedges.length > 0) tooltip.push(`Hedged: ${stance.hedges.map((hedge) => escapeMarkdown(hedge.text)).join(', ')}`);
  return {
    label: excerpt(stanceWords(stance), 70),
    description: parts.join(' · '),
    tooltip: tooltip.join('\n\n'),
    icon: STANCE_ICON,
    collapsible: 'none',
    reveal: { start: stance.content.start, end: stance.content.end },
    contextValue: 'stance',
  };
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
