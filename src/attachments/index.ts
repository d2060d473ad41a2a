// The attachments check (pièces justificatives), for the CLI and the app: read the zips'
// directories and first bytes, compare with what the JSON names. Pure.

export { checkAttachments, BOMB_RATIO, type CheckOptions, type ZipInput } from './check';
export { expectedAttachments, type ExpectedAttachment } from './expected';
export { BIO_ATTACHMENTS, MIB, VAGUE1_ATTACHMENTS, VAGUE2_ATTACHMENTS } from './limits';
export { HEAD_BYTES, matchesExtension, sniff } from './magic';
export { readEntryHead, readZipDirectory, ZipError, type BlobLike, type ZipDirectory, type ZipEntry } from './zip';
