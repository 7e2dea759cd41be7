// Small bounded caches for values that repeat from request to request (principal ARNs, context key
// names, dates and addresses in context values). Clearing when full keeps memory bounded without
// bookkeeping; a cold cache only costs the work it would have done anyway.

export class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(
    private readonly compute: (key: string) => V,
    private readonly limit = 2048,
  ) {}

  get(key: string): V {
    let value = this.map.get(key);
    if (value === undefined && !this.map.has(key)) {
      value = this.compute(key);
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(key, value);
    }
    return value as V;
  }
}

export const lowerCase = new Memo<string>((key) => key.toLowerCase());
