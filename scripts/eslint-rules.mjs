/**
 * Two lint rules of our own, for slips neither ESLint's nor typescript-eslint's recommended sets catch
 * and that review found in this code: an option listed twice in a lookup set, and two doc comments
 * stacked on one declaration (the first is dead text that drifts from the second).
 */

/** `new Set(['-t', '--root', '-t'])`: the second '-t' says nothing and hides what the author meant. */
const noDuplicateSetEntries = {
  meta: {
    type: 'problem',
    docs: { description: 'A literal listed twice in new Set([...]) or an array passed to it' },
    messages: { duplicate: '{{value}} is listed twice in this set; the second entry does nothing.' },
    schema: [],
  },
  create(context) {
    return {
      NewExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'Set') return;
        const [list] = node.arguments;
        if (!list || list.type !== 'ArrayExpression') return;
        const seen = new Set();
        for (const element of list.elements) {
          if (!element || element.type !== 'Literal') continue;
          const key = `${typeof element.value}:${String(element.value)}`;
          if (seen.has(key)) context.report({ node: element, messageId: 'duplicate', data: { value: element.raw } });
          seen.add(key);
        }
      },
    };
  },
};

/** Two `/** … *\/` comments with nothing but blanks between them and the same declaration after. */
const noStackedDocComments = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Two doc comments directly above one declaration' },
    messages: { stacked: 'Two doc comments stand above this declaration; merge them into one.' },
    schema: [],
  },
  create(context) {
    const source = context.sourceCode;
    return {
      Program() {
        const comments = source.getAllComments();
        for (let i = 1; i < comments.length; i++) {
          const [previous, current] = [comments[i - 1], comments[i]];
          const isDoc = (comment) => comment.type === 'Block' && comment.value.startsWith('*');
          if (!isDoc(previous) || !isDoc(current)) continue;
          const between = source.text.slice(previous.range[1], current.range[0]);
          if (between.trim() !== '' || between.split('\n').length > 2) continue;
          const next = source.getTokenAfter(current, { includeComments: false });
          if (next) context.report({ loc: current.loc, messageId: 'stacked' });
        }
      },
    };
  },
};

export default { rules: { 'no-duplicate-set-entries': noDuplicateSetEntries, 'no-stacked-doc-comments': noStackedDocComments } };
