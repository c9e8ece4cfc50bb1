/**
 * Where a reader is in a list paged by page tokens: the token of every page visited so far, so Previous can go back
 * (the API only hands out the next page's token).
 */
export interface PageCursor {
  /** tokens[i] fetches page i; tokens[0] is "" (the first page). */
  readonly tokens: readonly string[];
  readonly index: number;
}

export const firstPage: PageCursor = { tokens: [""], index: 0 };

export function currentToken(cursor: PageCursor): string {
  return cursor.tokens[cursor.index];
}

export function hasPrevious(cursor: PageCursor): boolean {
  return cursor.index > 0;
}

/** Moves to the page after the current one, whose token the current page's response carried. */
export function next(cursor: PageCursor, nextPageToken: string): PageCursor {
  if (!nextPageToken) return cursor;
  return { tokens: [...cursor.tokens.slice(0, cursor.index + 1), nextPageToken], index: cursor.index + 1 };
}

export function previous(cursor: PageCursor): PageCursor {
  return hasPrevious(cursor) ? { tokens: cursor.tokens, index: cursor.index - 1 } : cursor;
}

/** "Page 2" style position, 1-based. */
export function pageNumber(cursor: PageCursor): number {
  return cursor.index + 1;
}
