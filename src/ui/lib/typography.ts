// French typography for what the interface shows: the core's messages are plain text (the
// JSON report and the output file's libelleTraitement keep ordinary spaces); on screen, a
// no-break space goes before « : » and inside « », a narrow no-break space before ; ? !, so that
// the punctuation never starts a line.

/** `tag : valeur ; trouvé : « x » ?` → the same with no-break spaces where French typography wants them. */
export function frenchSpaces(s: string): string {
  return s.replace(/ ([:;?!»])/g, (_, p: string) => (p === ':' || p === '»' ? '\u00a0' : '\u202f') + p).replace(/« /g, '«\u00a0');
}
