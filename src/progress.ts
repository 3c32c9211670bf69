/** Progress on stderr for long work, only when stderr is a terminal (never in pipes, logs or CI). */

export interface Progress {
  tick(detail?: string): void;
  done(): void;
}

const SILENT: Progress = { tick() {}, done() {} };
/** Redraw at most this often: a terminal redraw per file would slow down a 10k-file ingest. */
const REDRAW_MS = 100;
/** Width assumed when the terminal reports none (0 under `script` and some CI ptys). */
const DEFAULT_COLUMNS = 80;

/** A progress line `label  12/340  detail` redrawn in place; silent when stderr is not a TTY. */
export function progress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total === 0) return SILENT;
  let count = 0;
  let last = 0;
  const draw = (detail = '') => {
    const width = stream.columns || DEFAULT_COLUMNS;
    const line = `${label}  ${count}/${total}  ${detail}`.slice(0, width - 1);
    stream.write(`\r\x1b[K${line}`);
  };
  return {
    tick(detail) {
      count++;
      const now = Date.now();
      if (now - last >= REDRAW_MS || count === total) {
        last = now;
        draw(detail);
      }
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}

/**
 * A one-off status line `label  detail` for work that cannot count its steps (matching, the
 * alignment search), so the terminal does not sit silent for minutes; `done()` clears it.
 * Silent when the stream is not a terminal.
 */
export function status(label: string, detail: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT;
  const width = stream.columns || DEFAULT_COLUMNS;
  stream.write(`\r\x1b[K${`${label}  ${detail}`.slice(0, width - 1)}`);
  return { tick() {}, done: () => stream.write('\r\x1b[K') };
}
