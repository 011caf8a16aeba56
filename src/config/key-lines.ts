import { isMap, isScalar, type Document, type Node as YamlNode } from 'yaml';

/**
 * The 1-based line of every key of a YAML document, by dotted path ("pdf.paper"), so an error or warning about a
 * setting points at its own line. `firstLine` is the file line of the YAML text's first line.
 */
export function yamlKeyLines(doc: Document, text: string, firstLine = 1): Record<string, number> {
  const lines: Record<string, number> = {};
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return firstLine + low;
  };
  const visit = (node: unknown, prefix: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      if (!isScalar(key) || !key.range) continue;
      const path = prefix ? `${prefix}.${String(key.value)}` : String(key.value);
      lines[path] = lineOf(key.range[0]);
      visit(pair.value, path);
    }
  };
  visit(doc.contents, '');
  return lines;
}

/** Lines of top-level and nested keys in JSON text, found by their quoted names (first occurrence). */
export function jsonKeyLines(values: Record<string, unknown>, text: string, prefix = ''): Record<string, number> {
  const lines: Record<string, number> = {};
  for (const [key, value] of Object.entries(values)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const at = text.indexOf(`${JSON.stringify(key)}`);
    if (at !== -1) lines[path] = text.slice(0, at).split('\n').length;
    if (value && typeof value === 'object' && !Array.isArray(value))
      Object.assign(lines, jsonKeyLines(value as Record<string, unknown>, text, path));
  }
  return lines;
}
