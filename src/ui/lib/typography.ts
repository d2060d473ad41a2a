// French typography for what the interface shows: the core's messages are plain text (the
// JSON report and the output file's libelleTraitement keep ordinary spaces); on screen, a
// no-break space goes before « : » and inside « », a narrow no-break space before ; ? !, so that
// the punctuation never starts a line. The templates' own text gets them at build time
// (build/french-typography.ts); the sentences the UI's modules build use `fr`, and the texts
// that come from elsewhere (messages, documentation) go through frenchSpaces where they are shown.

/** `tag : valeur ; trouvé : « x » ?` → the same with no-break spaces where French typography wants them. */
export function frenchSpaces(s: string): string {
  // « first: in « ; » the space after « is a whole no-break space, not the narrow one before ;.
  return s.replace(/« /g, '«\u00a0').replace(/ ([:;?!»])/g, (_, p: string) => (p === ':' || p === '»' ? '\u00a0' : '\u202f') + p);
}

/**
 * A sentence of the interface, typeset: fr`Le fichier ${name} : voir « Documents attendus ».`
 * applies frenchSpaces to the written text only, never to the values put in it (file names,
 * JSON values and codes stay as they are).
 */
export function fr(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, s, i) => out + frenchSpaces(s) + (i < values.length ? String(values[i]) : ''), '');
}
