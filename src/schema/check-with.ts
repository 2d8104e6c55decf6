import * as v from 'valibot';
import type { RuleId } from '../shared/rules.js';

const rules = new WeakMap<object, RuleId>();

/** A `v.check` whose failures are reported under `rule`. */
export function checkWith<T>(requirement: (input: T) => boolean, rule: RuleId, message: (input: T) => string) {
  rules.set(requirement, rule);
  return v.check<T, (issue: v.CheckIssue<T>) => string>(requirement, (issue) => message(issue.input));
}

/** The rule a custom requirement was registered under. */
export function ruleOf(requirement: unknown): RuleId | undefined {
  return typeof requirement === 'function' ? rules.get(requirement) : undefined;
}
