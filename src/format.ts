/** Text output for the terminal: tables, side-by-side columns. Pure string functions. */

/** Text cut to `width` characters with an ellipsis. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** A left-aligned table; `widths` caps columns (0 = no cap). */
export function table(header: string[], rows: string[][], widths: number[] = []): string {
  const cells = [header, ...rows].map((row) => row.map((cell, i) => (widths[i] ? truncate(cell, widths[i]) : cell)));
  const sizes = header.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
  return cells
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(sizes[i] + (cell.length - [...cell].length)))).join('  ').trimEnd())
    .join('\n');
}

/** `text` broken into lines of at most `width` characters, at spaces where possible. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    let rest = word;
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    line = line ? `${line} ${rest}` : rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Two texts side by side in columns of `width`, with a gutter label on the first line. */
export function sideBySide(label: string, left: string, right: string, width: number): string {
  const a = wrap(left, width);
  const b = wrap(right, width);
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    out.push(`${(i === 0 ? label : '').padEnd(10)}${(a[i] ?? '').padEnd(width)} │ ${b[i] ?? ''}`.trimEnd());
  }
  return out.join('\n');
}
