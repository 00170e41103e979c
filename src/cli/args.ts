// Command-line parsing for `source-trace`. Pure: no I/O, so it is unit-tested directly.
import { RULES } from '../core/rules';
import type { RuleId, Severity } from '../core/types';

export type Command = 'analyze' | 'check';
export type InputFormat = 'markdown' | 'text';
export type SeverityLevel = Severity | 'off';

/** Default refusal threshold for a single input: 5 MB (binary megabytes). */
export const DEFAULT_MAX_SIZE = 5 * 1024 * 1024;

export interface CliOptions {
  command: Command;
  files: string[];
  json: boolean;
  /** Input format forced by `--format`; null means "from the file extension". */
  format: InputFormat | null;
  severities: Partial<Record<RuleId, SeverityLevel>>;
  maxSize: number;
  /** `--sources GLOB` (repeatable): source material to check quotes against, relative to the current folder. */
  sources: string[];
  /** `--no-sources`: no quote checking, not even the default `sources/` folder. */
  noSources: boolean;
  /** `--contact-notes`: include the source register's private contact notes in the output. */
  contactNotes: boolean;
}

export type ParseResult =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string };

const LEVELS: readonly SeverityLevel[] = ['error', 'warning', 'info', 'hint', 'off'];
const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

export const USAGE = 'usage: source-trace <analyze|check> [options] FILE… (see source-trace --help)';

export function helpText(version: string): string {
  const width = Math.max(...RULES.map((rule) => rule.id.length)) + 1;
  const rules = RULES.map((rule) => `  ${rule.id.padEnd(width)} ${rule.defaultSeverity.padEnd(8)} ${rule.description}`);
  return [
    `source-trace ${version} — who said what in a news draft`,
    '',
    'Usage:',
    '  source-trace analyze [--json] [--format markdown|text] FILE…',
    '  source-trace check [--severity RULE=LEVEL]… FILE…',
    '  source-trace analyze|check --sources GLOB FILE…   (quotes checked against transcripts)',
    '',
    'Commands:',
    '  analyze   List the actors, their claims and stances, and the unattributed sentences.',
    '            With --json: one file prints the Analysis object (report version 1);',
    '            several files print an array of Analysis objects, each with a "file" field.',
    '  check     Print findings like a linter, one per line:',
    '              file:line:col severity rule message',
    '            Lines and columns are 1-based; columns count UTF-16 code units, as editors do',
    '            (an emoji outside the Basic Multilingual Plane counts as 2).',
    '',
    'Options:',
    '  --json                     Machine-readable output (analyze: Analysis JSON; check: findings array).',
    '  --format markdown|text     How to read the input. Default: from the extension',
    '                             (.txt → text; .md, .markdown and anything else → markdown; stdin → markdown).',
    '  --severity RULE=LEVEL      Override a rule\'s severity; LEVEL is error, warning, info, hint or off.',
    '                             Repeatable. Applies to both commands.',
    '  --max-size SIZE            Refuse inputs larger than SIZE (default 5MB). Bytes, or with a suffix:',
    '                             KB, MB, GB (1 KB = 1024 bytes).',
    '  --sources GLOB             Source material to check quotes against (.txt .md .vtt .srt), relative',
    '                             to the current folder; repeatable. Default: the draft\'s front matter',
    '                             `sources:` globs, else sources/** in the nearest folder (the draft\'s or',
    '                             an ancestor) that has a sources/ folder.',
    '  --no-sources               Do not check quotes against source material.',
    '  --contact-notes            Include the source register\'s private contact notes in analyze --json.',
    '                             (Register: front matter `sources:` entries and the nearest',
    '                             .source-trace/sources.yaml. Contact notes are never shown otherwise.)',
    '  -h, --help                 Show this help.',
    '  -V, --version              Show the version.',
    '  --                         Everything after is a file name.',
    '',
    'FILE may be "-" to read standard input.',
    '',
    'Exit status:',
    '  0  success (check: no finding of severity warning or error)',
    '  1  check found at least one warning or error',
    '  2  usage error, or an input could not be read (missing, a directory, binary, too large);',
    '     the other files are still analysed.',
    '',
    'Rules (default severity):',
    ...rules,
    '',
  ].join('\n');
}

