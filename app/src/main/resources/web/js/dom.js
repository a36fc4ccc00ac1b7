// Building the page from trusted templates; anything that came from the network goes in as text, never as HTML.

/** The nodes of a template written in this code (a fragment, so several top-level elements are fine). */
export function element(html) {
    const template = document.createElement('template');
    template.innerHTML = html.trim();
    const nodes = template.content;
    return nodes.childElementCount === 1 ? nodes.firstElementChild : nodes;
}

/** A new element with text content and attributes. */
export function tag(name, text = '', attributes = {}) {
    const node = document.createElement(name);
    node.textContent = text;
    for (const [key, value] of Object.entries(attributes)) {
        node.setAttribute(key, value);
    }
    return node;
}
