// White space, comments and indicators around fastCompose's nodes (resolve-props.js, resolve-end.js), and declining.
import type { CST } from 'yaml';

type SourceToken = CST.SourceToken;

/** Thrown (never allocated again) to leave fastCompose's recursion when the input is outside the subset. */
export const DECLINED = { declined: true, reason: '' };

export function decline(reason: string): never {
  DECLINED.reason = reason;
  throw DECLINED;
}

/** What the last resolveProps call found (one object, reused: no allocation per call). */
export const props = {
  /** The indicator token, if there was one. */
  found: null as SourceToken | null,
  spaceBefore: false,
  comment: '',
  hasNewline: false,
  /** The offset past the props (or the offset given when there are none). */
  end: 0,
  comma: false,
  /** The props ended with white space holding a tab: TAB_AS_INDENT if a block collection follows. */
  tabAtEnd: false,
};

/** What the last resolveEnd call found: the comment after a node and the offset past its trailing white space. */
export const after = { offset: 0, comment: '' };

/**
 * resolveProps (results in `props`) for tokens made of white space, comments, newlines, commas (flow only) and the one
 * `indicator`. Anchors, tags, explicit keys and any token the Composer would complain about decline.
 */
export function resolveProps(tokens: readonly SourceToken[], indicator: string, offset: number, startOnNewline: boolean, flow: boolean): void {
  const n = tokens.length;
  // Fast paths for the usual shapes: nothing (a key after a previous value), `:` + space, `-` + space.
  if (n === 0 || (n === 2 && tokens[0]!.type === indicator && tokens[1]!.type === 'space' && indicator !== 'explicit-key-ind')) {
    const space = n === 0 ? undefined : tokens[1]!;
    if (space === undefined || space.source.indexOf('\t') === -1) {
      return plainProps(n === 0 ? null : tokens[0]!, false, space === undefined ? offset : space.offset + space.source.length);
    }
  }
  // An indentation before a key (`  key: v` on a later line): nothing but where the props end.
  if (n === 1 && tokens[0]!.type === 'space' && (flow || tokens[0]!.source.indexOf('\t') === -1)) {
    return plainProps(null, false, tokens[0]!.offset + tokens[0]!.source.length);
  }
  // `key:` with its value on the next line: the indicator, a newline and the next line's indentation.
  if (n === 3 && !flow && indicator === 'map-value-ind' && tokens[0]!.type === indicator && tokens[1]!.type === 'newline' && tokens[2]!.type === 'space' && tokens[2]!.source.indexOf('\t') === -1) {
    return plainProps(tokens[0]!, true, tokens[2]!.offset + tokens[2]!.source.length);
  }
  let spaceBefore = false, atNewline = startOnNewline, hasSpace = startOnNewline, hasNewline = false, comma = false, tab = false;
  let comment = '', commentSep = '';
  let found: SourceToken | null = null;
  for (let i = 0; i < n; i++) {
    const token = tokens[i]!;
    if (tab) {
      // TAB_AS_INDENT: white space with a tab at a line start, followed by content on that line.
      if (atNewline && token.type !== 'comment' && token.type !== 'newline') decline('tab as indentation');
      tab = false;
    }
    switch (token.type) {
      case 'space':
        // Tabs only matter outside flow collections (the Composer exempts `--- [` too; we do not bother).
        if (!flow && token.source.indexOf('\t') !== -1) tab = true;
        hasSpace = true;
        break;
      case 'comment': {
        if (!hasSpace) decline('comment without space'); // MISSING_CHAR
        if (flow) decline('comment in flow collection');
        const cb = token.source.length > 1 ? token.source.substring(1) : ' ';
        comment = comment === '' ? cb : comment + commentSep + cb;
        commentSep = '';
        atNewline = false;
        break;
      }
      case 'newline':
        if (flow) decline('newline in flow collection');
        if (atNewline) {
          if (comment !== '') comment += token.source;
          else if (found === null || indicator !== 'seq-item-ind') spaceBefore = true;
        } else commentSep += token.source;
        atNewline = true;
        hasNewline = true;
        hasSpace = true;
        break;
      case 'comma':
        if (!flow || comma) decline('unexpected comma');
        comma = true;
        atNewline = false;
        hasSpace = false;
        break;
      default:
        // Only the expected indicator, once; `?` (explicit-key-ind) is outside the subset.
        if (token.type !== indicator || found !== null || indicator === 'explicit-key-ind') decline(`props ${token.type}`);
        found = token;
        atNewline = indicator === 'seq-item-ind';
        hasSpace = false;
    }
  }
  props.found = found;
  props.spaceBefore = spaceBefore;
  props.comment = comment;
  props.hasNewline = hasNewline;
  props.comma = comma;
  // After the loop the Composer also reports a tab at a line start not deeper than the parent: decline them all.
  if (tab && atNewline) decline('tab as indentation');
  props.tabAtEnd = tab;
  const last = n > 0 ? tokens[n - 1]! : undefined;
  props.end = last !== undefined ? last.offset + last.source.length : offset;
}

/** Props without a comment, blank line, comma or tab: the indicator (or none), whether a line ended, and their end. */
function plainProps(found: SourceToken | null, hasNewline: boolean, end: number): void {
  props.found = found;
  props.spaceBefore = false;
  props.comment = '';
  props.hasNewline = hasNewline;
  props.comma = false;
  props.tabAtEnd = false;
  props.end = end;
}

/** resolveEnd: the comment after a node and the offset past its trailing white space (to `after`). */
export function resolveEnd(end: readonly SourceToken[] | undefined, offset: number, reqSpace: boolean): void {
  let comment = '';
  if (end !== undefined) {
    let hasSpace = false;
    let sep = '';
    for (let i = 0; i < end.length; i++) {
      const token = end[i]!;
      const source = token.source;
      switch (token.type) {
        case 'space': hasSpace = true; break;
        case 'comment': {
          if (reqSpace && !hasSpace) decline('comment without space');
          const cb = source.length > 1 ? source.substring(1) : ' ';
          comment = comment === '' ? cb : comment + sep + cb;
          sep = '';
          break;
        }
        case 'newline':
          if (comment !== '') sep += source;
          hasSpace = true;
          break;
        default:
          decline(`end ${token.type}`); // UNEXPECTED_TOKEN
      }
      offset += source.length;
    }
  }
  after.offset = offset;
  after.comment = comment;
}