/** "5MB", "512KB", "1024", "1.5 MB", "2MiB" → bytes. Returns null when not a size. */
export function parseSize(value: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(i?b)?\s*$/i.exec(value);
  if (!match) return null;
  const [, amount, unit, suffix] = match;
  // A bare "B" is bytes; "K"/"KB"/"KiB" are kibibytes, and so on.
  if (suffix && suffix.toLowerCase() === 'ib' && !unit) return null;
  const factor = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const bytes = Math.floor(Number(amount) * factor);
  return Number.isSafeInteger(bytes) ? bytes : null;
}

function parseSeverity(value: string): { rule: RuleId; level: SeverityLevel } | string {
  const eq = value.indexOf('=');
  if (eq < 0) return `--severity expects RULE=LEVEL, got "${value}"`;
  const rule = value.slice(0, eq).trim();
  const level = value.slice(eq + 1).trim().toLowerCase();
  if (!RULE_IDS.includes(rule)) return `unknown rule "${rule}" (rules: ${RULE_IDS.join(', ')})`;
  if (!(LEVELS as readonly string[]).includes(level)) return `unknown level "${level}" (levels: ${LEVELS.join(', ')})`;
  return { rule: rule as RuleId, level: level as SeverityLevel };
}

export function parseArgs(argv: readonly string[]): ParseResult {
  let command: Command | null = null;
  const files: string[] = [];
  let json = false;
  let format: InputFormat | null = null;
  const severities: Partial<Record<RuleId, SeverityLevel>> = {};
  let maxSize = DEFAULT_MAX_SIZE;
  let help = false;
  let version = false;
  let onlyFiles = false;
  const sources: string[] = [];
  let noSources = false;
  let contactNotes = false;

  const positional = (arg: string): ParseResult | null => {
    if (command === null) {
      if (arg !== 'analyze' && arg !== 'check') return { kind: 'error', message: `unknown command "${arg}"` };
      command = arg;
    } else {
      files.push(arg);
    }
    return null;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      const error = positional(arg);
      if (error) return error;
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    // --name=value as well as --name value.
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : null;
    const takeValue = (): string | null => {
      if (inline !== null) return inline;
      if (i + 1 < argv.length) return argv[++i];
      return null;
    };
    const noValue = (): ParseResult | null =>
      inline !== null ? { kind: 'error', message: `option ${name} takes no value` } : null;

    switch (name) {
      case '-h':
      case '--help': {
        const error = noValue();
        if (error) return error;
        help = true;
        break;
      }
      case '-V':
      case '--version': {
        const error = noValue();
        if (error) return error;
        version = true;
        break;
      }
      case '--json': {
        const error = noValue();
        if (error) return error;
        json = true;
        break;
      }
      case '--format': {
        const value = takeValue();
        if (value !== 'markdown' && value !== 'text') {
          return { kind: 'error', message: `--format expects markdown or text${value === null ? '' : `, got "${value}"`}` };
        }
        format = value;
        break;
      }
      case '--severity': {
        const value = takeValue();
        if (value === null) return { kind: 'error', message: '--severity expects RULE=LEVEL' };
        const parsed = parseSeverity(value);
        if (typeof parsed === 'string') return { kind: 'error', message: parsed };
        severities[parsed.rule] = parsed.level;
        break;
      }
      case '--max-size': {
        const value = takeValue();
        const bytes = value === null ? null : parseSize(value);
        if (bytes === null) {
          return { kind: 'error', message: `--max-size expects a size such as 5MB or 512KB${value === null ? '' : `, got "${value}"`}` };
        }
        maxSize = bytes;
        break;
      }
      case '--sources': {
        const value = takeValue();
        if (value === null || value === '') return { kind: 'error', message: '--sources expects a glob such as "interviews/**"' };
        sources.push(value);
        break;
      }
      case '--no-sources': {
        const error = noValue();
        if (error) return error;
        noSources = true;
        break;
      }
      case '--contact-notes': {
        const error = noValue();
        if (error) return error;
        contactNotes = true;
        break;
      }
      default:
        return { kind: 'error', message: `unknown option ${name}` };
    }
  }

  if (help) return { kind: 'help' };
  if (version) return { kind: 'version' };
  if (command === null) return { kind: 'error', message: 'missing command (analyze or check)' };
  if (files.length === 0) return { kind: 'error', message: 'no input files (use - for standard input)' };
  if (noSources && sources.length > 0) return { kind: 'error', message: '--no-sources and --sources exclude each other' };
  return { kind: 'run', options: { command, files, json, format, severities, maxSize, sources, noSources, contactNotes } };
}
