// Stage 6: speaker resolution. Walks the draft in reading order, keeping track of who was named and
// who spoke, and decides who each claim's source is: pronouns by gender and by the previous speaker
// or subject (not simply the last name seen), surnames after a full first mention, role nouns ("the
// NATO Secretary General" = Mark Rutte), organisations' short forms ("the ministry"), relative
// pronouns ("…, which said") by their antecedent, and documents by their owner.
import type { RawClaim } from './attributions';
import { type ActorRecord, ActorRegistry } from './actors';
import type { Mention } from './mentions';
import type { Sentence } from './sentences';

export interface ResolvedClaim {
  raw: RawClaim;
  actor: ActorRecord | null;
  via: ActorRecord[];
}

interface Event {
  at: number;
  entity?: Mention;
  claim?: RawClaim;
}

export function resolveSpeakers(
  prose: string,
  claims: RawClaim[],
  entities: Mention[],
  sentences: Sentence[],
): { registry: ActorRegistry; resolved: ResolvedClaim[] } {
  const registry = new ActorRegistry();
  const events: Event[] = [
    ...entities.map((entity): Event => ({ at: entity.start, entity })),
    ...claims.map((claim): Event => ({ at: Math.min(claim.sourceStart, claim.cueStart), claim })),
  ].sort((a, b) => a.at - b.at || (a.entity ? -1 : 1));

  const resolved: ResolvedClaim[] = [];
  const speechSoFar: ResolvedClaim[] = [];
  const sentenceOf = (offset: number): number => {
    let low = 0;
    let high = sentences.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (offset < sentences[mid].start) high = mid - 1;
      else if (offset > sentences[mid].end) low = mid + 1;
      else return mid;
    }
    return low;
  };
  // First person named in each sentence: the subject a pronoun in the next sentence most likely means.
  const subjectOfSentence = new Map<number, ActorRecord>();
  const entityByRange = new Map<string, ActorRecord>();

  for (const event of events) {
    if (event.entity) {
      // A role opening a sentence names its holder only if the draft has named one.
      const record =
        event.entity.form === 'role'
          ? registry.byRole(event.entity.head ?? event.entity.name)
          : registry.named(event.entity, event.entity.head !== 'surname');
      if (!record) continue;
      registry.note(record, event.entity);
      entityByRange.set(`${event.entity.start}:${event.entity.end}`, record);
      const s = sentenceOf(event.entity.start);
      // The subject is named near the start of its sentence, and not after a pronoun that already is
      // the subject ("She met Council member Tom Bright" has Tom Bright as the object).
      if (!subjectOfSentence.has(s) && sentences[s] && isSubjectPosition(prose, sentences[s].start, event.entity.start)) subjectOfSentence.set(s, record);
      continue;
    }
    const claim = event.claim!;
    let actor: ActorRecord | null = null;
    if (claim.sharesSourceWith !== null) {
      actor = [...resolved].reverse().find((r) => r.raw.sourceStart === claim.sourceStart && r.raw.sourceEnd === claim.sourceEnd)?.actor ?? null;
    }
    // A stance ("wants", "polls show") neither makes its holder a speaker nor becomes the previous speaker.
    if (!actor) actor = resolveSource(claim, registry, speechSoFar, subjectOfSentence, sentenceOf, entityByRange);
    if (claim.stance) {
      resolved.push({ raw: claim, actor, via: [] });
      continue;
    }
    if (actor) {
      actor.speaker = true;
      registry.note(actor, { start: claim.sourceStart, end: claim.sourceEnd });
    }
    resolved.push({ raw: claim, actor, via: [] });
    speechSoFar.push(resolved[resolved.length - 1]);
  }

  const merged = registry.mergeRoles();
  for (const r of resolved) if (r.actor && merged.has(r.actor)) r.actor = merged.get(r.actor)!;

  // Nested chains: a claim whose cue stands inside another claim's content is relayed via that claim's actor.
  const selfNested = new Set<ResolvedClaim>();
  // Only claims of the same or the few sentences before can contain a cue.
  const bySentence = new Map<number, ResolvedClaim[]>();
  for (const r of resolved) bySentence.set(r.raw.sentenceIndex, [...(bySentence.get(r.raw.sentenceIndex) ?? []), r]);
  for (const inner of resolved) {
    const nearby: ResolvedClaim[] = [];
    for (let s = inner.raw.sentenceIndex - 3; s <= inner.raw.sentenceIndex; s++) nearby.push(...(bySentence.get(s) ?? []));
    const outers = nearby
      .filter((outer) => outer !== inner && !outer.raw.stance && outer.raw.contentStart <= inner.raw.cueStart && inner.raw.cueEnd <= outer.raw.contentEnd && outer.raw.type !== 'direct')
      .sort((a, b) => a.raw.contentEnd - a.raw.contentStart - (b.raw.contentEnd - b.raw.contentStart));
    const outer = outers[0];
    // "Hollis said he had found the call frank": the speaker's own report is part of the outer claim.
    if (outer && outer.actor && outer.actor === inner.actor && inner.raw.source?.form === 'pronoun') selfNested.add(inner);
    if (outer && outer.actor && outer.actor !== inner.actor) {
      inner.via = [...outer.via, outer.actor];
      outer.actor.speaker = true;
    }
  }
  return { registry, resolved: resolved.filter((r) => !selfNested.has(r)) };
}

