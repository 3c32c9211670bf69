/** Finding the documents of a folder. */
import fs from 'node:fs';
import path from 'node:path';
import { PalignError } from '../errors.js';

/** File name extensions palign reads; HTML is turned into text first. */
export const TEXT_EXTENSIONS = ['.txt', '.md'];
export const HTML_EXTENSIONS = ['.html', '.htm'];

/**
 * The readable files under `root`, recursively, as '/'-separated paths relative to it, sorted so
 * that every run sees them in the same order. Hidden files and folders are skipped.
 */
export function listFiles(root: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch {
    throw new PalignError(`${root}: no such folder`);
  }
  if (!stat.isDirectory()) throw new PalignError(`${root}: not a folder (give the folder that holds the documents)`);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (isDocumentFile(entry.name)) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

export function isDocumentFile(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return TEXT_EXTENSIONS.includes(ext) || HTML_EXTENSIONS.includes(ext);
}

export function isHtml(name: string): boolean {
  return HTML_EXTENSIONS.includes(path.extname(name).toLowerCase());
}
