// Expands command-line operands (files, folders, globs, `-`) into the ordered list of inputs to check.
import { lstatSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Localized } from '../../service/l10n/localized';
import { globBase, globMatcher, isGlob, maxGlobDepth } from './glob';
import { errorReason } from './readInput';

/** One input: a file (found by name), stdin, or an entry that is known to be unreadable already. */
export type CheckTarget =
  | { readonly kind: 'file'; readonly path: string; /** Named on the command line (FIFOs etc. are then read too). */ readonly explicit: boolean }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: Localized };

export interface WalkResult {
  readonly targets: CheckTarget[];
  /** Operands that matched nothing or do not exist (usage errors: exit code 2). */
  readonly operandErrors: Localized[];
  /** Set when more than `maxFiles` inputs were found (collection stopped there). */
  readonly exceeded: boolean;
}

/** Folders a recursive walk never enters. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules']);

export function isYamlName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

function entryKind(dirent: Dirent, path: string): 'dir' | 'file' | 'symlink' | 'other' {
  if (dirent.isDirectory()) return 'dir';
  if (dirent.isFile()) return 'file';
  if (dirent.isSymbolicLink()) return 'symlink';
  if (dirent.isFIFO() || dirent.isSocket() || dirent.isCharacterDevice() || dirent.isBlockDevice()) return 'other';
  // DT_UNKNOWN on some file systems: ask lstat.
  try {
    const stats = lstatSync(path);
    return stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : stats.isSymbolicLink() ? 'symlink' : 'other';
  } catch {
    return 'other';
  }
}

const notRegular: Localized = { ko: '일반 파일이 아닙니다 (FIFO, 소켓, 장치)', en: 'not a regular file (FIFO, socket or device)' };

/**
 * Collects inputs in a stable order: operands in the order given, folder entries sorted by name. Symbolic links
 * to files are followed; links to folders are not (no cycles); a dangling link becomes an unreadable input.
 */
export function collectTargets(operands: readonly string[], cwd: string, maxFiles: number): WalkResult {
  const targets: CheckTarget[] = [];
  const operandErrors: Localized[] = [];
  const seen = new Set<string>();
  let exceeded = false;

  const add = (target: CheckTarget): boolean => {
    if (target.kind !== 'stdin') {
      if (seen.has(target.path)) return true;
      seen.add(target.path);
    }
    if (targets.length >= maxFiles) {
      exceeded = true;
      return false;
    }
    targets.push(target);
    return true;
  };

  /** Walks a folder; `accept(relative, name)` decides which files count. Returns false when the limit stopped it. */
  const walk = (folder: string, relative: string, depth: number, maxDepth: number, accept: (relativePath: string, name: string) => boolean): boolean => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      return add({ kind: 'unreadable', path: folder, reason: errorReason(error) });
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // `folder` is normalized (it comes from resolve) and a name holds no separator: what join would give, without its cost.
    const prefix = folder.endsWith(sep) ? folder : folder + sep;
    for (const entry of entries) {
      const path = prefix + entry.name;
      const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const kind = entryKind(entry, path);
      if (kind === 'dir') {
        if (SKIPPED_FOLDERS.has(entry.name) || depth + 1 >= maxDepth) continue;
        if (!walk(path, rel, depth + 1, maxDepth, accept)) return false;
        continue;
      }
      if (!accept(rel, entry.name)) continue;
      let ok = true;
      if (kind === 'file') ok = add({ kind: 'file', path, explicit: false });
      else if (kind === 'other') ok = add({ kind: 'unreadable', path, reason: notRegular });
      else {
        let stats: Stats | undefined;
        try {
          stats = statSync(path);
        } catch (error) {
          ok = add({ kind: 'unreadable', path, reason: errorReason(error) });
          if (!ok) return false;
          continue;
        }
        if (stats.isDirectory()) continue;
        ok = stats.isFile() ? add({ kind: 'file', path, explicit: false }) : add({ kind: 'unreadable', path, reason: notRegular });
      }
      if (!ok) return false;
    }
    return true;
  };

  for (const operand of operands) {
    if (exceeded) break;
    if (operand === '-') {
      add({ kind: 'stdin' });
      continue;
    }
    const path = resolve(cwd, operand);
    let stats: Stats | undefined;
    try {
      stats = statSync(path);
    } catch (error) {
      // A dangling symbolic link named on the command line is an unreadable file, not a missing operand.
      let link = false;
      try {
        link = lstatSync(path).isSymbolicLink();
      } catch {
        link = false;
      }
      if (link) {
        add({ kind: 'unreadable', path, reason: errorReason(error) });
        continue;
      }
      if (isGlob(operand)) {
        const { base, rest } = globBase(operand);
        const matches = globMatcher(rest);
        const before = targets.length;
        const baseFolder = resolve(cwd, base);
        let baseIsFolder = false;
        try {
          baseIsFolder = statSync(baseFolder).isDirectory();
        } catch {
          baseIsFolder = false;
        }
        if (baseIsFolder) walk(baseFolder, '', 0, maxGlobDepth(rest), (rel) => matches(rel));
        if (targets.length === before && !exceeded) {
          operandErrors.push({ ko: `'${operand}'와(과) 일치하는 파일이 없습니다.`, en: `No files match '${operand}'.` });
        }
        continue;
      }
      const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
      operandErrors.push(
        code === 'ENOENT'
          ? { ko: `'${operand}' 파일이나 폴더가 없습니다.`, en: `Cannot find '${operand}': no such file or folder.` }
          : { ko: `'${operand}'을(를) 읽을 수 없습니다: ${errorReason(error).ko}`, en: `Cannot access '${operand}': ${errorReason(error).en}` },
      );
      continue;
    }
    if (stats.isDirectory()) walk(path, '', 0, Number.POSITIVE_INFINITY, (_rel, name) => isYamlName(name));
    else add({ kind: 'file', path, explicit: true });
  }
  return { targets, operandErrors, exceeded };
}
