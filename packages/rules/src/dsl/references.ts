import type { Expr } from "./ast.js";
import type { Reference } from "./types.js";

/** The question and checklist references of a tree, in source order. */
export function collectReferences(ast: Expr): Reference[] {
  const references: Reference[] = [];
  const visit = (node: Expr): void => {
    switch (node.kind) {
      case "question":
        references.push({ kind: "question", number: node.number, offset: node.span.offset });
        break;
      case "checklist":
        references.push({ kind: "checklist", id: node.id, offset: node.span.offset });
        break;
      case "call":
        node.args.forEach(visit);
        break;
      case "not":
        visit(node.operand);
        break;
      case "logical":
      case "comparison":
        visit(node.left);
        visit(node.right);
        break;
      case "range":
        visit(node.value);
        visit(node.low);
        visit(node.high);
        break;
      default:
        break;
    }
  };
  visit(ast);
  return references.sort((a, b) => a.offset - b.offset);
}
