/** Strings interned as small dense integers, for typed-array counting (lexicon learning). */
export class Interner {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  /** The id of `s`, assigned on first sight. */
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(s, id);
      this.names.push(s);
    }
    return id;
  }
}
