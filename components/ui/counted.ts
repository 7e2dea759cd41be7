/** A count with its noun agreeing: counted(1, "card", "cards") is "1 card", counted(66, …) "66 cards". */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
