// Synthetic news drafts for the speed benchmarks. Deterministic (seeded), Markdown, written from
// small phrase banks of our own: front matter, headings, direct and interrupted quotes, "said" and
// "according to" clauses, titles, anonymous sources, hedges, links, emphasis, blockquotes, plain
// unattributed facts. The words are made up for this file; nothing comes from the gold corpora.

/** Small fast PRNG (mulberry32): the same seed gives the same draft on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  first: string;
  last: string;
  title: string;
  pronoun: 'he' | 'she' | 'they';
}

const FIRST: Array<[string, Person['pronoun']]> = [
  ['Marta', 'she'], ['Oskar', 'he'], ['Lena', 'she'], ['Tobias', 'he'], ['Ingrid', 'she'], ['Rafael', 'he'], ['Priya', 'she'],
  ['Dmitri', 'he'], ['Aisha', 'she'], ['Colm', 'he'], ['Nadia', 'she'], ['Henrik', 'he'], ['Sam', 'they'], ['Greta', 'she'], ['Malik', 'he'],
];
const LAST = ['Valdez', 'Brenner', 'Okafor', 'Lindqvist', 'Moreau', 'Castellano', 'Haddad', 'Novak', 'Fitzgerald', 'Tanaka', 'Ferreira', 'Kowalski', 'Adeyemi', 'Sandoval'];
const TITLES = [
  'the county treasurer', 'the harbour master', 'the transport minister', 'a spokeswoman for the water board',
  'the chief executive of Northgate Rail', 'the head of the nurses\u2019 union', 'a senior economist at Halvard Bank',
  'the deputy mayor', 'the school superintendent', 'a professor of hydrology at Ellisford University',
  'the police commissioner', 'a spokesman for the fire service',
];
const ORGS = ['the Harbour Authority', 'Northgate Rail', 'the Regional Water Board', 'Halvard Bank', 'the Tenants\u2019 Alliance', 'the Ministry of Transport', 'the city council', 'Ellisford University', 'the Farmers\u2019 Cooperative'];
const DOCS = ['a report released on Monday', 'internal figures seen by this newspaper', 'the annual audit', 'a leaked memo', 'court filings', 'a survey of 1,200 residents'];
const ANON = [
  'a person familiar with the negotiations, who spoke on condition of anonymity because the talks were private',
  'two officials who were not authorised to speak publicly',
  'a senior aide who asked not to be named',
  'people briefed on the plan',
];
const PLACES = ['Eastmoor', 'the river district', 'Port Callan', 'the northern suburbs', 'Kessling Bridge', 'the old market quarter'];
const TOPICS = ['the fare increase', 'the new reservoir', 'the flood barrier', 'the hospital merger', 'the budget shortfall', 'the rail tunnel', 'the housing levy', 'the bridge closure'];
const CUES_NEUTRAL = ['said', 'told reporters', 'said in a statement', 'wrote in a letter to members', 'said on Tuesday', 'told the committee'];
const CUES_LOADED = ['admitted', 'claimed', 'insisted', 'conceded', 'warned'];
const QUOTES = [
  'We are not going to pretend the numbers add up when they do not',
  'Nobody in this building wants to see another winter like the last one',
  'This is the most serious problem the district has faced in a generation',
  'We were told the money was there, and then it simply was not',
  'I have asked the board to publish every page of it',
  'Our members will not accept a deal that cuts staffing on the night shift',
  'It is too early to say what caused the failure',
  'The plan was always going to cost more than the first estimate',
  'We will keep the stations open for as long as it is safe to do so',
  'Frankly, the timetable was never realistic',
];
const CLAIMS = [
  'the project would be finished two years late',
  'costs had risen by almost a third since the contract was signed',
  'the council had ignored repeated warnings from its own engineers',
  'the service would resume by the end of the month',
  'inspectors found cracks in three of the supporting piers',
  'the agency had not consulted residents before approving the plan',
  'ticket sales fell sharply after the strike',
  'the new rules would apply to every landlord with more than five flats',
  'the shortfall could reach 14 million over the next three years',
  'the board expected to vote on the proposal next week',
];
const FACTS = [
  'The bridge carries about 40,000 vehicles a day.',
  'The reservoir was completed in 1968 and last refurbished in 2004.',
  'Fares have risen four times since 2019.',
  'The district has a population of roughly 86,000.',
  'The tunnel runs 3.2 kilometres beneath the estuary.',
  'Voters approved the levy by a margin of 812 votes.',
  'The hospital employs more than 2,300 staff.',
  'Construction began in the spring of 2022.',
];
const HEDGES = ['apparently', 'reportedly', 'probably', 'allegedly'];
const FILLER = [
  'The meeting ran late into the evening and several residents left before the vote.',
  'Outside the hall, a small group of protesters held hand-painted signs.',
  'The figures will be reviewed again when the quarter closes.',
  'Work on the eastern section continued through the weekend.',
];

export interface DraftOptions {
  /** Target number of words (whitespace-separated); the draft stops at the first paragraph end past it. */
  words: number;
  seed?: number;
  /** Emit front matter and headings (default true). */
  markdown?: boolean;
}