function isSubjectPosition(prose: string, sentenceStart: number, at: number): boolean {
  if (at - sentenceStart > 40) return false;
  return !/^\W*(?:he|she|they|it|we|i)\b/i.test(prose.slice(sentenceStart, at));
}

function resolveSource(
  claim: RawClaim,
  registry: ActorRegistry,
  resolved: ResolvedClaim[],
  subjectOfSentence: Map<number, ActorRecord>,
  sentenceOf: (offset: number) => number,
  entityByRange: Map<string, ActorRecord>,
): ActorRecord | null {
  const mention = claim.source;
  if (!mention) return null;
  const here = sentenceOf(claim.cueStart);
  let previousSpeaker: ActorRecord | null = null;
  for (let i = resolved.length - 1; i >= 0; i--) {
    if (here - sentenceOf(resolved[i].raw.cueStart) > 3) break;
    if (resolved[i].actor) {
      previousSpeaker = resolved[i].actor;
      break;
    }
  }

  if (mention.form === 'pronoun') {
    const gender = mention.gender;
    if (gender === 'relative') {
      // "…, which said" / "…, who said": the phrase right before the comma.
      const antecedent = registry.endingNear(mention.start, 4);
      if (antecedent) return antecedent;
      const viaEntity = [...entityByRange.entries()].find(([key]) => {
        const end = Number(key.split(':')[1]);
        return end <= mention.start && mention.start - end <= 4;
      });
      return viaEntity?.[1] ?? previousSpeaker;
    }
    if (gender === 'male' || gender === 'female') {
      // An anonymous source can be "she": "A nurse … told the Daily Courier she had …".
      const fits = (r: ActorRecord | null | undefined): r is ActorRecord => !!r && (r.kind === 'person' || (r.kind === 'anonymous' && !/s$/.test(r.name))) && (r.gender === null || r.gender === gender);
      let choice: ActorRecord | null = null;
      // Within the same sentence, a subject named before the pronoun ("Yoon … he will").
      const sameSentence = subjectOfSentence.get(here);
      if (fits(sameSentence) && sameSentence.lastSeen < mention.start) choice = sameSentence;
      // The subject of the sentence before, then the last speaker, then older subjects.
      const previousSubject = subjectOfSentence.get(here - 1);
      if (!choice && fits(previousSubject) && previousSubject.kind === 'person') choice = previousSubject;
      if (!choice && fits(previousSpeaker)) choice = previousSpeaker;
      if (!choice) {
        for (let back = 2; back <= 3 && !choice; back++) {
          const subject = subjectOfSentence.get(here - back);
          if (fits(subject)) choice = subject;
        }
      }
      if (!choice) choice = registry.mostRecent((r) => fits(r) && r.lastSeen < mention.start);
      if (choice && choice.gender === null) choice.gender = gender;
      return choice;
    }
    if (gender === 'plural') {
      if (previousSpeaker && previousSpeaker.kind !== 'person') return previousSpeaker;
      if (previousSpeaker) return previousSpeaker;
      return registry.mostRecent((r) => (r.kind === 'organization' || r.kind === 'group' || r.kind === 'anonymous') && r.lastSeen < mention.start);
    }
    if (gender === 'neuter') {
      if (previousSpeaker && previousSpeaker.kind !== 'person') return previousSpeaker;
      return registry.mostRecent((r) => (r.kind === 'organization' || r.kind === 'country' || r.kind === 'document') && r.lastSeen < mention.start);
    }
    return previousSpeaker;
  }

  if (mention.form === 'role') {
    const head = mention.head ?? mention.name;
    if (mention.kind === 'organization') {
      return registry.byOrganizationPhrase(mention.name, head) ?? registry.byRoleOnly('organization', mention.name, head);
    }
    const byRole = registry.byRole(head);
    if (byRole) return byRole;
    // A role nobody holds yet ("the city clerk", a headline's "Governor"): an actor of its own until named.
    return registry.byRoleOnly('person', mention.name, head);
  }

  if (mention.kind === 'document') {
    if (mention.owner && /^the\s/.test(mention.owner)) {
      const word = mention.owner.slice(4);
      const owner = registry.byOrganizationPhrase(word, word) ?? registry.byRoleOnly('organization', word, word);
      if (owner) return owner;
    } else if (mention.owner) {
      const owner = registry.named({ ...mention, kind: 'organization', name: mention.owner, form: 'name' });
      if (owner) return owner;
    }
    return registry.described(mention);
  }

  if (mention.kind === 'anonymous' || mention.kind === 'group') return registry.described(mention);
  return registry.named(mention);
}
