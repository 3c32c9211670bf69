/** Finding the documents of a folder. */
import fs from 'node:fs';
import path from 'node:path';
import { ioReason, PalignError } from '../errors.js';

/** File name extensions palign reads; HTML is turned into text first. */
export const TEXT_EXTENSIONS = ['.txt', '.md'];
export const HTML_EXTENSIONS = ['.html', '.htm'];

/**
 * Throws a one-line PalignError unless `root` is a folder palign can list: what a command checks
 * before it creates or changes a database, so a mistyped folder leaves none behind.
 */
export function checkFolder(root: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PalignError(code === 'ENOENT' ? `${root}: no such folder` : `${root}: cannot read (${ioReason(error)})`);
  }
  if (!stat.isDirectory()) throw new PalignError(`${root}: not a folder (give the folder that holds the documents)`);
}

/**
 * The folder `dir` as the store keys it: absolute, with symbolic links resolved, so the same
 * folder reached through a link (or a system path such as macOS's /tmp → /private/tmp) is one
 * folder, not a second copy of every document. A path that does not resolve is only made absolute.
 */
export function canonicalFolder(dir: string): string {
  const absolute = path.resolve(dir);
  try {
    return fs.realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/**
 * The readable files under `root`, recursively, as '/'-separated paths relative to it, sorted so
 * that every run sees them in the same order. Hidden files and folders are skipped.
 */
export function listFiles(root: string): string[] {
  checkFolder(root);
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      // Stopping, not skipping: the documents stored from an unlisted folder would count as deleted.
      throw new PalignError(`${dir}: cannot list the folder (${ioReason(error)})`);
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (isDocumentFile(entry.name)) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/**
 * Throws a one-line PalignError unless `root` is a folder with at least one document file in it:
 * an empty folder, or one of PDFs, is a mistyped path far more often than a wish to remove every
 * document ingested from it, and the database is left as it was.
 */
export function checkDocumentFolder(root: string): void {
  if (listFiles(root).length === 0) {
    throw new PalignError(`${root}: no documents here (palign reads ${[...TEXT_EXTENSIONS, ...HTML_EXTENSIONS].join(', ')} files)`);
  }
}

/**
 * Largest file read as a document. A news article is tens of kilobytes; a file this big is a dump
 * or an archive, and cleaning it would take minutes and gigabytes (6.5 MB of text: 14 s, 320 MB).
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/**
 * The bytes of the document file `file`, or the reason it cannot be one: not a regular file (a
 * named pipe would block the read forever, a device never end), too large, or unreadable.
 */
export function readDocumentBytes(file: string): Buffer | { reason: string } {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { reason: 'a folder, not a file' };
    if (!stat.isFile()) return { reason: 'not a regular file (a pipe, socket or device)' };
    if (stat.size > MAX_DOCUMENT_BYTES) return { reason: `too large for a document (${(stat.size / 1024 / 1024).toFixed(0)} MB; at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB)` };
    return fs.readFileSync(file);
  } catch (error) {
    return { reason: `unreadable (${ioReason(error)})` };
  }
}

export function isDocumentFile(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return TEXT_EXTENSIONS.includes(ext) || HTML_EXTENSIONS.includes(ext);
}

export function isHtml(name: string): boolean {
  return HTML_EXTENSIONS.includes(path.extname(name).toLowerCase());
}
