// Test-only: just enough XML handling for the fault proxy: escaping, and locating elements in AWS responses
// (which are regular: no CDATA in the parts we touch, no mixed content) without a parser dependency.

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Where an element sits: [start, end) is the whole element, [innerStart, innerEnd) its content. */
export interface ElementRange {
  name: string;
  start: number;
  innerStart: number;
  innerEnd: number;
  end: number;
}

interface Tag {
  name: string;
  kind: 'open' | 'close' | 'self';
  start: number;
  end: number;
}

function* tags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  let i = xml.indexOf('<', from);
  while (i !== -1 && i < to) {
    if (xml.startsWith('<?', i) || xml.startsWith('<!--', i) || xml.startsWith('<![CDATA[', i) || xml.startsWith('<!', i)) {
      const close = xml.startsWith('<!--', i) ? xml.indexOf('-->', i) + 3 : xml.startsWith('<![CDATA[', i) ? xml.indexOf(']]>', i) + 3 : xml.indexOf('>', i) + 1;
      i = xml.indexOf('<', close);
      continue;
    }
    const end = xml.indexOf('>', i) + 1;
    if (end === 0) return;
    const raw = xml.slice(i + 1, end - 1);
    if (raw.startsWith('/')) {
      yield { name: raw.slice(1).trim(), kind: 'close', start: i, end };
    } else {
      const name = raw.replace(/\/$/, '').trim().split(/\s/)[0] ?? '';
      yield { name, kind: raw.endsWith('/') ? 'self' : 'open', start: i, end };
    }
    i = xml.indexOf('<', end);
  }
}

/** The first element named `name` (at any depth) inside [from, to). */
export function findElement(xml: string, name: string, from = 0, to = xml.length): ElementRange | undefined {
  let depth = 0;
  let open: Tag | undefined;
  for (const tag of tags(xml, from, to)) {
    if (!open) {
      if (tag.name !== name) continue;
      if (tag.kind === 'self') return { name, start: tag.start, innerStart: tag.end, innerEnd: tag.end, end: tag.end };
      if (tag.kind === 'open') {
        open = tag;
        depth = 1;
      }
      continue;
    }
    if (tag.name !== name || tag.kind === 'self') continue;
    depth += tag.kind === 'open' ? 1 : -1;
    if (depth === 0) return { name, start: open.start, innerStart: open.end, innerEnd: tag.start, end: tag.end };
  }
  return undefined;
}

/** The direct child elements of `parent`, in order. */
export function childElements(xml: string, parent: ElementRange): ElementRange[] {
  const children: ElementRange[] = [];
  let depth = 0;
  let current: Tag | undefined;
  for (const tag of tags(xml, parent.innerStart, parent.innerEnd)) {
    if (tag.kind === 'self') {
      if (depth === 0) children.push({ name: tag.name, start: tag.start, innerStart: tag.end, innerEnd: tag.end, end: tag.end });
      continue;
    }
    if (tag.kind === 'open') {
      if (depth === 0) current = tag;
      depth++;
    } else {
      depth--;
      if (depth === 0 && current) {
        children.push({ name: current.name, start: current.start, innerStart: current.end, innerEnd: tag.start, end: tag.end });
        current = undefined;
      }
    }
  }
  return children;
}

/** The unescaped text of the first element named `name`, if any. */
export function elementText(xml: string, name: string): string | undefined {
  const element = findElement(xml, name);
  return element ? unescapeXml(xml.slice(element.innerStart, element.innerEnd)) : undefined;
}

/** Replaces [start, end) of `xml` with `text`. */
export function splice(xml: string, start: number, end: number, text: string): string {
  return xml.slice(0, start) + text + xml.slice(end);
}
