/**
 * One writer at a time per database. SQLite keeps each transaction safe, but a palign command is
 * many transactions that build on what the earlier ones read (documents → pairs → units): two
 * `palign run`s on one database interleave them and fail half-way on each other's rows. A lock
 * file beside the database (`corpus.db.lock`, holding the writer's pid) makes the second one stop
 * at once with a clear message. A lock left by a killed process is taken over.
 */
import fs from 'node:fs';
import { ioReason, PalignError } from '../errors.js';

/** The lock file of the database `file`. */
export function lockPath(file: string): string {
  return `${file}.lock`;
}

/** The pid recorded in a lock file, or null when the file is gone or unreadable. */
function holderOf(lock: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid is running (EPERM: it is, but someone else's). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Creates the lock file with our pid in it, atomically (written under a private name, then
 * hard-linked: the link fails when the lock exists, and a reader never sees it empty).
 * Returns false when another lock file is there; throws when none can be written beside `file`.
 */
function tryCreate(file: string, lock: string): boolean {
  const mine = `${lock}.${process.pid}`;
  try {
    fs.writeFileSync(mine, `${process.pid}\n`);
    fs.linkSync(mine, lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new PalignError(`${file}: cannot write beside the database (${ioReason(error)} creating ${lock})`);
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

/**
 * Takes the write lock of the database `file`; returns the function that releases it. Throws a
 * one-line PalignError when another running palign holds it. A lock whose process is gone
 * (killed, crashed) is removed and taken. Two processes taking over the same stale lock in the
 * same instant could both win; SQLite still keeps the database consistent then.
 */
export function lockStore(file: string): () => void {
  const lock = lockPath(file);
  if (!tryCreate(file, lock)) {
    const holder = holderOf(lock);
    if (holder !== null && holder !== process.pid && isRunning(holder)) {
      throw new PalignError(`${file}: another palign (pid ${holder}) is writing to this database; try again when it has finished`);
    }
    fs.rmSync(lock, { force: true });
    if (!tryCreate(file, lock)) throw new PalignError(`${file}: another palign is writing to this database; try again when it has finished`);
  }
  return () => {
    if (holderOf(lock) === process.pid) fs.rmSync(lock, { force: true });
  };
}
