/** Elements built through the DOM: text is always a text node, never parsed as HTML. */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (name === 'class') el.className = value;
    else el.setAttribute(name, value);
  }
  el.append(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  return el;
}

export const fill = (parent: Element, children: Child[]) => parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
