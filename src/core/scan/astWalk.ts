import { ts } from './compiler';

/**
 * Visits `root` and its descendants in document order (pre-order, as a recursive `forEachChild` walk
 * would) with an explicit stack, so a file nested thousands of levels deep (a generated `"a" + "b" + ...`
 * of 3,000 terms, a `.then()` chain of 5,000) cannot overflow the call stack. `visit` returning false
 * skips the node's children. Every AST walk of the project goes through here.
 */
export function walkAst(root: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  const stack: ts.Node[] = [root];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node): void => {
    children.push(child);
  };
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (visit(node) === false) continue;
    ts.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    children.length = 0;
  }
}
