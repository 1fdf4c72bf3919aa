// Finds and reads the settings file (explicit --config, or .kube-notes.json/.yaml/.yml in the working folder).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseJsonc, sectionFromConfig } from '../../service/check/checkConfig';
import type { Localized } from '../../service/l10n/localized';
import { errorReason } from './readInput';

export const CONFIG_FILE_NAMES: readonly string[] = ['.kube-notes.json', '.kube-notes.yaml', '.kube-notes.yml'];
const MAX_CONFIG_BYTES = 1024 * 1024;

export type ConfigLoad =
  | { readonly ok: true; readonly path?: string; readonly section: Record<string, unknown>; readonly warnings: Localized[] }
  | { readonly ok: false; readonly error: Localized };

function parseConfigText(text: string, path: string): unknown {
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.jsonc') return parseJsonc(text);
  if (ext === '.yaml' || ext === '.yml') return parseYaml(text, { maxAliasCount: 100 });
  try {
    return parseJsonc(text);
  } catch {
    return parseYaml(text, { maxAliasCount: 100 });
  }
}

/** Loads the settings section; `explicit` is --config (must exist), otherwise the working folder is searched. */
export function loadConfig(cwd: string, explicit: string | undefined, discover: boolean): ConfigLoad {
  const warnings: Localized[] = [];
  let path: string | undefined;
  if (explicit !== undefined) {
    path = resolve(cwd, explicit);
  } else if (discover) {
    const found = CONFIG_FILE_NAMES.map((name) => join(cwd, name)).filter((p) => existsSync(p));
    path = found[0];
    if (found.length > 1) {
      warnings.push({ ko: `설정 파일이 여럿 있어 ${found[0]}만 씁니다: ${found.slice(1).join(', ')} 무시.`, en: `Several config files found; using ${found[0]} and ignoring ${found.slice(1).join(', ')}.` });
    }
  }
  if (path === undefined) return { ok: true, section: {}, warnings };
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_CONFIG_BYTES) return { ok: false, error: { ko: `설정 파일이 너무 큽니다: ${path}`, en: `Config file too large: ${path}` } };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = errorReason(error);
    return { ok: false, error: { ko: `설정 파일을 읽을 수 없습니다: ${path}: ${reason.ko}`, en: `Cannot read the config file ${path}: ${reason.en}` } };
  }
  try {
    return { ok: true, path, section: sectionFromConfig(parseConfigText(text, path)), warnings };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { ko: `설정 파일 ${path}이(가) 올바르지 않습니다: ${message}`, en: `Invalid config file ${path}: ${message}` } };
  }
}
