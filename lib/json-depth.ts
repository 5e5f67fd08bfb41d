/**
 * How deeply a parsed JSON value nests, walked with an explicit stack. JSON.parse accepts any
 * depth, but everything recursive afterwards (JSON.stringify when storing it, structured clone,
 * a recursive reader) overflows the call stack somewhere past a few thousand levels, so input
 * from users is checked against a bound before anything recursive sees it.
 */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
