// A small glob matcher for operands the shell did not expand: `**`, `*`, `?`, `{a,b}` (nestable), `[abc]`, `\` escapes.

/** Whether an operand contains glob syntax. */
export function isGlob(pattern: string): boolean {
  return /[*?{[]/.test(pattern);
}

function escapeRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/**
 * Compiles a glob over `/`-separated paths to an anchored RegExp. `*` and `?` never cross `/`; a `**` segment
 * matches zero or more whole segments. Dot files are matched like any other name.
 */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let depth = 0;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) {
      out += escapeRegExp(pattern[i + 1]!);
      i += 2;
      continue;
    }
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        let end = i + 2;
        while (pattern[end] === '*') end += 1;
        const atEnd = end === pattern.length || pattern[end] === '/';
        if (atStart && atEnd) {
          if (end === pattern.length) {
            out += '.*';
            i = end;
          } else {
            // `**/` : zero or more segments, each followed by a slash.
            out += '(?:[^/]*/)*';
            i = end + 1;
          }
          continue;
        }
        // `a**b` behaves like `a*b`.
        out += '[^/]*';
        i = end;
        continue;
      }
      out += '[^/]*';
      i += 1;
      continue;
    }
    if (ch === '?') {
      out += '[^/]';
      i += 1;
      continue;
    }
    if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close !== -1) {
        let body = pattern.slice(i + 1, close);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        body = body.replace(/[\\\]^]/g, (c) => `\\${c}`);
        out += negate ? `[^/${body}]` : `[${body}]`;
        i = close + 1;
        continue;
      }
      out += '\\[';
      i += 1;
      continue;
    }
    if (ch === '{') {
      depth += 1;
      out += '(?:';
      i += 1;
      continue;
    }
    if (ch === '}' && depth > 0) {
      depth -= 1;
      out += ')';
      i += 1;
      continue;
    }
    if (ch === ',' && depth > 0) {
      out += '|';
      i += 1;
      continue;
    }
    out += escapeRegExp(ch);
    i += 1;
  }
  // An unclosed `{` is taken literally rather than rejected.
  if (depth > 0) return new RegExp(`^${pattern.replace(/[\\^$.*+?()[\]{}|/]/g, (c) => `\\${c}`)}$`);
  return new RegExp(`^${out}$`);
}

/** Splits a glob into the folder to walk (no glob syntax) and the pattern relative to it. */
export function globBase(pattern: string): { base: string; rest: string } {
  const normalized = pattern;
  const absolute = normalized.startsWith('/');
  const parts = normalized.split('/').filter((p, index) => !(p === '' && index > 0) && p !== '.');
  const baseParts: string[] = [];
  let index = 0;
  if (absolute) {
    baseParts.push('');
    index = 1;
  }
  for (; index < parts.length - 1; index++) {
    const part = parts[index]!;
    if (isGlob(part) || part.includes('\\')) break;
    baseParts.push(part);
  }
  const base = absolute ? (baseParts.length === 1 ? '/' : baseParts.join('/')) : baseParts.length === 0 ? '.' : baseParts.join('/');
  return { base, rest: parts.slice(index).join('/') };
}

/** How deep below the base a pattern can match (Infinity with `**`). */
export function maxGlobDepth(rest: string): number {
  return rest.includes('**') ? Number.POSITIVE_INFINITY : rest.split('/').length;
}

export function globMatcher(pattern: string): (relativePath: string) => boolean {
  const regexp = globToRegExp(pattern);
  return (path) => regexp.test(path);
}