function countWords(s: string): number {
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}

/** A news-like Markdown draft of about `words` words. */
export function generateDraft(options: DraftOptions): string {
  const r = rng(options.seed ?? 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const markdown = options.markdown !== false;
  const people: Person[] = [];
  for (let i = 0; i < 12; i++) {
    const [first, pronoun] = pick(FIRST);
    people.push({ first, last: pick(LAST), title: pick(TITLES), pronoun });
  }
  const introduced = new Set<Person>();
  const name = (p: Person): string => {
    if (!introduced.has(p)) {
      introduced.add(p);
      return `${p.first} ${p.last}, ${p.title},`;
    }
    return r() < 0.5 ? p.last : p.pronoun === 'they' ? p.last : `${p.first} ${p.last}`;
  };
  const two = <T>(xs: readonly T[]): [T, T] => {
    const i = Math.floor(r() * xs.length);
    const j = (i + 1 + Math.floor(r() * (xs.length - 1))) % xs.length;
    return [xs[i], xs[j]];
  };
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const q = (s: string, curly: boolean) => (curly ? `\u201C${s}\u201D` : `"${s}"`);

  const paragraphKinds: Array<() => string> = [
    // Direct quote, speaker after.
    () => {
      const p = pick(people);
      return `${q(`${pick(QUOTES)},`, r() < 0.6)} ${name(p)} ${pick(CUES_NEUTRAL)}. ${pick(FACTS)}`;
    },
    // Interrupted quote.
    () => {
      const p = pick(people);
      const curly = r() < 0.5;
      const [a, b] = two(QUOTES);
      return `${q(`${a},`, curly)} ${p.pronoun === 'they' ? p.last : p.pronoun} said. ${q(`${b}.`, curly)}`;
    },
    // Indirect speech with "that".
    () => {
      const p = pick(people);
      const [a, b] = two(CLAIMS);
      return `${cap(name(p))} ${pick(['said', 'told reporters', 'argued', 'said on Monday'])} that ${a}. ${cap(p.pronoun)} ${pick(CUES_LOADED)} that ${b}.`;
    },
    // According to a document or organisation.
    () => `According to ${pick(DOCS)}, ${pick(CLAIMS)}. ${pick(FACTS)}`,
    () => `${cap(pick(CLAIMS))}, according to ${pick(ORGS)}.`,
    // Anonymous source.
    () => `${cap(pick(CLAIMS))}, said ${pick(ANON)}.`,
    // Mixed: partial quote inside indirect speech.
    () => {
      const p = pick(people);
      return `${cap(name(p))} described ${pick(TOPICS)} as ${q(pick(['a slow-motion disaster', 'long overdue', 'the right call', 'a cynical exercise']), r() < 0.5)} and said ${pick(CLAIMS)}.`;
    },
    // Organisation statement with a link.
    () => `In a statement, ${pick(ORGS)} said ${pick(CLAIMS)}. The full text is [on its website](https://example.org/statements/${Math.floor(r() * 9000) + 1000}).`,
    // Unattributed facts and hedges in the reporter's voice.
    () => `${two(FACTS).join(' ')} The work in ${pick(PLACES)} is ${pick(HEDGES)} behind schedule.`,
    () => `${pick(FILLER)} *${cap(pick(TOPICS))}* remains the main issue in ${pick(PLACES)}. The project went ahead according to plan.`,
    // Blockquote of a written statement.
    () => {
      const p = pick(people);
      const [a, b] = two(QUOTES);
      return `${cap(name(p))} wrote to members:\n\n> ${a}. ${b}.`;
    },
  ];

  const parts: string[] = [];
  let words = 0;
  const push = (s: string) => {
    parts.push(s);
    words += countWords(s);
  };
  if (markdown) {
    push(`---\ntitle: "${cap(pick(TOPICS))} divides ${pick(PLACES)}"\nauthor: Staff reporter\ndate: 2026-03-0${1 + Math.floor(r() * 9)}\n---\n\n# ${cap(pick(TOPICS))}: what we know`);
  }
  let n = 0;
  while (words < options.words) {
    if (markdown && n > 0 && n % 12 === 0) push(`## ${cap(pick(TOPICS))} in ${pick(PLACES)}`);
    push(pick(paragraphKinds)());
    n++;
  }
  return `${parts.join('\n\n')}\n`;
}

export { countWords };
