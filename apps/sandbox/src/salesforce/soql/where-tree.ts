import type {
  ConditionWithValueQuery,
  HavingClause,
  NegationCondition,
  WhereClause,
} from "soql-parser-js";
import { malformedQuery } from "./query-errors.js";

/** One comparison of a WHERE clause (`Name = 'x'`, `Id IN (...)`, a semi-join...). */
export type ComparisonCondition = Exclude<ConditionWithValueQuery, NegationCondition>;

/** A WHERE clause as a tree with SOQL precedence: NOT binds tightest, then AND, then OR. */
export type WhereNode =
  | { readonly kind: "condition"; readonly condition: ComparisonCondition }
  | { readonly kind: "and" | "or"; readonly left: WhereNode; readonly right: WhereNode }
  | { readonly kind: "not"; readonly operand: WhereNode };

type Token = "(" | ")" | "AND" | "OR" | "NOT" | { readonly condition: ComparisonCondition };

/**
 * soql-parser-js returns a WHERE clause as a right-leaning chain whose parentheses are counts on
 * the conditions (`openParen`, `closeParen`), not a tree. This flattens the chain back into
 * tokens and parses them with the usual precedence, so `A AND (B OR C)` and `(A OR B) AND C`
 * evaluate as written. HAVING clauses have the same form.
 * @throws SalesforceApiError `MALFORMED_QUERY` when the parentheses do not balance.
 */
export function buildWhereTree(where: WhereClause | HavingClause): WhereNode {
  const tokens = tokenize(where);
  let position = 0;

  const peek = (): Token | undefined => tokens[position];
  const parseOr = (): WhereNode => {
    let left = parseAnd();
    while (peek() === "OR") {
      position += 1;
      left = { kind: "or", left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): WhereNode => {
    let left = parseUnary();
    while (peek() === "AND") {
      position += 1;
      left = { kind: "and", left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): WhereNode => {
    const token = peek();
    position += 1;
    if (token === "NOT") return { kind: "not", operand: parseUnary() };
    if (token === "(") {
      const inner = parseOr();
      if (peek() !== ")") throw malformedQuery("unbalanced parentheses in WHERE clause");
      position += 1;
      return inner;
    }
    if (token !== undefined && typeof token === "object")
      return { kind: "condition", condition: token.condition };
    throw malformedQuery("unexpected token in WHERE clause");
  };

  const tree = parseOr();
  if (position !== tokens.length) throw malformedQuery("unbalanced parentheses in WHERE clause");
  return tree;
}

function tokenize(where: WhereClause | HavingClause): Token[] {
  const tokens: Token[] = [];
  let clause: WhereClause | HavingClause | undefined = where;
  while (clause) {
    const left: ConditionWithValueQuery | null = clause.left;
    if (left !== null && isCondition(left)) {
      tokens.push(
        ...repeat<Token>("(", left.openParen ?? 0),
        { condition: left },
        ...repeat<Token>(")", left.closeParen ?? 0),
      );
    } else if (left !== null) {
      tokens.push(...repeat<Token>("(", left.openParen));
    }
    if ("operator" in clause) {
      tokens.push(clause.operator);
      clause = clause.right;
    } else {
      clause = undefined;
    }
  }
  return tokens;
}

/** A comparison, as opposed to the bare `{ openParen }` that precedes a parenthesised NOT. */
function isCondition(left: ConditionWithValueQuery): left is ComparisonCondition {
  return "operator" in left;
}

function repeat<T>(token: T, count: number): T[] {
  return Array.from({ length: count }, () => token);
}
