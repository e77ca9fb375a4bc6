/**
 * Explicit transition tables (architecture.md §3.6). A state change is legal only if it is a row
 * of its machine's table; the database write then guards on the `from` state.
 */

export interface Transition<S extends string, A extends string> {
  readonly from: S;
  readonly action: A;
  readonly to: S;
}

export interface StateMachine<S extends string, A extends string> {
  readonly name: string;
  readonly states: readonly S[];
  readonly initial: S;
  /** States with no way out; the record is closed. */
  readonly terminal: readonly S[];
  /** States in which the owner (producer) may edit the record's content. */
  readonly editableByOwner: readonly S[];
  readonly transitions: readonly Transition<S, A>[];
}

/** Target state of `action` from `from`, or null when the table has no such row. */
export function transition<S extends string, A extends string>(machine: StateMachine<S, A>, from: S, action: A): S | null {
  return machine.transitions.find((t) => t.from === from && t.action === action)?.to ?? null;
}

export function allowedActions<S extends string, A extends string>(machine: StateMachine<S, A>, from: S): A[] {
  return machine.transitions.filter((t) => t.from === from).map((t) => t.action);
}

export function isTerminal<S extends string, A extends string>(machine: StateMachine<S, A>, state: S): boolean {
  return machine.terminal.includes(state);
}

export function isEditableByOwner<S extends string, A extends string>(machine: StateMachine<S, A>, state: S): boolean {
  return machine.editableByOwner.includes(state);
}

export function isState<S extends string, A extends string>(machine: StateMachine<S, A>, value: unknown): value is S {
  return typeof value === "string" && (machine.states as readonly string[]).includes(value);
}

export type MachineProblem =
  | { readonly code: "UNKNOWN_STATE"; readonly state: string }
  | { readonly code: "DUPLICATE_ROW"; readonly from: string; readonly action: string }
  | { readonly code: "TERMINAL_HAS_EXIT"; readonly state: string }
  | { readonly code: "DEAD_END"; readonly state: string }
  | { readonly code: "UNREACHABLE"; readonly state: string };

/**
 * Structural checks of a table: known states, one row per (from, action), terminal states have
 * no exit, non-terminal states have one, every state reachable from the initial one.
 */
export function checkMachine<S extends string, A extends string>(machine: StateMachine<S, A>): MachineProblem[] {
  const problems: MachineProblem[] = [];
  const known = new Set<string>(machine.states);
  const mentioned = [machine.initial, ...machine.terminal, ...machine.editableByOwner, ...machine.transitions.flatMap((t) => [t.from, t.to])];
  for (const s of new Set(mentioned)) if (!known.has(s)) problems.push({ code: "UNKNOWN_STATE", state: s });
  const rows = new Set<string>();
  for (const t of machine.transitions) {
    const key = `${t.from}|${t.action}`;
    if (rows.has(key)) problems.push({ code: "DUPLICATE_ROW", from: t.from, action: t.action });
    rows.add(key);
  }
  for (const s of machine.states) {
    const exits = allowedActions(machine, s).length;
    if (isTerminal(machine, s) && exits > 0) problems.push({ code: "TERMINAL_HAS_EXIT", state: s });
    if (!isTerminal(machine, s) && exits === 0) problems.push({ code: "DEAD_END", state: s });
  }
  const reached = new Set<string>([machine.initial]);
  const queue: string[] = [machine.initial];
  while (queue.length > 0) {
    const s = queue.shift();
    for (const t of machine.transitions) {
      if (t.from === s && !reached.has(t.to)) {
        reached.add(t.to);
        queue.push(t.to);
      }
    }
  }
  for (const s of machine.states) if (!reached.has(s)) problems.push({ code: "UNREACHABLE", state: s });
  return problems;
}
