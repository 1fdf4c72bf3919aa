// Parses the `kube-notes` command line into options, or a usage error (exit code 2). No process access here.
import type { Localized } from '../../service/l10n/localized';
import { isSeverity } from '../../service/check/checkCodes';
import { OUTPUT_FORMATS, type OutputFormat, type Severity } from '../../service/check/checkTypes';

export const DEFAULT_MAX_FILES = 100_000;
export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

export interface CliOptions {
  readonly command: 'check' | 'help' | 'version' | 'list-rules';
  readonly operands: readonly string[];
  readonly kubernetesVersion?: string;
  readonly lang?: 'ko' | 'en' | 'auto';
  readonly format: OutputFormat;
  readonly severityThreshold: Severity;
  readonly rules: ReadonlyArray<{ readonly rule: string; readonly severity: string }>;
  readonly config?: string;
  readonly noConfig: boolean;
  /** `true` (--color), `false` (--no-color), undefined: colours on a TTY unless NO_COLOR is set. */
  readonly color?: boolean;
  readonly quiet: boolean;
  readonly maxFiles: number;
  readonly maxFileSize: number;
  readonly stdinFilename?: string;
}

export type ParseResult = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly error: Localized };

/** `50MB`, `512k`, `1048576`, `1.5 MiB` → bytes. */
export function parseSize(value: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(value);
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase();
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number.parseFloat(match[1]!) * factor);
  return Number.isFinite(bytes) && bytes > 0 ? bytes : undefined;
}

const usage = (ko: string, en: string): ParseResult => ({ ok: false, error: { ko, en } });

/** Options that take a value, with their short aliases. */
const VALUE_OPTIONS = new Set(['--kubernetes-version', '--lang', '--format', '--severity-threshold', '--rule', '--config', '--max-files', '--max-file-size', '--stdin-filename']);
const ALIASES: Readonly<Record<string, string>> = { '-f': '--format', '-c': '--config', '-q': '--quiet', '-h': '--help', '-v': '--version' };

export function parseArgs(argv: readonly string[]): ParseResult {
  let command: CliOptions['command'] | undefined;
  const operands: string[] = [];
  const rules: Array<{ rule: string; severity: string }> = [];
  let kubernetesVersion: string | undefined;
  let lang: CliOptions['lang'];
  let format: OutputFormat = 'human';
  let severityThreshold: Severity = 'error';
  let config: string | undefined;
  let noConfig = false;
  let color: boolean | undefined;
  let quiet = false;
  let maxFiles = DEFAULT_MAX_FILES;
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  let stdinFilename: string | undefined;
  let help = false;
  let version = false;
  let listRules = false;
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      if (command === undefined && !help && !version && !listRules) {
        if (arg !== 'check') {
          return usage(
            `알 수 없는 명령 '${arg}'. 'kube-notes check ${arg}'처럼 쓰십시오 (--help 참고).`,
            `Unknown command '${arg}'. Use 'kube-notes check ${arg}' (see --help).`,
          );
        }
        command = 'check';
        continue;
      }
      operands.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq !== -1) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    arg = ALIASES[arg] ?? arg;
    if (VALUE_OPTIONS.has(arg) && value === undefined) {
      value = argv[i + 1];
      if (value === undefined) return usage(`${arg}에 값이 필요합니다.`, `${arg} needs a value.`);
      i += 1;
    } else if (!VALUE_OPTIONS.has(arg) && value !== undefined) {
      return usage(`${arg}은(는) 값을 받지 않습니다.`, `${arg} does not take a value.`);
    }
    const v = value ?? '';
    switch (arg) {
      case '--kubernetes-version':
        kubernetesVersion = v;
        break;
      case '--lang':
        if (v !== 'ko' && v !== 'en' && v !== 'auto') return usage(`--lang은 ko 또는 en이어야 합니다 ('${v}').`, `--lang must be ko or en (got '${v}').`);
        lang = v;
        break;
      case '--format':
        if (!(OUTPUT_FORMATS as readonly string[]).includes(v)) {
          return usage(`--format은 ${OUTPUT_FORMATS.join(', ')} 중 하나여야 합니다 ('${v}').`, `--format must be one of ${OUTPUT_FORMATS.join(', ')} (got '${v}').`);
        }
        format = v as OutputFormat;
        break;
      case '--severity-threshold':
        if (!isSeverity(v)) return usage(`--severity-threshold는 error, warning, info, hint 중 하나여야 합니다 ('${v}').`, `--severity-threshold must be error, warning, info or hint (got '${v}').`);
        severityThreshold = v;
        break;
      case '--rule': {
        const at = v.lastIndexOf('=');
        if (at <= 0 || at === v.length - 1) return usage(`--rule은 CODE=severity 형식이어야 합니다 ('${v}').`, `--rule must look like CODE=severity (got '${v}').`);
        rules.push({ rule: v.slice(0, at).trim(), severity: v.slice(at + 1).trim() });
        break;
      }
      case '--config':
        config = v;
        break;
      case '--no-config':
        noConfig = true;
        break;
      case '--color':
        color = true;
        break;
      case '--no-color':
        color = false;
        break;
      case '--quiet':
        quiet = true;
        break;
      case '--max-files': {
        const n = /^\d+$/.test(v) ? Number.parseInt(v, 10) : Number.NaN;
        if (!Number.isSafeInteger(n) || n < 1) return usage(`--max-files는 양의 정수여야 합니다 ('${v}').`, `--max-files must be a positive integer (got '${v}').`);
        maxFiles = n;
        break;
      }
      case '--max-file-size': {
        const bytes = parseSize(v);
        if (bytes === undefined) return usage(`--max-file-size는 50MB, 512KB 같은 크기여야 합니다 ('${v}').`, `--max-file-size must be a size such as 50MB or 512KB (got '${v}').`);
        maxFileSize = bytes;
        break;
      }
      case '--stdin-filename':
        stdinFilename = v;
        break;
      case '--help':
        help = true;
        break;
      case '--version':
        version = true;
        break;
      case '--list-rules':
        listRules = true;
        break;
      default:
        return usage(`알 수 없는 옵션 '${arg}' (--help 참고).`, `Unknown option '${arg}' (see --help).`);
    }
  }
  const resolved: CliOptions['command'] | undefined = help ? 'help' : version ? 'version' : listRules ? 'list-rules' : command;
  if (resolved === undefined) return usage("명령이 없습니다: 'kube-notes check [경로...]'를 쓰십시오 (--help 참고).", "No command given: use 'kube-notes check [paths...]' (see --help).");
  return {
    ok: true,
    options: {
      command: resolved,
      operands,
      ...(kubernetesVersion !== undefined ? { kubernetesVersion } : {}),
      ...(lang !== undefined ? { lang } : {}),
      format,
      severityThreshold,
      rules,
      ...(config !== undefined ? { config } : {}),
      noConfig,
      ...(color !== undefined ? { color } : {}),
      quiet,
      maxFiles,
      maxFileSize,
      ...(stdinFilename !== undefined ? { stdinFilename } : {}),
    },
  };
}
