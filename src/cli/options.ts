/** Option helpers shared by the commands. */

/**
 * The value of an option that takes one value, when the user gave it more than once: yargs then
 * hands over an array (`--out a --out b` → ['a', 'b']). The last one counts, as in most command
 * line tools, so a script's default followed by the user's own choice does what the user meant.
 * Used as the option's `coerce`.
 */
export function lastValue(value: string | string[]): string {
  return Array.isArray(value) ? value[value.length - 1] : value;
}
