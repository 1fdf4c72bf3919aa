// The `kube-notes` command: options → settings → one language service → inputs checked one by one → a streamed report.
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { normalizeSettings } from '../../service/settings';
import { pick, resolveLang, type Lang } from '../../service/l10n/localized';
import { allCheckCodes, checkCodeSeverity, CHECK_CODES } from '../../service/check/checkCodes';
import { resolveSection } from '../../service/check/checkConfig';
import { createChecker, type FileIdentity } from '../../service/check/checker';
import { createReporter } from '../../service/check/report';
import { onlyAtOrAbove, SummaryBuilder } from '../../service/check/summary';
import type { FileResult } from '../../service/check/checkTypes';
import { createCheckEnvironment, indexWorkspace, LARGE_FILE_BYTES, ReadAhead } from './checkEnvironment';
import { createLargeFileChecker } from './largeFileWorker';
import { parseArgs, type CliOptions } from './args';
import { loadConfig } from './configFile';
import { helpText } from './helpText';
import { createProgress } from './progress';
import { readFileLimited, readStreamLimited, type ReadResult } from './readInput';
import { collectTargets } from './walk';

export const CLI_NAME = 'kube-notes';

export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Everything the command needs from the outside world (cliMain passes the process's). */
export interface CliIo {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The package folder (holding package.json and server/schemas). */
  readonly packageRoot: string;
  /**
   * Script that serves large files in a worker thread (the CLI bundle itself); without it, large files are checked
   * in the main thread.
   */
  readonly workerScript?: string;
  /** Heap limit of the main thread in MB (the worker gets most of it). */
  readonly heapLimitMb?: number;
}

/** The locale from the environment, as POSIX ranks it: LC_ALL, then LC_MESSAGES, then LANG. */
export function environmentLocale(env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

export function packageVersion(packageRoot: string): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Whether to colour human output: --color/--no-color, else a TTY without NO_COLOR (any value) and TERM≠dumb. */
export function useColor(option: boolean | undefined, stdout: OutputStream, env: Readonly<Record<string, string | undefined>>): boolean {
  if (option !== undefined) return option;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return stdout.isTTY === true;
}

/** Percent-encodes a relative path segment by segment into a URI reference. */
function relativeUri(path: string): string {
  return path.split(sep).map(encodeURIComponent).join('/');
}

export function identityOf(absolutePath: string, cwd: string): FileIdentity {
  const rel = relative(cwd, absolutePath);
  const inside = rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
  const documentUri = pathToFileURL(absolutePath).href;
  return inside
    ? { path: rel, uri: relativeUri(rel), relative: true, documentUri }
    : { path: absolutePath, uri: documentUri, relative: false, documentUri };
}

/** Names whose URI form is the name itself (never `.` or `..`). */
const PLAIN_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * `identityOf` for many files under few folders: a folder's identity is computed once and a plain file name is
 * appended to it (what `relative` and `pathToFileURL` give for it, without their cost 10,000 times); other names
 * take the full path.
 */
export function identities(cwd: string): (absolutePath: string) => FileIdentity {
  const folders = new Map<string, { readonly identity: FileIdentity; readonly isCwd: boolean }>();
  return (absolutePath) => {
    const slash = absolutePath.lastIndexOf(sep);
    const name = absolutePath.slice(slash + 1);
    // POSIX paths only: on Windows a folder like `C:` would resolve against that drive's working directory.
    if (sep !== '/' || slash <= 0 || !PLAIN_NAME.test(name)) return identityOf(absolutePath, cwd);
    const folder = absolutePath.slice(0, slash);
    let parent = folders.get(folder);
    if (parent === undefined) {
      parent = { identity: identityOf(folder, cwd), isCwd: relative(cwd, folder) === '' };
      folders.set(folder, parent);
    }
    if (parent.isCwd) return identityOf(absolutePath, cwd);
    const { identity } = parent;
    const documentUri = `${identity.documentUri}/${name}`;
    return identity.relative
      ? { path: `${identity.path}/${name}`, uri: `${identity.uri}/${name}`, relative: true, documentUri }
      : { path: absolutePath, uri: documentUri, relative: false, documentUri };
  };
}

function stdinIdentity(name: string | undefined, cwd: string): FileIdentity {
  if (name === undefined) return { path: '<stdin>', uri: 'stdin', relative: true, documentUri: 'untitled:stdin' };
  const identity = identityOf(resolve(cwd, name), cwd);
  return { ...identity, path: identity.relative ? identity.path : name };
}

/** Pre-lang guess for messages printed before options are parsed. */
function earlyLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  const index = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = index === -1 ? undefined : argv[index]!.includes('=') ? argv[index]!.slice('--lang='.length) : argv[index + 1];
  return resolveLang(value === 'ko' || value === 'en' ? value : 'auto', environmentLocale(env));
}

/** Runs the command and returns its exit code (0, 1 or 2). Never throws for bad input. */
export async function runCli(io: CliIo): Promise<number> {
  const parsed = parseArgs(io.argv);
  const envLocale = environmentLocale(io.env);
  if (!parsed.ok) {
    const lang = earlyLang(io.argv, io.env);
    io.stderr.write(`${CLI_NAME}: ${pick(parsed.error, lang)}\n`);
    return 2;
  }
  const options: CliOptions = parsed.options;
  const version = packageVersion(io.packageRoot);
  if (options.command === 'version') {
    io.stdout.write(`${CLI_NAME} ${version}\n`);
    return 0;
  }
  if (options.command === 'help') {
    io.stdout.write(helpText(resolveLang(options.lang ?? 'auto', envLocale)));
    return 0;
  }

  const { service, resources } = createCheckEnvironment(io.packageRoot, envLocale);

  const config = loadConfig(io.cwd, options.config, !options.noConfig);
  const messageLang = (): Lang => resolveLang(options.lang ?? 'auto', envLocale);
  if (!config.ok) {
    io.stderr.write(`${CLI_NAME}: ${pick(config.error, messageLang())}\n`);
    return 2;
  }
  const origin = config.path !== undefined ? relative(io.cwd, config.path) || config.path : '--config';
  const { section, problems } = resolveSection(
    config.section,
    {
      ...(options.lang !== undefined ? { language: options.lang } : {}),
      ...(options.kubernetesVersion !== undefined ? { kubernetesVersion: options.kubernetesVersion } : {}),
      rules: options.rules,
    },
    service.registry,
    origin,
  );
  const settings = normalizeSettings(section);
  const lang = service.languageOf(settings);
  for (const warning of [...config.warnings, ...problems.warnings]) io.stderr.write(`${CLI_NAME}: ${pick(warning, lang)}\n`);
  if (problems.errors.length > 0) {
    for (const error of problems.errors) io.stderr.write(`${CLI_NAME}: ${pick(error, lang)}\n`);
    return 2;
  }

  if (options.command === 'list-rules') {
    for (const code of allCheckCodes(service.registry)) {
      const own = CHECK_CODES.includes(code) && !service.registry.code(code.code);
      const severity = own ? checkCodeSeverity(code, settings) : service.registry.severityOf(code.code, settings);
      io.stdout.write(`${code.code.padEnd(8)} ${severity.padEnd(8)} ${code.name.padEnd(28)} ${pick(code.title, lang)}\n`);
    }
    return 0;
  }

  const operands = options.operands.length > 0 ? options.operands : ['.'];
  const walk = collectTargets(operands, io.cwd, options.maxFiles);
  const summary = new SummaryBuilder(options.severityThreshold);
  for (const error of walk.operandErrors) {
    io.stderr.write(`${CLI_NAME}: ${pick(error, lang)}\n`);
    summary.addRunError();
  }
  if (walk.exceeded) {
    io.stderr.write(
      `${CLI_NAME}: ${pick(
        {
          ko: `검사할 파일이 ${options.maxFiles}개를 넘습니다. 경로를 좁히거나 --max-files를 올리십시오.`,
          en: `More than ${options.maxFiles} files to check. Narrow the paths or raise --max-files.`,
        },
        lang,
      )}\n`,
    );
    return 2;
  }
  if (settings.kubernetes.validate && resources.schemaFor(settings.kubernetes.version) === undefined) {
    io.stderr.write(
      `${CLI_NAME}: ${pick(
        {
          ko: `Kubernetes ${settings.kubernetes.version} 스키마를 불러오지 못해 스키마 검사를 건너뜁니다.`,
          en: `Cannot load the Kubernetes ${settings.kubernetes.version} schema; schema checks are skipped.`,
        },
        lang,
      )}\n`,
    );
  }
  // The index pass reads every file; up to 64 MB of them are kept for the check pass instead of read again.
  const identityFor = identities(io.cwd);
  const readAhead = new ReadAhead(64 * 1024 * 1024);
  const index = indexWorkspace(walk.targets, resources, readAhead);
  const checker = createChecker({ service, settings });
  // Large files go to a worker with a heap limit (started on first use): running out of memory there costs one finding.
  const heapMb = Math.max(256, Math.floor((io.heapLimitMb ?? 4096) * 0.8));
  const large =
    io.workerScript !== undefined
      ? createLargeFileChecker(io.workerScript, { packageRoot: io.packageRoot, section, ...(envLocale !== undefined ? { envLocale } : {}), index }, heapMb)
      : undefined;
  /** A file's result: at once for most files, a promise for the large ones the worker checks. */
  const check = (identity: FileIdentity, read: ReadResult): FileResult | Promise<FileResult> => {
    if (read.kind === 'tooLarge') return checker.tooLarge(identity, read.size, options.maxFileSize);
    if (read.kind === 'error') return checker.unreadable(identity, read.reason);
    if (!large || read.bytes.length <= LARGE_FILE_BYTES) return checker.checkBytes(identity, read.bytes);
    return checkLarge(large, identity, read.bytes);
  };
  const checkLarge = async (worker: NonNullable<typeof large>, identity: FileIdentity, bytes: Uint8Array): Promise<FileResult> => {
    const outcome = await worker.check(identity, bytes);
    if (outcome.kind === 'result') return outcome.result;
    if (outcome.kind === 'outOfMemory') return checker.outOfMemory(identity, bytes.length, heapMb);
    return checker.failed(identity, outcome.message);
  };

  const reporter = createReporter(options.format, {
    lang,
    color: options.format === 'human' && useColor(options.color, io.stdout, io.env),
    threshold: options.severityThreshold,
    quiet: options.quiet,
    tool: { name: CLI_NAME, version },
    kubernetesVersion: settings.kubernetes.version,
    codes: allCheckCodes(service.registry),
    srcRoot: pathToFileURL(io.cwd.endsWith(sep) ? io.cwd : `${io.cwd}${sep}`).href,
  });

  // Output is buffered in blocks (or per file on a terminal) so 10,000 small results cost few writes.
  let pending = '';
  const progress = createProgress(io.stderr, walk.targets.length, !options.quiet);
  const sameTerminal = io.stdout.isTTY === true && io.stderr.isTTY === true;
  const flush = (): void => {
    if (pending === '') return;
    if (sameTerminal) progress.clear();
    io.stdout.write(pending);
    pending = '';
  };
  const emit = (text: string): void => {
    pending += text;
    if (pending.length >= 64 * 1024 || io.stdout.isTTY === true) flush();
  };

  emit(reporter.begin());
  let done = 0;
  try {
    for (const target of walk.targets) {
      let result: FileResult;
      const identity = target.kind === 'stdin' ? stdinIdentity(options.stdinFilename, io.cwd) : identityFor(target.path);
      if (target.kind === 'stdin') {
        const stdin = io.stdin;
        result = await check(identity, await readStreamLimited(stdin, options.maxFileSize));
        // Release the handle so the process can exit (a terminal stdin would keep it alive).
        (stdin as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      } else if (target.kind === 'unreadable') {
        result = checker.unreadable(identity, target.reason);
      } else {
        // Awaited only when it is a promise: 10,000 small files need no 10,000 turns of the microtask queue.
        const checked = check(identity, readAhead.take(target.path, options.maxFileSize) ?? readFileLimited(target.path, options.maxFileSize));
        result = checked instanceof Promise ? await checked : checked;
      }
      if (options.quiet) result = onlyAtOrAbove(result, options.severityThreshold);
      summary.add(result);
      emit(reporter.file(result));
      done += 1;
      progress.update(done, identity.path);
    }
  } finally {
    progress.clear();
    await large?.close();
  }
  const totals = summary.summary();
  emit(reporter.end(totals));
  flush();
  return totals.exitCode;
}
