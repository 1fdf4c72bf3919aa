// Palette titles of the extension's commands as VS Code shows them ("Category: Title"), read from
// package.json and package.nls(.ko).json, so the tests follow the manifest's wording.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './env';

type Nls = Record<string, string>;

function nls(lang: 'en' | 'ko'): Nls {
  const base = JSON.parse(readFileSync(join(REPO, 'package.nls.json'), 'utf8')) as Nls;
  if (lang === 'en') return base;
  return { ...base, ...(JSON.parse(readFileSync(join(REPO, 'package.nls.ko.json'), 'utf8')) as Nls) };
}

function localize(value: string, strings: Nls): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  return key ? (strings[key] ?? value) : value;
}

export function commandTitle(id: string, lang: 'en' | 'ko' = 'en'): string {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    contributes: { commands: { command: string; title: string; category?: string }[] };
  };
  const command = manifest.contributes.commands.find((c) => c.command === id);
  if (!command) throw new Error(`package.json contributes no command ${id}`);
  const strings = nls(lang);
  const title = localize(command.title, strings);
  return command.category ? `${localize(command.category, strings)}: ${title}` : title;
}
