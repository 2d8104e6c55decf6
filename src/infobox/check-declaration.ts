import type { VFile } from 'vfile';
import type { LocatedYaml, YamlPath } from '../schema/parse-yaml.js';
import { suggestion } from '../shared/did-you-mean.js';
import { fail } from '../shared/messages.js';
import type { FieldDeclaration, InfoboxDeclaration } from './declaration.js';

/**
 * What the schema of a declaration cannot say: the caption and subtitle name
 * text fields, `joins` names an earlier plain field, groups have fields and others
 * none, columns are for repeated groups, groups do not nest. Problems are reported
 * on `file` at their place; returns whether there was none.
 */
export function checkDeclaration(declaration: InfoboxDeclaration, file: VFile, yaml: LocatedYaml, expectedName: string | undefined): boolean {
  let ok = true;
  const problem = (reason: string, path: YamlPath, rule: 'bad-value' | 'missing-field' | 'unknown-field' = 'bad-value', key = false) => {
    ok = false;
    fail(file, rule, reason, yaml.locate(path, { key }));
  };
  if (expectedName !== undefined && declaration.name !== expectedName) {
    problem(`Expected the type in \`${expectedName}.yaml\` to be named \`${expectedName}\`, not \`${declaration.name}\``, ['name']);
  }
  const keys = Object.keys(declaration.fields);
  if (keys.length === 0) problem('Expected at least one field in `fields`', ['fields']);
  const textField = (role: 'caption' | 'subtitle', key: string | undefined) => {
    if (key === undefined) return;
    const field = declaration.fields[key];
    if (!field) problem(`Unknown field \`${key}\` named as the ${role}${suggestion(key, keys)}`, [role]);
    else if (field.type !== 'text') problem(`Expected the ${role} \`${key}\` to be a \`text\` field, not \`${field.type}\``, [role]);
    else if (role === 'caption' && !field.required) problem(`Expected the caption field \`${key}\` to be \`required: true\``, ['fields', key]);
  };
  textField('caption', declaration.caption);
  textField('subtitle', declaration.subtitle);
  let columns = 0;
  for (const [key, field] of Object.entries(declaration.fields)) {
    checkField(key, field, ['fields', key], declaration.fields, problem, false);
    if (field.joins !== undefined && (field.joins === declaration.caption || field.joins === declaration.subtitle)) {
      problem(`Expected \`joins\` to name a field shown as a row, not the ${field.joins === declaration.caption ? 'caption' : 'subtitle'} \`${field.joins}\``, [
        'fields',
        key,
        'joins',
      ]);
    }
    if (field.show === 'columns') columns++;
    if (columns > 1 && field.show === 'columns') problem('Unexpected second group shown as `columns`; a box has one set of columns', ['fields', key, 'show']);
  }
  return ok;
}

type Problem = (reason: string, path: YamlPath, rule?: 'bad-value' | 'missing-field' | 'unknown-field', key?: boolean) => void;

function checkField(
  key: string,
  field: FieldDeclaration,
  path: YamlPath,
  siblings: Readonly<Record<string, FieldDeclaration>>,
  problem: Problem,
  nested: boolean,
): void {
  const isGroup = field.type === 'group';
  if (isGroup && nested) problem('Unexpected group inside a group; groups hold plain fields', [...path, 'type']);
  if (isGroup && (!field.fields || Object.keys(field.fields).length === 0)) problem(`Missing \`fields\` of the group \`${key}\``, path, 'missing-field');
  for (const option of ['fields', 'repeat', 'max', 'show'] as const) {
    if (!isGroup && field[option] !== undefined && !(option === 'repeat' && field.repeat === false)) {
      problem(`Unexpected \`${option}\` on the ${field.type} field \`${key}\`; only a \`group\` has it`, [...path, option], 'unknown-field', true);
    }
  }
  if (field.show === 'columns' && !field.repeat)
    problem(`Expected the group \`${key}\` shown as \`columns\` to have \`repeat: true\` (one column per item)`, [...path, 'show']);
  if (field.max !== undefined && !field.repeat)
    problem(`Unexpected \`max\` on the group \`${key}\` that does not \`repeat\``, [...path, 'max'], 'unknown-field', true);
  if (field.joins !== undefined) {
    const keys = Object.keys(siblings);
    const target = siblings[field.joins];
    if (!target) problem(`Unknown field \`${field.joins}\` in \`joins\`${suggestion(field.joins, keys)}`, [...path, 'joins']);
    else if (keys.indexOf(field.joins) > keys.indexOf(key)) problem(`Expected \`joins\` to name a field declared before \`${key}\``, [...path, 'joins']);
    else if (target.type === 'group' || target.type === 'image' || target.joins !== undefined || isGroup || field.type === 'image') {
      problem(`Expected \`joins\` to join two plain fields (\`${field.joins}\` is ${target.joins ? 'joined itself' : `a ${target.type}`})`, [...path, 'joins']);
    }
  }
  if (isGroup && field.fields) {
    for (const [sub, subField] of Object.entries(field.fields)) checkField(sub, subField, [...path, 'fields', sub], field.fields, problem, true);
  }
}
