// Growing the short lists of a check (a request's findings, the codes it met, a value's failed
// steps, its issues) without the spare room of an array's first push.

/**
 * `list` with `item` added at its end: `list` itself, pushed to, or a new array of one when
 * `list` is undefined or empty (an empty list is never pushed to, so it may be a shared, frozen
 * one). Why: V8 gives an empty array room for 17 elements on its first push, and most of these
 * lists hold one item (issue 12: the all-rejected file has one finding per request).
 */
export function append<T>(list: T[] | undefined, item: T): T[] {
  if (list === undefined || list.length === 0) return [item];
  list.push(item);
  return list;
}
